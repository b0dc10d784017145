// A signed letter whose signing date (/M) is not a date (month 13): the check names what is wrong
// with the signature instead of calling the file "not a PDF".
import type { INodeExecutionData } from 'n8n-workflow';

import { LetterSignature } from '../LetterSignature.node';
import { renderLetter } from '../../domain/letter';
import { loadSigner, signPdf, verifyPdf } from '../../domain/signing';
import { sampleRequest } from '../../../test/support/letterSamples';
import { officeP12, PASSWORD } from '../../../test/support/signingFixtures';
import { executeContext } from './harness';

jest.setTimeout(30_000);

let badDate: Buffer;

beforeAll(async () => {
	const letter = Buffer.from((await renderLetter(sampleRequest('sku-kur'))).pdf);
	const signed = Buffer.from((await signPdf(letter, loadSigner(officeP12(), PASSWORD))).pdf);
	const at = signed.indexOf('/M (D:');
	expect(at).toBeGreaterThan(0);
	badDate = Buffer.from(signed);
	badDate.write('1399', at + 10, 'latin1'); // D:yyyy → month 13, day 99
});

describe('a signing date that is not a date', () => {
	it('is reported as such, the file still read as a signed PDF', () => {
		const report = verifyPdf(badDate);
		expect(report.signed).toBe(true);
		expect(report.signingTime).toBeUndefined();
		expect(report.problems).toContainEqual(
			expect.stringMatching(/^The signing date \(D:\d{4}1399.*\) is not a valid date\.$/),
		);
	});

	it('gets the answer about the signature on the check page, not "bukan PDF"', async () => {
		const item: INodeExecutionData = {
			json: {},
			binary: {
				Surat: {
					data: badDate.toString('base64'),
					fileName: 'surat.pdf',
					mimeType: 'application/pdf',
				},
			},
		};
		const [out] = await new LetterSignature().execute.call(
			executeContext({ operation: 'verifyPdf', verifyBinaryPropertyName: 'Surat' }, [item], {}),
		);
		const result = out[0].json as {
			pdf: boolean;
			signed: boolean;
			intact: boolean;
			summary: string;
		};
		expect(result).toMatchObject({ pdf: true, signed: true, intact: false });
		expect(result.summary).not.toMatch(/bukan PDF/);
		expect(result.summary).toMatch(/^Tanda tangan elektronik TIDAK COCOK/);
	});
});
