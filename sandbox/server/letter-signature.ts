/**
 * What the sandbox page says under a PDF the office sent: who signed it, when, and whether the
 * signature still matches the file (poppler-equivalent check by Pecelan's verifier). Read once,
 * when the message is recorded; a file that is no PDF or carries no signature gets nothing.
 */
import { verifyPdf } from '../../nodes/domain/signing';
import type { DocumentSignature, StoredFile } from './state';

export function signatureOf(file: StoredFile | undefined): DocumentSignature | undefined {
	if (!file || !/pdf/i.test(file.mimeType)) return undefined;
	try {
		const report = verifyPdf(Buffer.from(file.dataBase64, 'base64'));
		if (!report.signed) return undefined;
		return {
			signedBy: report.signer ?? '?',
			signedAt: report.signingTime,
			intact: report.intact && report.coversWholeDocument,
		};
	} catch {
		return undefined;
	}
}
