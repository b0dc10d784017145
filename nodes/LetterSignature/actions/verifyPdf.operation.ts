/**
 * Checks a PDF someone received (the verification page's upload form): who signed it, when, and
 * whether the signature still matches the file, with one Indonesian summary a resident or a bank
 * clerk reads. Trust in the issuing CA is not judged here (see nodes/domain/signing/verify.ts).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import words from '../../../templates/signing/verification.json';
import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { verifyPdf, type SignatureReport } from '../../domain/signing';

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

function summary(report: SignatureReport | undefined, timeZone: string): string {
	if (!report) return words.notPdf;
	if (!report.signed) return words.notSigned;
	const when = report.signingTime
		? new Intl.DateTimeFormat('id-ID', {
				dateStyle: 'long',
				timeStyle: 'short',
				timeZone,
			}).format(new Date(report.signingTime))
		: '';
	return [
		report.intact && report.coversWholeDocument ? words.intact : words.broken,
		fill(words.signer, { signer: report.signer ?? '?' }),
		when ? fill(words.time, { when }) : '',
		report.issuer ? fill(words.issuer, { issuer: report.issuer }) : '',
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
			report = pdf.subarray(0, 5).toString('latin1') === '%PDF-' ? verifyPdf(pdf) : undefined;
		} catch (error) {
			this.logger.warn(
				`Letter Signature: the uploaded file could not be read: ${(error as Error).message}`,
			);
		}
	}
	return {
		json: {
			pdf: Boolean(report),
			signed: report?.signed ?? false,
			intact: Boolean(report?.intact && report.coversWholeDocument),
			signer: report?.signer ?? null,
			issuer: report?.issuer ?? null,
			signingTime: report?.signingTime ?? null,
			timestamped: report?.timestamped ?? false,
			problems: report?.problems ?? [],
			summary: summary(report, this.getTimezone()),
		},
	};
}
