import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LetterPdf } from '../LetterPdf.node';
import { letterFileName } from '../generate';
import { readPdf, squash } from '../../../test/support/pdfText';
import { sampleApplication } from '../../../test/support/letterSamples';
import { executeContext } from '../../../test/support/nodeContext';

const node = new LetterPdf();
const app = (service: string) => sampleApplication(service) as IDataObject;
const baseParams: IDataObject = {
	templateSource: 'service',
	numberSource: 'given',
	number: '400.12.2/042/401.301.3/2026',
	verificationBaseUrl: 'https://surat.example.go.id/v/',
	letterhead: { address: 'Jl. Contoh No. 1 Madiun' },
	signatory: {
		name: 'Drs. Hadi Santoso, M.Si.',
		pangkat: 'Penata Tk. I',
		nip: '19700101 199503 1 001',
	},
	options: { date: '2026-05-05' },
};

async function run(
	params: IDataObject,
	items: INodeExecutionData[],
	continueOnFail = false,
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
) {
	const [out] = await node.execute.call(
		executeContext({ ...baseParams, ...params }, items, continueOnFail, onError),
	);
	return out;
}

const pdfOf = (item: INodeExecutionData, prop = 'data') =>
	Buffer.from(item.binary![prop].data, 'base64');

describe('Letter PDF node', () => {
	it('prints each approved application with its service template, as binary plus a summary', async () => {
		const out = await run({}, [{ json: app('sku-kur') }, { json: app('domisili') }]);
		expect(out).toHaveLength(2);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [first] = out;
		expect(first.json).toMatchObject({
			ticket: 'OOO-2026-0042',
			number: '400.12.2/042/401.301.3/2026',
			pages: 1,
			fileName: '400.12.2-042-401.301.3-2026-Siti-Nurhaliza-Ummu.pdf',
			warnings: [],
		});
		expect(first.json.verificationCode).toMatch(/^[A-Z2-7]{21}$/);
		expect(first.json.verificationUrl).toBe(
			`https://surat.example.go.id/v/${first.json.verificationCode}`,
		);
		expect(first.binary!.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: first.json.fileName,
		});
		expect(first.json.bytes).toBe(pdfOf(first).length);
		const [page] = await readPdf(pdfOf(first));
		expect(squash(page.text)).toContain('SURAT KETERANGAN USAHA');
		const [page2] = await readPdf(pdfOf(out[1]));
		expect(squash(page2.text)).toContain('SURAT KETERANGAN DOMISILI');
		expect(out[1].json.verificationCode).not.toBe(first.json.verificationCode);
	});

	it('builds the number from a format and the sequence, and honours paper and output property', async () => {
		const [out] = await run(
			{
				numberSource: 'format',
				numberFormat: '{klasifikasi}/{nomor:3}/{unit}/{bulan:roman}/{tahun}',
				sequence: 7,
				classification: '400.12.2',
				unitCode: '401.301.3',
				options: { date: '2026-05-05', paper: 'A4', binaryPropertyName: 'surat' },
			},
			[{ json: app('belum-menikah') }],
		);
		expect(out.json.number).toBe('400.12.2/007/401.301.3/V/2026');
		const [page] = await readPdf(pdfOf(out, 'surat'));
		expect(page.height).toBeCloseTo(841.9, 0);
		expect(squash(page.text)).toContain('Nomor: 400.12.2/007/401.301.3/V/2026');
	});

	it('uses a custom template pasted into the node and prints the letterhead settings', async () => {
		const customTemplate =
			'<letter>\n{{> kop title="Surat Uji"}}\n<p>Halo {{data.nama}}.</p>\n{{> tanda-tangan}}\n</letter>';
		const [out] = await run(
			{
				templateSource: 'custom',
				customTemplate,
				letterhead: {
					government: 'PEMERINTAH KABUPATEN CONTOH\nKECAMATAN UJI',
					office: 'Desa Coba',
					place: 'Contoh',
					address: 'Jl. Balai Desa No. 1, Contoh · Telp. (0351) 111111',
				},
			},
			[{ json: app('sku-kur') }],
		);
		const text = squash((await readPdf(pdfOf(out)))[0].text);
		for (const s of [
			'PEMERINTAH KABUPATEN CONTOH',
			'KECAMATAN UJI',
			'DESA COBA',
			'SURAT UJI',
			'Halo Siti Nurhaliza Ümmü.',
			'Contoh, 5 Mei 2026',
		])
			expect(text).toContain(s);
	});

	it('prints a service the bundle does not know from Own Templates, and lets one replace a bundled letter', async () => {
		const surat = (title: string) =>
			`<letter>\n{{> kop title="${title}"}}\n<p>Nama: {{data.nama}}.</p>\n{{> tanda-tangan}}\n</letter>`;
		const own = {
			templates: {
				template: [
					{ name: 'surat-usaha-mikro', source: surat('SURAT KETERANGAN USAHA MIKRO') },
					{ name: 'domisili', source: surat('DOMISILI VERSI KANTOR') },
					{ name: '', source: surat('TANPA NAMA') },
				],
			},
		};
		const mikro = { ...app('sku-kur'), letter: { template: 'surat-usaha-mikro' } };
		const out = await run(own, [{ json: mikro }, { json: app('domisili') }, { json: app('sktm') }]);
		const texts = await Promise.all(
			out.map(async (item) => squash((await readPdf(pdfOf(item)))[0].text)),
		);
		expect(texts[0]).toContain('SURAT KETERANGAN USAHA MIKRO');
		expect(texts[0]).toContain('Nama: Siti Nurhaliza Ümmü.');
		expect(texts[1]).toContain('DOMISILI VERSI KANTOR');
		expect(texts[1]).not.toContain('SURAT KETERANGAN DOMISILI');
		// Services without an own template keep the bundled letter.
		expect(texts[2]).toContain('SURAT KETERANGAN TIDAK MAMPU');
		// An unknown name lists the own templates beside the bundled ones.
		await expect(
			run(own, [{ json: { ...mikro, letter: { template: 'surat-lain' } } }]),
		).rejects.toThrow('No letter template for service "surat-lain"');
	});

	it('fails with the template, line and variable named, or continues when asked', async () => {
		const broken = app('sku-kur');
		delete (broken.data as IDataObject).usaha_nama;
		await expect(run({}, [{ json: broken }])).rejects.toThrow(NodeOperationError);
		await expect(run({}, [{ json: broken }])).rejects.toThrow(
			'Letter template "sku-kur", line 8: variable "data.usaha_nama" is missing from the data',
		);
		const out = await run({}, [{ json: broken }, { json: app('sku-kur') }], true);
		expect(out[0].json.error).toContain('data.usaha_nama');
		expect(out[0].json.reason).toMatch(/^Surat gagal dibuat karena kesalahan sistem/);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json.pages).toBe(1);
	});

	it('on an error output, gives the failed letter the shape n8n routes there, reason kept for staff', async () => {
		// n8n sends an item to "Continue (using error output)" only when its json holds nothing but
		// error, message and details: the staff's reason travels in details.
		const broken = app('sku-kur');
		delete (broken.data as IDataObject).usaha_nama;
		const out = await run({}, [{ json: broken }], true, 'continueErrorOutput');
		expect(Object.keys(out[0].json).sort()).toEqual(['details', 'error']);
		expect((out[0].json.details as IDataObject).reason).toMatch(
			/^Surat gagal dibuat karena kesalahan sistem/,
		);
	});

	it('issues no letter while the letterhead holds the placeholder or the signatory has no name or NIP', async () => {
		const unset = { letterhead: {}, signatory: {} };
		await expect(run(unset, [{ json: app('sku-kur') }])).rejects.toThrow(
			'The letter was not issued: letterhead.address, signatory.name, signatory.nip not set',
		);
		// On the error path the item carries what staff read in the row, in Indonesian.
		const out = await run(
			{ signatory: { name: 'Drs. Hadi Santoso, M.Si.', nip: '1970' }, letterhead: {} },
			[{ json: app('sku-kur') }],
			true,
		);
		expect(out).toHaveLength(1);
		const [refused] = out;
		expect(refused.binary).toBeUndefined();
		expect(refused.json.reason).toBe(
			'Surat belum dapat diterbitkan: Alamat, telepon dan surel kantor di kop surat masih berisi contoh ("Alamat kantor · Telepon · Surel (atur di node Letter PDF)"); NIP penandatangan "1970" bukan 18 angka. Minta admin melengkapi kop surat dan penandatangan di node Letter PDF pada alur kerja persetujuan, lalu setujui lagi permohonan ini.',
		);
		expect(refused.json.error).toContain('letterhead.address, signatory.nip');
	});

	describe('with a deputy signatory', () => {
		const deputy = {
			name: 'Siti Aminah Contoh, S.E.',
			pangkat: 'Penata (III/c)',
			nip: '19800202 200501 2 004',
			title: 'Sekretaris Kelurahan',
		};

		it("prints the deputy on behalf of the Lurah when the request's row picks the deputy, and says who signs", async () => {
			const [letter, byLurah] = await run({ deputy }, [
				{ json: { ...app('domisili'), signer: 'Wakil' } },
				{ json: app('domisili') },
			]);
			expect(letter.json.signatory).toEqual({ role: 'deputy', name: 'Siti Aminah Contoh, S.E.' });
			const text = squash((await readPdf(pdfOf(letter)))[0].text);
			expect(text).toContain('a.n. LURAH ORO-ORO OMBO Sekretaris Kelurahan');
			expect(text).toContain('Siti Aminah Contoh, S.E. Penata (III/c) NIP. 19800202 200501 2 004');
			expect(text).not.toContain('Hadi Santoso');
			expect(byLurah.json.signatory).toEqual({ role: 'lurah', name: 'Drs. Hadi Santoso, M.Si.' });
			expect(squash((await readPdf(pdfOf(byLurah)))[0].text)).not.toContain('a.n.');
		});

		it("signs as the deputy within the deputy's period unless the row picks the Lurah", async () => {
			const period = { deputy: { ...deputy, from: '2026-05-01', to: '2026-05-05' } };
			const [inPeriod, lurahPicked] = await run(period, [
				{ json: app('domisili') },
				{ json: { ...app('domisili'), signer: 'Lurah' } },
			]);
			expect(inPeriod.json.signatory).toMatchObject({ role: 'deputy' });
			expect(lurahPicked.json.signatory).toMatchObject({ role: 'lurah' });
			const [after] = await run({ ...period, options: { date: '2026-05-06' } }, [
				{ json: app('domisili') },
			]);
			expect(after.json.signatory).toMatchObject({ role: 'lurah' });
		});

		it('issues no letter for a signer nobody knows, and tells staff why in their words', async () => {
			const out = await run({ deputy }, [{ json: { ...app('domisili'), signer: 'Pak RT' } }], true);
			expect(out[0].binary).toBeUndefined();
			expect(out[0].json.reason).toBe(
				'kolom Penandatangan berisi "Pak RT", bukan salah satu pilihannya (Lurah, Wakil); pilih dari daftar atau kosongkan untuk Lurah',
			);
			const [none] = await run({}, [{ json: { ...app('domisili'), signer: 'Wakil' } }], true);
			expect(none.json.reason).toContain('Setup belum mencatat wakil penanda tangan');
		});
	});

	it('refuses an unknown service, an empty number and a bad verification URL', async () => {
		await expect(
			run({}, [{ json: { ...app('sku-kur'), serviceKey: 'izin-tinggal', letter: {} } }]),
		).rejects.toThrow('No letter template for service "izin-tinggal"');
		await expect(run({ number: '  ' }, [{ json: app('sku-kur') }])).rejects.toThrow(
			'The letter number is empty',
		);
		await expect(
			run({ verificationBaseUrl: 'surat.example' }, [{ json: app('sku-kur') }]),
		).rejects.toThrow(/verification base URL/);
	});

	it("prints a two-step heirs' statement as an unnumbered draft, then with the registration staff recorded", async () => {
		const heirs = { ...app('ahli-waris'), letter: { template: 'ahli-waris', twoStep: true } };
		const [draft] = await run({ number: '', options: { date: '2026-05-05' } }, [{ json: heirs }]);
		expect(draft.json).toMatchObject({ number: '', draft: true, verificationCode: '' });
		expect(draft.json.fileName).toMatch(/^DRAF-Siti-Nurhaliza/);
		const draftText = squash((await readPdf(pdfOf(draft))).map((p) => p.text).join(' '));
		expect(draftText).toContain('DRAF — untuk ditandatangani para ahli waris');
		expect(draftText).not.toContain('Nomor arsip');

		const registered = {
			...heirs,
			letter: { ...heirs.letter, register: { number: '474.3/017/2026', date: '12/05/2026' } },
		};
		const [final] = await run({ number: '474.3/017/2026' }, [{ json: registered }]);
		expect(final.json).toMatchObject({ number: '474.3/017/2026', draft: false });
		expect(final.json.verificationCode).toMatch(/^[A-Z2-7]{21}$/);
		const finalText = squash((await readPdf(pdfOf(final))).map((p) => p.text).join(' '));
		expect(finalText).toContain('Nomor Register: 474.3/017/2026 Tanggal: 12 Mei 2026');
		expect(finalText).not.toContain('DRAF');
		// Only the draft goes without a number.
		await expect(run({ number: '' }, [{ json: registered }])).rejects.toThrow(
			'The letter number is empty',
		);
	});

	it('reports a missing emblem property instead of crashing', async () => {
		await expect(
			run({ letterhead: { emblemProperty: 'lambang' } }, [{ json: app('sku-kur') }]),
		).rejects.toThrow(/lambang/);
	});
});

describe('letterFileName', () => {
	it('keeps letters, digits and dots, drops accents and everything else', () => {
		expect(letterFileName('470/12/401.301.3/2026', 'Ñoño  <script>/../x')).toBe(
			'470-12-401.301.3-2026-Nono-script-x.pdf',
		);
	});
});
