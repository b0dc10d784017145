import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LetterSignature } from '../LetterSignature.node';
import { renderLetter } from '../../domain/letter';
import { SANDBOX_BSRE, startTestSandbox, type TestSandbox } from '../../../test/support/sandbox';
import { sampleRequest } from '../../../test/support/letterSamples';
import { officeP12, PASSWORD, pdfsig, SIGNATORY } from '../../../test/support/signingFixtures';
import tteForm from '../../../templates/signing/tte-form.json';
import { executeContext, type Credentials } from './harness';

// The sandbox makes its BSrE test CA and keys on first use (RSA key generation, ~1–3 s on a busy machine).
jest.setTimeout(30_000);

const node = new LetterSignature();
let letter: Buffer;
let office: Credentials;
let box: TestSandbox;

beforeAll(async () => {
	letter = Buffer.from((await renderLetter(sampleRequest('sku-kur'))).pdf);
	office = { officeCertificateApi: { certificate: officeP12(), password: PASSWORD } };
	box = await startTestSandbox();
});
afterAll(() => box.close());

const item = (json: IDataObject = {}): INodeExecutionData => ({
	json: { ticket: 'OOO-2026-0042', verificationUrl: 'https://surat.example.go.id/v/ABC', ...json },
	binary: {
		data: { data: letter.toString('base64'), fileName: 'surat.pdf', mimeType: 'application/pdf' },
	},
});

async function run(
	params: IDataObject,
	items: INodeExecutionData[],
	credentials: Credentials,
	continueOnFail = false,
) {
	const [out] = await node.execute.call(
		executeContext(
			{
				operation: 'signPdf',
				binaryPropertyName: 'data',
				visible: true,
				qrText: 'https://surat.example.go.id/v/ABC',
				options: {},
				...params,
			},
			items,
			credentials,
			continueOnFail,
		),
	);
	return out;
}

const pdfOf = (out: INodeExecutionData) => Buffer.from(out.binary!.data.data, 'base64');

