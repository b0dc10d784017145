import {
	BUNDLED_WORKFLOWS,
	finishPage,
	readyWorkflows,
	sampleLetter,
	staffEmails,
	staffShares,
	type FinishFacts,
} from '..';
import {
	LETTER_TEMPLATES,
	renderLetter,
	DEFAULT_LETTERHEAD,
	DEFAULT_SIGNATORY,
} from '../../letter';
import { readPdf, squash } from '../../../../test/support/pdfText';

const ready = readyWorkflows(BUNDLED_WORKFLOWS, {
	spreadsheetId: '1OfficeSheet',
	folderId: '1OfficeFolder',
	letterhead: { office: 'KELURAHAN MAJU JAYA', address: 'Jl. Baru No. 2 · Telp. 1' },
	signatory: { name: 'Siti Aminah, S.IP.', nip: '19800202 200501 2 002' },
	paper: 'A4',
	credentials: {},
});

describe('the sample letter for the admin', () => {
	const sample = sampleLetter(ready.map((w) => w.body));

	it("prints with the ready workflows' letterhead, signatory and paper", () => {
		expect(sample.letterhead).toMatchObject({ office: 'KELURAHAN MAJU JAYA' });
		expect(sample.signatory).toMatchObject({ name: 'Siti Aminah, S.IP.' });
		expect(sample.paper).toBe('A4');
	});

	it('is a letter the bundled template prints, marked as a sample', async () => {
		const letter = await renderLetter({
			templateName: 'domisili',
			template: LETTER_TEMPLATES.domisili,
			application: sample.application,
			letterhead: { ...DEFAULT_LETTERHEAD, ...(sample.letterhead as object) },
			signatory: { ...DEFAULT_SIGNATORY, ...(sample.signatory as object) },
			number: sample.number,
			date: '2026-11-30',
			verificationCode: 'ABCDEFGHIJKLMNOPQRSTU',
			verificationUrl: 'https://example.org/v/ABCDEFGHIJKLMNOPQRSTU',
			paper: 'A4',
			margins: { top: 15, right: 20, bottom: 20, left: 25 },
		});
		const text = squash((await readPdf(Buffer.from(letter.pdf))).map((p) => p.text).join(' '));
		expect(text).toContain(squash('KELURAHAN MAJU JAYA'));
		expect(text).toContain(squash('TIDAK BERLAKU'));
		expect(text).toContain(squash('Siti Aminah, S.IP.'));
	});

	it('is refused when no ready workflow prints letters', () => {
		expect(() => sampleLetter([{ nodes: [] }])).toThrow(/no Letter PDF node/);
	});
});

describe('sharing with staff', () => {
	it('reads addresses separated by commas, semicolons or spaces, once each', () => {
		expect(staffEmails(' A@Gmail.com, b@kantor.go.id;a@gmail.com  c@x.id ')).toEqual({
			valid: ['a@gmail.com', 'b@kantor.go.id', 'c@x.id'],
			invalid: [],
		});
		expect(staffEmails('budi, @x.id')).toEqual({ valid: [], invalid: ['budi', '@x.id'] });
		expect(staffEmails(undefined)).toEqual({ valid: [], invalid: [] });
	});

	it('shares the spreadsheet and the folder with each address', () => {
		expect(staffShares('a@x.id, nope', { spreadsheetId: 'S', folderId: 'F' })).toEqual([
			{ fileId: 'S', file: 'spreadsheet', emailAddress: 'a@x.id' },
			{ fileId: 'F', file: 'folder', emailAddress: 'a@x.id' },
		]);
	});
});

