// The Verify PDF operation behind the verification page's upload form: what a bank clerk reads
// about a letter file someone handed them.
import type { INodeExecutionData } from 'n8n-workflow';

import { LetterSignature } from '../LetterSignature.node';
import { renderLetter } from '../../domain/letter';
import { loadSigner, signPdf } from '../../domain/signing';
import { sampleRequest } from '../../../test/support/letterSamples';
import { officeP12, PASSWORD, SIGNATORY } from '../../../test/support/signingFixtures';
import { createTestCa, toPkcs12Base64 } from '../../../test/support/sandbox';
import words from '../../../templates/signing/verification.json';
import { executeContext, type Credentials } from './harness';

jest.setTimeout(30_000);

const node = new LetterSignature();
let letter: Buffer;
let signed: Buffer;

beforeAll(async () => {
	letter = Buffer.from((await renderLetter(sampleRequest('sku-kur'))).pdf);
	signed = Buffer.from((await signPdf(letter, loadSigner(officeP12(), PASSWORD))).pdf);
});

interface Checked {
	signed: boolean;
	intact: boolean;
	trusted: boolean;
	trustedBy: string | null;
	signer: string;
	verificationCode: string | null;
	summary: string;
	summaries: { recorded: string; revoked: string; unrecorded: string };
}

/** The office's credential: its certificate's CA is trusted. */
const office = (): Credentials => ({
	officeCertificateApi: { certificate: officeP12(), password: PASSWORD },
});

async function check(file: Buffer, credentials: Credentials = office()): Promise<Checked> {
	const item: INodeExecutionData = {
		json: {},
		binary: {
			Surat: { data: file.toString('base64'), fileName: 'surat.pdf', mimeType: 'application/pdf' },
		},
	};
	const [out] = await node.execute.call(
		executeContext(
			{ operation: 'verifyPdf', verifyBinaryPropertyName: 'Surat' },
			[item],
			credentials,
		),
	);
	return out[0].json as unknown as Checked;
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

	it('refuses an intact letter signed under a self-made "Balai Sertifikasi Elektronik" CA', async () => {
		const forged = createTestCa('Balai Sertifikasi Elektronik');
		const p12 = toPkcs12Base64(forged.issue({ commonName: SIGNATORY }), forged.cert, 'x');
		const fake = Buffer.from((await signPdf(letter, loadSigner(p12, 'x'))).pdf);
		const result = await check(fake);
		expect(result).toMatchObject({ signed: true, intact: true, trusted: false, trustedBy: null });
		expect(result.summary.split('\n')[0]).toBe(words.unknownIssuer);
		expect(result.summary).not.toContain(words.intact);
		for (const text of Object.values(result.summaries)) {
			expect(text).not.toContain(words.intact);
			expect(text).not.toContain(words.recorded);
		}
	});

	it("trusts BSrE's certificates pasted into the credential instead of the shipped list", async () => {
		const bsre = createTestCa('Balai Sertifikasi Elektronik');
		const p12 = toPkcs12Base64(bsre.issue({ commonName: SIGNATORY }), bsre.cert, 'x');
		const byBsre = Buffer.from((await signPdf(letter, loadSigner(p12, 'x'))).pdf);
		expect((await check(byBsre)).trusted).toBe(false);
		const withBsre = office();
		withBsre.officeCertificateApi!.trustedIssuers = bsre.cert;
		const result = await check(byBsre, withBsre);
		expect(result).toMatchObject({ trusted: true, trustedBy: 'bsre' });
		expect(result.summary).toContain(
			'Sertifikat diterbitkan oleh BSrE: Balai Sertifikasi Elektronik',
		);
	});

	it('has a summary for each thing the letter record may say: recorded, revoked, not from this office', async () => {
		const coded = Buffer.from(
			(
				await renderLetter({
					...sampleRequest('sku-kur'),
					verificationCode: 'QWERTYUPASDFGHJKLZXCV',
				})
			).pdf,
		);
		const result = await check(
			Buffer.from((await signPdf(coded, loadSigner(officeP12(), PASSWORD))).pdf),
		);
		expect(result.verificationCode).toBe('QWERTYUPASDFGHJKLZXCV');
		expect(result.summaries.recorded).toContain(words.recorded);
		expect(result.summaries.revoked.split('\n')[0]).toBe(words.revoked);
		expect(result.summaries.unrecorded).toContain(words.unrecorded);
	});

	it('says an unsigned letter carries no signature, and a non-PDF is no PDF', async () => {
		expect((await check(letter)).summary).toMatch(/tidak memuat tanda tangan elektronik/);
		expect((await check(Buffer.from('GIF89a not a letter'))).summary).toMatch(/bukan PDF/);
	});
});
