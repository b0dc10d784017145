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
	isDraftLetter,
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
		displayName: "Deputy's Name",
		name: 'deputyName',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, signWith: ['bsre'] } },
		description:
			"Printed in the signature block of a letter the deputy signs (Letter PDF's output says so: signatory.role is deputy), as on the deputy's BSrE certificate",
	},
	{
		displayName: "Deputy's NIK (TTE)",
		name: 'deputyNik',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, signWith: ['bsre'] } },
		description:
			"The deputy's identity at BSrE: a letter the deputy signs goes to BSrE under this NIK instead of the credential's. Empty: such letters fail with a clear reason.",
	},
	{
		displayName: 'Sign Letters Of',
		name: 'signLettersOf',
		type: 'options',
		default: 'each',
		displayOptions: { show: { ...show, signWith: ['bsre'] } },
		options: [
			{
				name: 'Each Letter Its Own Signer',
				value: 'each',
				description:
					"The Lurah's letters under the credential's NIK, the deputy's under the deputy's",
			},
			{
				name: 'The Lurah Only',
				value: 'lurah',
				description: 'Letters the deputy signs are left out (not sent to BSrE, not in the output)',
			},
			{
				name: 'The Deputy Only',
				value: 'deputy',
				description: 'Letters the Lurah signs are left out (not sent to BSrE, not in the output)',
			},
		],
		description:
			'Whose letters this run signs: with one passphrase per run (the signing form), a letter of the other signer would spend a wrong passphrase on their certificate',
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

/** Whether Letter PDF chose the deputy to sign this letter (its output's `signatory.role`). */
const signedByDeputy = (json: IDataObject): boolean =>
	(json.signatory as IDataObject | undefined)?.role === 'deputy';

/** The deputy's BSrE identity from the node's parameters; none is a refusal, never the Lurah's. */
function deputyIdentity(ctx: IExecuteFunctions, i: number): { nik: string; name: string } {
	const nik = String(ctx.getNodeParameter('deputyNik', i, '') ?? '').trim();
	if (!nik)
		throw new SigningError(
			'deputy-not-set',
			"The letter is the deputy's to sign, but the node has no Deputy's NIK (TTE)",
			"Fill in the deputy's NIK at BSrE (the Setup form does), then clear the row's problem.",
		);
	const name = String(ctx.getNodeParameter('deputyName', i, '') ?? '').trim();
	const signatory = ctx.getInputData()[i].json.signatory as IDataObject | undefined;
	return { nik, name: name || String(signatory?.name ?? '') || nik };
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
	if (isDraftLetter(pdf)) {
		// A draft its signers sign by hand in front of the Lurah (the heirs' statement before its
		// registration) goes on as it is: ready to send, signed by hand, no electronic signature.
		return {
			json: {
				...withoutSecrets(this.getInputData()[i].json),
				signed: true,
				signedWith: 'hand',
				draft: true,
			},
			binary: this.getInputData()[i].binary,
		};
	}
	const options = signOptions(this, i);
	const signWith = this.getNodeParameter('signWith', i) as string;
	let signed: SignedPdf;
	if (signWith === 'bsre') {
		// The letters after a refused passphrase stay as they are: not sent, not reported.
		if (passphraseRefused.has(this)) return { outputs: [[]] };
		const byDeputy = signedByDeputy(this.getInputData()[i].json);
		const only = this.getNodeParameter('signLettersOf', i, 'each') as string;
		if ((only === 'lurah' && byDeputy) || (only === 'deputy' && !byDeputy))
			return { outputs: [[]] };
		const credential = await this.getCredentials('bsreTteApi', i);
		const identity = byDeputy
			? deputyIdentity(this, i)
			: {
					nik: String(credential.nik ?? ''),
					name: String(this.getNodeParameter('signatoryName', i, '') || credential.nik),
				};
		signed = await signPdfWithBsre(pdf, {
			...options,
			account: {
				baseUrl: String(credential.baseUrl ?? ''),
				username: '',
				password: '',
				nik: identity.nik,
			},
			passphrase: String(credential.passphrase || this.getNodeParameter('passphrase', i, '') || ''),
			signerName: identity.name,
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