describe('Letter Signature node', () => {
	it('signs each item with the office certificate: the PDF replaced, a summary added, items paired', async () => {
		const out = await run(
			{ signWith: 'officeCertificate' },
			[item(), item({ ticket: 'OOO-2026-0043' })],
			office,
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[1].json).toMatchObject({
			ticket: 'OOO-2026-0043',
			signed: true,
			signedWith: 'officeCertificate',
			signer: SIGNATORY,
			timestamped: false,
		});
		expect(out[0].binary!.data).toMatchObject({
			fileName: 'surat.pdf',
			mimeType: 'application/pdf',
		});
		const report = pdfsig(pdfOf(out[0]));
		expect(report.valid && report.wholeDocument).toBe(true);
	});

	it('passes a draft for signing by hand on as it is, unsigned, whatever signs the letters', async () => {
		const request = sampleRequest('ahli-waris');
		const draft = Buffer.from((await renderLetter(request)).pdf);
		const input: INodeExecutionData = {
			json: { ticket: 'OOO-2026-0042', passphrase: 'never-passed-on' },
			binary: {
				data: { data: draft.toString('base64'), fileName: 'DRAF.pdf', mimeType: 'application/pdf' },
			},
		};
		// BSrE would be called with no credential at all: a draft never reaches it.
		const out = await run({ signWith: 'bsre', passphrase: 'x' }, [input], {});
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ signed: true, signedWith: 'hand', draft: true });
		expect(out[0].json).not.toHaveProperty('passphrase');
		expect(pdfOf(out[0]).equals(draft)).toBe(true);
		expect(pdfsig(pdfOf(out[0])).signers).toEqual([]);
	});

	it('fails one item alone under continue-on-fail, with a reason staff can act on', async () => {
		const broken: INodeExecutionData = {
			json: { ticket: 'X' },
			binary: {
				data: {
					data: Buffer.from('bukan pdf').toString('base64'),
					fileName: 'x.pdf',
					mimeType: 'application/pdf',
				},
			},
		};
		const out = await run({ signWith: 'officeCertificate' }, [broken, item()], office, true);
		expect(out[0].json).toMatchObject({
			ticket: 'X',
			signed: false,
			error: 'The file to sign is not a PDF',
			errorCode: 'not-a-pdf',
		});
		expect(out[1].json.signed).toBe(true);
		await expect(run({ signWith: 'officeCertificate' }, [broken], office)).rejects.toThrow(
			NodeOperationError,
		);
	});

	it('says when the office certificate password is wrong', async () => {
		const wrong = {
			officeCertificateApi: {
				certificate: office.officeCertificateApi!.certificate,
				password: 'salah',
			},
		};
		await expect(run({ signWith: 'officeCertificate' }, [item()], wrong)).rejects.toMatchObject({
			message: 'The office certificate password is wrong',
		});
	});

	describe('through BSrE (sandbox)', () => {
		const bsre = (): Credentials => ({
			bsreTteApi: {
				baseUrl: `${box.sandbox.url}/bsre/`,
				username: SANDBOX_BSRE.username,
				password: SANDBOX_BSRE.password,
				nik: '3577010101700001',
				passphrase: '',
			},
		});

		it('signs with the passphrase entered at signing time and never passes it on', async () => {
			const entered = item({ passphrase: SANDBOX_BSRE.passphrase });
			const out = await run(
				{
					signWith: 'bsre',
					passphrase: SANDBOX_BSRE.passphrase,
					signatoryName: 'Drs. Hadi Santoso, M.Si.',
				},
				[entered],
				bsre(),
			);
			expect(out[0].json).toMatchObject({
				signed: true,
				signedWith: 'bsre',
				signer: 'Drs. Hadi Santoso, M.Si.',
			});
			expect(out[0].json).not.toHaveProperty('passphrase');
			expect(JSON.stringify(out[0].json)).not.toContain(SANDBOX_BSRE.passphrase);
			expect(pdfsig(pdfOf(out[0])).valid).toBe(true);
		});

		it("signs the deputy's letters under the deputy's NIK and name, the Lurah's under the credential's, each run one signer's", async () => {
			const deputyPassphrase = SANDBOX_BSRE.users['3577010202800004'].passphrase!;
			const deputyParams = {
				signWith: 'bsre',
				passphrase: deputyPassphrase,
				signatoryName: 'Drs. Hadi Santoso, M.Si.',
				deputyName: 'Siti Aminah Contoh, S.E.',
				deputyNik: '3577010202800004',
			};
			const letters = () => [
				item({ signatory: { role: 'deputy', name: 'Siti Aminah Contoh, S.E.' } }),
				item({ signatory: { role: 'lurah', name: 'Drs. Hadi Santoso, M.Si.' } }),
			];
			// The deputy signs with her own passphrase: only her letter goes to BSrE.
			const deputyRun = await run({ ...deputyParams, signLettersOf: 'deputy' }, letters(), bsre());
			expect(deputyRun.map((o) => o.json.signer)).toEqual(['Siti Aminah Contoh, S.E.']);
			// The certificate BSrE signed with is the deputy's, as a PDF reader shows it.
			expect(pdfsig(pdfOf(deputyRun[0])).signers).toEqual(['Siti Aminah Contoh, S.E.']);

			// The Lurah's run leaves the deputy's letter out, unsent.
			const lurahOnly = await run(
				{ ...deputyParams, passphrase: SANDBOX_BSRE.passphrase, signLettersOf: 'lurah' },
				letters(),
				bsre(),
			);
			expect(lurahOnly.map((o) => o.json.signer)).toEqual(['Drs. Hadi Santoso, M.Si.']);
			expect(pdfsig(pdfOf(lurahOnly[0])).signers).toEqual(['Drs. Hadi Santoso, M.Si.']);

			// The Lurah's passphrase on the deputy's letter: BSrE refuses it (each certificate has its own).
			const [crossed] = await run(
				{ ...deputyParams, passphrase: SANDBOX_BSRE.passphrase },
				[item({ signatory: { role: 'deputy' } })],
				bsre(),
				true,
			);
			expect(crossed.json).toMatchObject({ signed: false, errorCode: 'wrong-passphrase' });

			// No deputy's NIK: the deputy's letter fails with the staff's reason, never signed as the Lurah.
			const [failed] = await run(
				{ ...deputyParams, deputyNik: '' },
				[item({ signatory: { role: 'deputy' } })],
				bsre(),
				true,
			);
			expect(failed.json).toMatchObject({ signed: false, errorCode: 'deputy-not-set' });
			expect(failed.json.reason).toContain('NIK TTE wakil belum diisi');
		});

		it('maps a wrong passphrase and a revoked certificate to messages, item by item', async () => {
			const out = await run(
				{ signWith: 'bsre', passphrase: 'keliru', signatoryName: 'Lurah' },
				[item()],
				bsre(),
				true,
			);
			expect(out[0].json).toMatchObject({
				signed: false,
				errorCode: 'wrong-passphrase',
				error: 'BSrE refused the passphrase for NIK 3577********0001',
				reason: expect.stringMatching(/^Passphrase TTE salah\./),
			});
			// No item-level error: n8n would replace the item's json (and its reason) with the message.
			expect(out[0].error).toBeUndefined();
			expect(JSON.stringify(out[0].json)).not.toContain('keliru');
			const revoked = bsre();
			revoked.bsreTteApi!.nik = '3577010101700002';
			revoked.bsreTteApi!.passphrase = SANDBOX_BSRE.passphrase;
			await expect(
				run({ signWith: 'bsre', signatoryName: 'Lurah' }, [item()], revoked),
			).rejects.toMatchObject({
				message: 'The BSrE certificate of NIK 3577********0002 has been revoked',
			});
		});

		it('stops a batch at the first wrong passphrase: one call to BSrE, the other letters left as they are', async () => {
			const calls = async () =>
				((await (await fetch(`${box.sandbox.url}/bsre/calls`)).json()) as { sign: number }).sign;
			const before = await calls();
			const letters = Array.from({ length: 6 }, (_, i) => item({ ticket: `OOO-2026-01${i}` }));
			const out = await run(
				{ signWith: 'bsre', passphrase: 'keliru-lagi', signatoryName: 'Lurah' },
				letters,
				bsre(),
				true,
			);
			expect(await calls()).toBe(before + 1);
			expect(out).toHaveLength(1);
			expect(out[0].json).toMatchObject({
				ticket: 'OOO-2026-010',
				signed: false,
				errorCode: 'wrong-passphrase',
				reason: expect.stringContaining(
					`setelah ${tteForm.bsreWrongPassphraseLimit} kali passphrase salah`,
				),
				signatoryAnswer: expect.stringContaining(
					`setelah ${tteForm.bsreWrongPassphraseLimit} kali passphrase salah`,
				),
			});
			// The right passphrase in a new run signs them all (and starts BSrE's count again).
			const signed = await run(
				{ signWith: 'bsre', passphrase: SANDBOX_BSRE.passphrase, signatoryName: 'Lurah' },
				letters.slice(0, 2),
				bsre(),
				true,
			);
			expect(signed.map((o) => o.json.signed)).toEqual([true, true]);
		});
	});

	it("keeps the Letter PDF's Indonesian reason when no letter reached it", async () => {
		const refused: INodeExecutionData = {
			json: { error: 'Letter refused', reason: 'Data pemohon tidak lengkap: tanggal lahir.' },
		};
		const out = await run({ signWith: 'officeCertificate' }, [refused], office, true);
		expect(out[0].json).toMatchObject({
			signed: false,
			reason: 'Data pemohon tidak lengkap: tanggal lahir.',
		});
	});

	it('tests the office certificate credential by opening it', async () => {
		const test = node.methods.credentialTest.officeCertificateTest;
		const ok = await test.call({} as never, {
			id: '1',
			name: 'c',
			type: 'officeCertificateApi',
			data: office.officeCertificateApi,
		});
		expect(ok.status).toBe('OK');
		expect(ok.message).toMatch(
			new RegExp(`^Signs as ${SIGNATORY.replace(/\./g, '\\.')}, valid until \\d{4}-\\d{2}-\\d{2}$`),
		);
		const bad = await test.call({} as never, {
			id: '1',
			name: 'c',
			type: 'officeCertificateApi',
			data: { certificate: office.officeCertificateApi!.certificate, password: 'x' },
		});
		expect(bad).toMatchObject({ status: 'Error' });
		expect(bad.message).toContain('password is wrong');
	});
});
