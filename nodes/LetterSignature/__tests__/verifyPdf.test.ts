// The Verify PDF operation behind the verification page's upload form: what a bank clerk reads
// about a letter file someone handed them.
import type { INodeExecutionData } from 'n8n-workflow';

import { LetterSignature } from '../LetterSignature.node';
import { renderLetter } from '../../domain/letter';
import { loadSigner, signPdf } from '../../domain/signing';
import { sampleRequest } from '../../../test/support/letterSamples';
import { officeP12, PASSWORD, SIGNATORY } from '../../../test/support/signingFixtures';
import { executeContext } from './harness';

jest.setTimeout(30_000);

const node = new LetterSignature();
let letter: Buffer;
let signed: Buffer;

beforeAll(async () => {
	letter = Buffer.from((await renderLetter(sampleRequest('sku-kur'))).pdf);
	signed = Buffer.from((await signPdf(letter, loadSigner(officeP12(), PASSWORD))).pdf);
});

async function check(file: Buffer) {
	const item: INodeExecutionData = {
		json: {},
		binary: {
			Surat: { data: file.toString('base64'), fileName: 'surat.pdf', mimeType: 'application/pdf' },
		},
	};
	const [out] = await node.execute.call(
		executeContext({ operation: 'verifyPdf', verifyBinaryPropertyName: 'Surat' }, [item], {}),
	);
	return out[0].json as { signed: boolean; intact: boolean; signer: string; summary: string };
}

describe('Letter Signature: Verify PDF', () => {
	it('names the signer and the time and says the file is intact', async () => {
		const result = await check(signed);
		expect(result).toMatchObject({ signed: true, intact: true, signer: SIGNATORY });
		expect(result.summary).toMatch(/^Tanda tangan elektronik UTUH/);
		expect(result.summary).toContain(`Ditandatangani oleh: ${SIGNATORY}`);
		expect(result.summary).toMatch(/Waktu penandatanganan: \d{1,2} \w+ \d{4}/);
	});

	it('says the signature no longer matches when one byte of the file changed', async () => {
		const changed = Buffer.from(signed);
		changed[200] ^= 0x01;
		const result = await check(changed);
		expect(result).toMatchObject({ signed: true, intact: false });
		expect(result.summary).toMatch(/^Tanda tangan elektronik TIDAK COCOK/);
	});

	it('says an unsigned letter carries no signature, and a non-PDF is no PDF', async () => {
		expect((await check(letter)).summary).toMatch(/tidak memuat tanda tangan elektronik/);
		expect((await check(Buffer.from('GIF89a not a letter'))).summary).toMatch(/bukan PDF/);
	});
});
