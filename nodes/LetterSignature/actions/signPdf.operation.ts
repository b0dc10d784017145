import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import problems from '../../../templates/signing/problems.json';
import tteForm from '../../../templates/signing/tte-form.json';
import type { FailurePolicy, ItemResult } from '../../n8nHelpers/itemLoop';
import wording from '../../../templates/signing/widget.json';
import {
	DEFAULT_PLACEMENT,
	signPdf,
	signPdfWithBsre,
	SigningError,
	type HttpFetch,
	type SignedPdf,
	type Signer,
	type SignOptions,
} from '../../domain/signing';
import { openOfficeCertificate, type OfficeCertificateCredential } from './officeCertificate';

const show = { operation: ['signPdf'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Sign With',
		name: 'signWith',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Office Certificate',
				value: 'officeCertificate',
				description: 'A PKCS#12 certificate of the office (testing, or an own CA)',
			},
			{
				name: 'BSrE TTE',
				value: 'bsre',
				description: "The signatory's certificate at BSrE (BSSN), through the esign API",
			},
		],
		default: 'officeCertificate',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show },
		description: 'The binary property holding the letter PDF; the signed PDF replaces it',
	},
	{
		displayName: 'Passphrase',
		name: 'passphrase',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { ...show, signWith: ['bsre'] } },
		description:
			"The signatory's TTE passphrase, when the credential holds none (e.g. from the signing form). Never written to the output. Once BSrE refuses it, the node sends no further letter of this run to BSrE (BSrE locks a certificate after repeated wrong passphrases): those items are left out of the output.",
	},
	{
		displayName: 'Signatory Name',
		name: 'signatoryName',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, signWith: ['bsre'] } },
		description: "The name printed in the signature block, as on BSrE's certificate",
	},
	{
		displayName: 'Visible Signature Block',
		name: 'visible',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			"Whether to draw a block showing who signed and when (and the BSrE sentence when BSrE signs): on a letter from Letter PDF in the signature space above the signatory's name, on any other PDF at the foot of the last page with the QR code",
	},
	{
		displayName: 'QR Code Text',
		name: 'qrText',
		type: 'string',
		default: '={{ $json.verificationUrl }}',
		displayOptions: { show: { ...show, visible: [true] } },
		description:
			"Usually the verification URL the Letter PDF node put on the item; empty for no QR code. Not drawn in a letter's signature space: the letter prints its own QR code beside it.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Block Bottom (Mm)',
				name: 'yMm',
				type: 'number',
				default: 10,
				description:
					"From the page's bottom edge. Setting any of the block's position or width places the block there (last page) instead of in the letter's signature space.",
			},
			{
				displayName: 'Block Left (Mm)',
				name: 'xMm',
				type: 'number',
				default: 25,
				description: "From the page's left edge",
			},
			{
				displayName: 'Block Width (Mm)',
				name: 'widthMm',
				type: 'number',
				default: 165,
			},
			{
				displayName: 'Location',
				name: 'location',
				type: 'string',
				default: '',
				placeholder: 'Madiun',
				description: 'Where the letter is signed (shown by PDF readers)',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				description:
					'Why the letter is signed (shown by PDF readers); empty for the wording in templates/signing',
			},
			{
				displayName: 'Timestamp Authority URL',
				name: 'tsaUrl',
				type: 'string',
				default: '',
				placeholder: 'https://timestamp.example.com/',
				description:
					'Office certificate only: an RFC 3161 timestamp service; the signature then carries a trusted time',
			},
		],
	},
];

/** Output keys that could carry a secret from a form or a credential: never passed on. */
const SECRET_KEY = /pass(phrase|word)|secret/i;

const withoutSecrets = (json: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(json).filter(([key]) => !SECRET_KEY.test(key)));

const fill = (text: string, values: Record<string, string | number>) =>
	text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

const reasonFor = (code?: string): string =>
	fill((problems as Record<string, string>)[code ?? ''] ?? problems.default, {
		limit: tteForm.bsreWrongPassphraseLimit,
	});

/** A signing refusal's reason; else the reason an upstream failure brought, else the default. */
const reasonOf = (error: Error, upstream: unknown): string =>
	error instanceof SigningError
		? reasonFor(error.code)
		: typeof upstream === 'string'
			? upstream
			: reasonFor();

/** n8n's HTTP helper, shaped as the signing code's injected fetch. */
function httpFetch(ctx: IExecuteFunctions, credential?: string): HttpFetch {
	return async (req) => {
		const options: IHttpRequestOptions = {
			url: req.url,
			method: req.method,
			headers: req.headers,
			body: req.body,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 60_000,
		};
		const res = (
			credential
				? await ctx.helpers.httpRequestWithAuthentication.call(ctx, credential, options)
				: await ctx.helpers.httpRequest(options)
		) as { statusCode: number; body: ArrayBuffer | Buffer };
		return { status: res.statusCode, body: Buffer.from(res.body as ArrayBuffer) };
	};
}

