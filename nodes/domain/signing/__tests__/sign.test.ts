import { renderLetter } from '../../letter';
import { loadSigner, signPdf, SigningError, type Signer, type VisibleSignature } from '..';
import { pageText, pdfFonts, popplerWords } from '../../../../test/support/popplerText';
import { sampleRequest } from '../../../../test/support/letterSamples';
import {
	officeP12,
	opensslP12,
	PASSWORD,
	pdfsig,
	SIGNATORY,
} from '../../../../test/support/signingFixtures';

// Each test certificate is a fresh RSA-2048 key; slow when the machine is busy.
jest.setTimeout(30_000);

let letter: Uint8Array;
let signer: Signer;

beforeAll(async () => {
	letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
	signer = loadSigner(officeP12(), PASSWORD);
});

describe('signing a letter with the office certificate', () => {
	it('gives a PDF that pdfsig reports valid, covering the whole document, signed by the signatory', async () => {
		const signed = await signPdf(letter, signer, {
			visible: { qrText: 'https://surat.example.go.id/v/ABC' },
		});
		const report = pdfsig(signed.pdf);
		expect(report.valid).toBe(true);
		expect(report.wholeDocument).toBe(true);
		expect(report.signers).toEqual([SIGNATORY]);
		expect(report.output).toMatch(/Signature Type: ETSI\.CAdES\.detached/);
		expect(signed.signer).toBe(SIGNATORY);
		// The letter itself is untouched: the signature is an incremental update after it.
		expect(Buffer.compare(signed.pdf.subarray(0, letter.length), Buffer.from(letter))).toBe(0);
	});

	it('is invalid once one byte of the letter changes', async () => {
		const signed = Buffer.from((await signPdf(letter, signer)).pdf);
		const at = signed.indexOf('SURAT KETERANGAN') >= 0 ? signed.indexOf('SURAT KETERANGAN') : 200;
		signed[at] ^= 0x01;
		const report = pdfsig(signed);
		expect(report.output).toMatch(/Signature Validation:/);
		expect(report.valid).toBe(false);
	});

	it('reads a PKCS#12 exported by OpenSSL 3 (AES-256, SHA-256 MAC)', async () => {
		const fromOpenssl = loadSigner(opensslP12(), PASSWORD);
		expect(fromOpenssl.info.commonName).toBe(SIGNATORY);
		expect(pdfsig((await signPdf(letter, fromOpenssl)).pdf).valid).toBe(true);
	});

	it('draws the visible block with who signed, when, and the BSrE sentence only for BSrE', async () => {
		const time = new Date('2026-11-30T03:15:00Z');
		const textOf = async (visible: VisibleSignature) =>
			popplerWords((await signPdf(letter, signer, { signingTime: time, visible })).pdf)
				.map(pageText)
				.join(' ');
		const own = await textOf({ qrText: 'https://x/v/1' });
		expect(own).toContain(
			`Ditandatangani secara elektronik oleh ${SIGNATORY} pada 30-11-2026 10:15 WIB`,
		);
		expect(own).not.toContain('Balai Besar Sertifikasi Elektronik');
		const bsre = await textOf({ bsre: true });
		expect(bsre).toContain('oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN');
	});

	it('puts the block where asked when given a position, on the last page, with its QR code and embedded fonts', async () => {
		const placed = (
			await signPdf(letter, signer, {
				visible: { qrText: 'https://x/v/1', placement: { xMm: 25, yMm: 12, widthMm: 120 } },
			})
		).pdf;
		const [page] = popplerWords(placed);
		const first = page.words.find((w) => w.text === 'Ditandatangani')!;
		// 12 mm from the bottom edge, the QR code (46 pt and a margin) left of the text.
		expect(page.height - first.yMin).toBeLessThan(12 * (72 / 25.4) + 60);
		expect(first.xMin).toBeGreaterThan(25 * (72 / 25.4) + 46);
		for (const font of pdfFonts(placed)) expect(font.embedded).toBe(true);
	});

	it('refuses a wrong password, an expired certificate and a PDF signed already', async () => {
		const attempt = (f: () => unknown) => {
			try {
				f();
			} catch (error) {
				return error as SigningError;
			}
			throw new Error('no error');
		};
		expect(attempt(() => loadSigner(officeP12(), 'salah')).code).toBe('wrong-password');
		const expired = officeP12({ from: new Date('2020-01-01'), to: new Date('2021-01-01') });
		const error = attempt(() => loadSigner(expired, PASSWORD));
		expect(error.code).toBe('certificate-expired');
		expect(error.message).toContain('2021-01-01');
		const signed = (await signPdf(letter, signer)).pdf;
		await expect(signPdf(signed, signer)).rejects.toMatchObject({ code: 'already-signed' });
		await expect(signPdf(Buffer.from('hello'), signer)).rejects.toMatchObject({
			code: 'not-a-pdf',
		});
	});
});
