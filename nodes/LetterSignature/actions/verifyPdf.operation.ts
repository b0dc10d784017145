/**
 * Checks a PDF someone received (the verification page's upload form): who signed it, when,
 * whether the signature still matches the file, and whether the signer's certificate comes from
 * an issuer the office trusts (its own certificate's CA, from the Office Certificate credential,
 * and BSrE's root and intermediates: the credential's Trusted Issuers, else the shipped list in
 * templates/signing/trust-anchors.json). The answer is in Indonesian, one summary for each thing
 * the office's letter record may say (recorded, revoked, unknown), for the workflow to pick once
 * it has looked the letter's code up.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import shipped from '../../../templates/signing/trust-anchors.json';
import words from '../../../templates/signing/verification.json';
import type { ItemResult } from '../../n8nHelpers/itemLoop';
import {
	anchorsFromPem,
	verifyPdf,
	type SignatureReport,
	type TrustAnchor,
} from '../../domain/signing';
import { openOfficeCertificate, type OfficeCertificateCredential } from './officeCertificate';

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'verifyBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { operation: ['verifyPdf'] } },
		description: 'The binary property holding the PDF to check (a form upload: the field label)',
	},
];

const fill = (text: string, values: Record<string, string>) =>
	text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** The anchors shipped with the package (templates/signing/trust-anchors.json; empty as shipped). */
const shippedAnchors = (): TrustAnchor[] =>
	(shipped.anchors as Array<{ name?: string; pem: string }>).flatMap((a) =>
		anchorsFromPem(a.pem, 'bsre').map((anchor) => ({ ...anchor, name: a.name || anchor.name })),
	);

/** The office's anchors: its own certificate's CA (the certificate itself when it has none). */
async function trustAnchors(ctx: IExecuteFunctions, i: number): Promise<TrustAnchor[]> {
	let credential: OfficeCertificateCredential & { trustedIssuers?: string };
	try {
		credential = (await ctx.getCredentials('officeCertificateApi', i)) as typeof credential;
	} catch {
		return shippedAnchors();
	}
	const given = String(credential.trustedIssuers ?? '').trim();
	const bsre = given ? anchorsFromPem(given, 'bsre') : shippedAnchors();
	let office: TrustAnchor[] = [];
	try {
		const { chain } = openOfficeCertificate(credential);
		office = (chain.length > 1 ? chain.slice(1) : chain).flatMap((der) =>
			anchorsFromPem(
				`-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----`,
				'office',
			),
		);
	} catch (error) {
		ctx.logger.warn(
			`Letter Signature: the office certificate could not be opened for the letter check: ${(error as Error).message}`,
		);
	}
	return [...office, ...bsre];
}

/** The verdict line: intact and from a trusted issuer, or what is wrong. */
function verdict(report: SignatureReport): string {
	if (!report.intact || !report.coversWholeDocument) return words.broken;
	const trust = report.trust;
	if (!trust || trust.trusted) return words.intact;
	if (trust.problem === 'expired') return words.expired;
	if (trust.problem === 'not-a-ca') return words.notACa;
	return words.unknownIssuer;
}

type RecordState = 'recorded' | 'revoked' | 'unrecorded' | 'unknown';

function summary(
	report: SignatureReport | undefined,
	timeZone: string,
	record: RecordState,
): string {
	if (!report) return words.notPdf;
	if (!report.signed) return words.notSigned;
	const when = report.signingTime
		? new Intl.DateTimeFormat('id-ID', {
				dateStyle: 'long',
				timeStyle: 'short',
				timeZone,
			}).format(new Date(report.signingTime))
		: '';
	const trust = report.trust;
	const genuine = report.intact && report.coversWholeDocument && Boolean(trust?.trusted);
	const issuer =
		trust?.trusted === true
			? [
					fill(trust.anchor.kind === 'office' ? words.officeIssuer : words.bsreIssuer, {
						anchor: trust.anchor.name,
					}),
				]
			: [report.issuer ? fill(words.issuer, { issuer: report.issuer }) : ''];
	return [
		record === 'revoked' ? words.revoked : '',
		verdict(report),
		fill(words.signer, { signer: report.signer ?? '?' }),
		when ? fill(words.time, { when }) : '',
		...issuer,
		genuine && record === 'recorded' ? words.recorded : '',
		genuine && record === 'unrecorded' ? words.unrecorded : '',
	]
		.filter(Boolean)
		.join('\n');
}

/** Checks item `i`'s PDF: an unreadable or missing file is answered, not failed. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const property = this.getNodeParameter('verifyBinaryPropertyName', i) as string;
	let report: SignatureReport | undefined;
	if (this.getInputData()[i].binary?.[property]) {
		const pdf = await this.helpers.getBinaryDataBuffer(i, property);
		try {
			report =
				pdf.subarray(0, 5).toString('latin1') === '%PDF-'
					? verifyPdf(pdf, { anchors: await trustAnchors(this, i) })
					: undefined;
		} catch (error) {
			this.logger.warn(
				`Letter Signature: the uploaded file could not be read: ${(error as Error).message}`,
			);
		}
	}
	const timeZone = this.getTimezone();
	const trust = report?.trust;
	// Without a code in the file (letters from before codes were written into it) nothing is
	// said about the record.
	const coded = Boolean(report?.verificationCode);
	return {
		json: {
			pdf: Boolean(report),
			signed: report?.signed ?? false,
			intact: Boolean(report?.intact && report.coversWholeDocument),
			trusted: Boolean(trust?.trusted),
			trustedBy: trust?.trusted ? trust.anchor.kind : null,
			trustProblem: trust && !trust.trusted ? trust.problem : null,
			signer: report?.signer ?? null,
			issuer: report?.issuer ?? null,
			signingTime: report?.signingTime ?? null,
			timestamped: report?.timestamped ?? false,
			verificationCode: report?.verificationCode ?? null,
			problems: report?.problems ?? [],
			summary: summary(report, timeZone, 'unknown'),
			/** By what the office's letter record says of `verificationCode`. */
			summaries: {
				recorded: summary(report, timeZone, coded ? 'recorded' : 'unknown'),
				revoked: summary(report, timeZone, coded ? 'revoked' : 'unknown'),
				unrecorded: summary(report, timeZone, coded ? 'unrecorded' : 'unknown'),
			},
		},
	};
}