function signOptions(ctx: IExecuteFunctions, i: number): SignOptions {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const visible = ctx.getNodeParameter('visible', i, true) as boolean;
	return {
		timeZone: ctx.getTimezone(),
		reason: String(options.reason || wording.reason),
		location: String(options.location ?? '') || undefined,
		visible: visible
			? {
					qrText: String(ctx.getNodeParameter('qrText', i, '') ?? ''),
					// Without a position of its own, the block goes in the letter's signature space.
					placement: [options.xMm, options.yMm, options.widthMm].some((v) => v !== undefined)
						? {
								xMm: Number(options.xMm ?? DEFAULT_PLACEMENT.xMm),
								yMm: Number(options.yMm ?? DEFAULT_PLACEMENT.yMm),
								widthMm: Number(options.widthMm ?? DEFAULT_PLACEMENT.widthMm),
							}
						: undefined,
				}
			: undefined,
	};
}

// Opening the certificate costs more than a signature: once per run of the node.
const signers = new WeakMap<IExecuteFunctions, Signer>();

// Runs of the node in which BSrE refused the passphrase (or has locked the certificate): no
// further letter goes to BSrE.
const passphraseRefused = new WeakSet<IExecuteFunctions>();
const STOPS_BATCH: string[] = ['wrong-passphrase', 'certificate-locked'];

/** Signs item `i`'s PDF, in place of the unsigned one. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const property = this.getNodeParameter('binaryPropertyName', i) as string;
	const binary = this.helpers.assertBinaryData(i, property);
	const pdf = await this.helpers.getBinaryDataBuffer(i, property);
	const options = signOptions(this, i);
	const signWith = this.getNodeParameter('signWith', i) as string;
	let signed: SignedPdf;
	if (signWith === 'bsre') {
		// The letters after a refused passphrase stay as they are: not sent, not reported.
		if (passphraseRefused.has(this)) return { outputs: [[]] };
		const credential = await this.getCredentials('bsreTteApi', i);
		signed = await signPdfWithBsre(pdf, {
			...options,
			account: {
				baseUrl: String(credential.baseUrl ?? ''),
				username: '',
				password: '',
				nik: String(credential.nik ?? ''),
			},
			passphrase: String(credential.passphrase || this.getNodeParameter('passphrase', i, '') || ''),
			signerName: String(this.getNodeParameter('signatoryName', i, '') || credential.nik),
			fetch: httpFetch(this, 'bsreTteApi'),
		}).catch((error: Error) => {
			if (error instanceof SigningError && STOPS_BATCH.includes(error.code))
				passphraseRefused.add(this);
			throw error;
		});
	} else {
		let signer = signers.get(this);
		if (!signer) {
			signer = openOfficeCertificate(
				(await this.getCredentials(
					'officeCertificateApi',
					i,
				)) as unknown as OfficeCertificateCredential,
			);
			signers.set(this, signer);
		}
		const tsaUrl = String(
			(this.getNodeParameter('options', i, {}) as IDataObject).tsaUrl ?? '',
		).trim();
		signed = await signPdf(pdf, signer, {
			...options,
			tsa: tsaUrl ? { url: tsaUrl, fetch: httpFetch(this) } : undefined,
		});
	}
	const file = await this.helpers.prepareBinaryData(signed.pdf, binary.fileName, 'application/pdf');
	return {
		json: {
			...withoutSecrets(this.getInputData()[i].json),
			signed: true,
			signedWith: signWith,
			signer: signed.signer,
			signingTime: signed.signingTime.toISOString(),
			timestamped: signed.timestamped,
			bytes: signed.pdf.length,
		},
		binary: { ...this.getInputData()[i].binary, [property]: file },
	};
}

/** What the signatory reads on the signing form when BSrE stopped the batch. */
const signatoryAnswer = (code: string): string =>
	code === 'wrong-passphrase'
		? fill(tteForm.wrongPassphrase, { limit: tteForm.bsreWrongPassphraseLimit })
		: reasonFor(code);

/** A signing refusal keeps its hint, and the error item says what failed and whether to retry. */
export const failurePolicy: FailurePolicy = {
	explain: (ctx, error, itemIndex) =>
		error instanceof SigningError
			? new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: error.hint })
			: undefined,
	failureFields: (ctx, error, itemIndex) => ({
		...withoutSecrets(ctx.getInputData()[itemIndex].json),
		signed: false,
		errorCode: error instanceof SigningError ? error.code : null,
		/** For staff (the sheet's Masalah cell), in Indonesian; an upstream failure's (no letter made) is kept. */
		reason: reasonOf(error, ctx.getInputData()[itemIndex].json.reason),
		retryable: error instanceof SigningError ? error.retryable : false,
		// For the signatory (the TTE form's answer), in Indonesian: BSrE's limit before it locks.
		...(error instanceof SigningError && STOPS_BATCH.includes(error.code)
			? { signatoryAnswer: signatoryAnswer(error.code) }
			: {}),
	}),
};