describe('the finish page', () => {
	const facts: FinishFacts = {
		spreadsheetId: 'S1',
		folderId: 'F1',
		workflows: ['Intake', 'Approvals'],
		webhookUrl: 'https://n8n.example/webhook/x/webhook',
		credentials: ['Office certificate'],
		adminMessage: { to: '62812', template: 'pecelan_uji_admin' },
	};
	const page = (more: Partial<FinishFacts>) => finishPage({ ...facts, ...more }).message;

	it('names the workflows installed, updated, kept as edited and replaced, in plain words', () => {
		const message = page({
			installs: [
				{ name: 'Intake', outcome: 'updated' },
				{ name: 'Approvals', outcome: 'kept' },
				{ name: 'Signing', outcome: 'kept' },
				{ name: 'Report', outcome: 'installed' },
				{ name: 'Verify', outcome: 'replaced' },
			],
		});
		const lines = message
			.split('\n')
			.filter((l) => /^(Dipasang|Diperbarui|Perubahan|Diganti)/.test(l));
		expect(lines).toEqual([
			'Dipasang baru: Report.',
			'Diperbarui ke versi paket ini: Intake.',
			expect.stringMatching(
				/^Perubahan Anda di editor n8n dipertahankan di: Approvals, Signing\. .* pilih "Ganti dengan versi paket"/,
			),
			'Diganti dengan versi paket, perubahan Anda di editor n8n dibuang: Verify.',
		]);
	});

	it('says nothing of edits when none was kept or replaced', () => {
		const message = page({ installs: [{ name: 'Intake', outcome: 'updated' }] });
		expect(message).toContain('Diperbarui ke versi paket ini: Intake.');
		expect(message).not.toMatch(/dipertahankan|Diganti|Dipasang baru/);
	});

	it('gives the links, what was delivered and what is left by hand', () => {
		const { title, message } = finishPage(facts);
		expect(title).toBe('Kantor siap');
		expect(message).toContain('https://docs.google.com/spreadsheets/d/S1');
		expect(message).toContain('https://drive.google.com/drive/folders/F1');
		expect(message).toContain('Alur kerja aktif: Intake, Approvals');
		expect(message).toContain(
			'terkirim ke WhatsApp admin (62812) sebagai template pecelan_uji_admin',
		);
		expect(message).toContain('https://n8n.example/webhook/x/webhook');
		expect(message).toContain('Bagikan lembar permohonan');
		expect(message).toContain('Office certificate');
	});

	it('says the template awaits Meta and what to do, when Meta refuses it', () => {
		const message = page({
			adminMessage: {
				...facts.adminMessage,
				error:
					'Template "pecelan_uji_admin" (id): The template does not exist in this language, or is not approved (132001)',
			},
		});
		expect(message).toContain('belum disetujui');
		expect(message).toContain('Create Office Templates');
		expect(message).not.toContain('terkirim ke WhatsApp admin (62812) sebagai');
	});

	it('names a number Meta cannot reach, a failed sample letter, and any other refusal', () => {
		const unreachable = {
			...facts.adminMessage,
			error: 'The message could not be delivered (131026)',
		};
		expect(page({ adminMessage: unreachable })).toContain('tidak dapat mengantar ke 62812');
		expect(page({ letterError: 'NIP penanda tangan belum diisi' })).toContain(
			'contoh surat tidak dapat dibuat (NIP penanda tangan belum diisi)',
		);
		const other = { ...facts.adminMessage, error: 'The WhatsApp access token is invalid (190).' };
		expect(page({ adminMessage: other })).toContain('The WhatsApp access token is invalid (190)');
	});

	it('lists with whom the files were shared; sharing is then no longer left by hand', () => {
		const shares = staffShares('a@x.id, b@x.id, budi', { spreadsheetId: 'S1', folderId: 'F1' });
		const message = page({
			staffEmails: 'a@x.id, b@x.id, budi',
			shares,
			shareErrors: [undefined, undefined, 'Invalid sharing request', undefined],
		});
		expect(message).toContain('dibagikan (boleh mengedit) ke: a@x.id.');
		expect(message).toContain('Belum dibagikan ke b@x.id: Invalid sharing request.');
		expect(message).toContain('Bukan alamat surel, dilewati: budi.');
		expect(message).not.toContain('Bagikan lembar permohonan');
		const allFailed = page({ shares, shareErrors: shares.map(() => 'refused') });
		expect(allFailed).toContain('Bagikan lembar permohonan');
	});
});
