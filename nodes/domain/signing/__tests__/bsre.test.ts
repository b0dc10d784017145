import { pageText, pdfFonts, popplerWords } from '../../../../test/support/popplerText';
import { renderLetter } from '../../letter';
import { signPdfWithBsre, type BsreAccount, type HttpFetch } from '..';
import { SANDBOX_BSRE, startTestSandbox, type TestSandbox } from '../../../../test/support/sandbox';
import tteForm from '../../../../templates/signing/tte-form.json';
import { sampleRequest } from '../../../../test/support/letterSamples';
import { pdfsig } from '../../../../test/support/signingFixtures';

/** Node's own fetch, shaped as the signing code's injected HttpFetch. */
const fetchOver: HttpFetch = async (req) => {
	const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
	return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};

// The sandbox makes its BSrE test CA and keys on first use (RSA key generation, ~1–3 s on a busy machine).
jest.setTimeout(30_000);

const SIGNATORY = '3577010101700001';
let box: TestSandbox;
let letter: Uint8Array;
let account: BsreAccount;

beforeAll(async () => {
	box = await startTestSandbox();
	letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
	account = {
		baseUrl: `${box.sandbox.url}/bsre`,
		username: SANDBOX_BSRE.username,
		password: SANDBOX_BSRE.password,
		nik: SIGNATORY,
	};
});
afterAll(() => box.close());

const sign = (overrides: Partial<BsreAccount> = {}, passphrase: string = SANDBOX_BSRE.passphrase) =>
	signPdfWithBsre(letter, {
		account: { ...account, ...overrides },
		passphrase,
		signerName: 'Drs. Hadi Santoso, M.Si.',
		visible: { qrText: 'https://surat.example.go.id/v/ABC' },
		reason: 'Surat keterangan',
		location: 'Madiun',
		fetch: fetchOver,
	});

describe('signing through BSrE (the sandbox stand-in)', () => {
	it('returns the letter signed by the signatory, valid for pdfsig, with the BSrE sentence in the block', async () => {
		const signed = await sign();
		const report = pdfsig(signed.pdf);
		expect(report.valid).toBe(true);
		expect(report.wholeDocument).toBe(true);
		expect(report.signers).toEqual(['Drs. Hadi Santoso, M.Si.']);
		const pages = popplerWords(signed.pdf);
		expect(pages.map(pageText).join(' ')).toContain(
			'Ditandatangani secara elektronik oleh Drs. Hadi Santoso, M.Si.',
		);
		expect(pages.map(pageText).join(' ')).toContain('oleh Balai Besar Sertifikasi Elektronik');
		// Drawn into the page above the signatory's name, in the letter's embedded font.
		const mark = pages[0].words.find((w) => w.text === 'Ditandatangani')!;
		const name = pages[0].words.find((w) => w.text === 'Drs.' && w.yMax - w.yMin >= 10)!;
		expect(mark.yMax).toBeLessThan(name.yMin);
		for (const font of pdfFonts(signed.pdf)) expect(font.embedded).toBe(true);
	});

	it('maps a wrong passphrase to a message the signatory can act on, without echoing it', async () => {
		const error = await sign({}, 'tebakan-salah').catch((e) => e);
		expect(error).toMatchObject({ code: 'wrong-passphrase', retryable: false });
		expect(error.message).toBe('BSrE refused the passphrase for NIK 3577********0001');
		expect(`${error.message} ${error.hint}`).not.toContain('tebakan-salah');
	});

	it("locks the certificate after BSrE's number of wrong passphrases in a row, and counts every call", async () => {
		const calls = async () =>
			(await (await fetch(`${box.sandbox.url}/bsre/calls`)).json()) as {
				sign: number;
				locked: string[];
			};
		const nik = '3577010101700001';
		await sign(); // the count starts again from a right passphrase
		const before = (await calls()).sign;
		// A right passphrase in between starts the count again.
		for (let i = 1; i < tteForm.bsreWrongPassphraseLimit; i++)
			await expect(sign({}, `salah-${i}`)).rejects.toMatchObject({ code: 'wrong-passphrase' });
		await sign();
		for (let i = 1; i < tteForm.bsreWrongPassphraseLimit; i++)
			await expect(sign({}, `salah-${i}`)).rejects.toMatchObject({ code: 'wrong-passphrase' });
		expect((await calls()).locked).toEqual([]);
		await expect(sign({}, 'salah-terakhir')).rejects.toMatchObject({ code: 'wrong-passphrase' });
		expect((await calls()).locked).toEqual([nik]);
		// Locked: even the right passphrase is refused now, in words the signatory can act on.
		const locked = await sign().catch((e) => e);
		expect(locked).toMatchObject({ code: 'certificate-locked', retryable: false });
		expect((await calls()).sign - before).toBe(2 * tteForm.bsreWrongPassphraseLimit + 1);
	});

	it('refuses a revoked and an expired certificate, and an unknown NIK', async () => {
		await expect(sign({ nik: '3577010101700002' })).rejects.toMatchObject({
			code: 'certificate-revoked',
		});
		await expect(sign({ nik: '3577010101700003' })).rejects.toMatchObject({
			code: 'certificate-expired',
		});
		await expect(sign({ nik: '3577019999999999' })).rejects.toMatchObject({
			code: 'not-registered',
		});
	});

	it('tells wrong client credentials and a service that is down apart', async () => {
		await expect(sign({ password: 'bukan' })).rejects.toMatchObject({ code: 'unauthorized' });
		await expect(sign({ baseUrl: 'http://127.0.0.1:9/bsre' })).rejects.toMatchObject({
			code: 'service-down',
			retryable: true,
		});
		await expect(sign({}, '')).rejects.toMatchObject({ code: 'passphrase-missing' });
	});
});
