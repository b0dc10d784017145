import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ServiceReport } from '../ServiceReport.node';
import { executeContext } from '../../../test/support/nodeContext';
import { readPdf, squash } from '../../../test/support/pdfText';
import { complaints, events, requests, surveys } from '../../../test/support/outcomeFixture';

const node = new ServiceReport();
const run = (params: IDataObject, items: INodeExecutionData[] = [{ json: {} }], fail = false) =>
	node.execute.call(executeContext(params, items, fail));

describe('Service Report node', () => {
	it('describes two operations with rows parameters defaulting to empty lists', () => {
		const d = node.description;
		expect(d.name).toBe('serviceReport');
		expect(d.usableAsTool).toBe(true);
		const names = d.properties.map((p) => p.name);
		expect(names).toEqual(
			expect.arrayContaining(['requests', 'surveys', 'complaints', 'events', 'month', 'figures']),
		);
		expect(d.properties.find((p) => p.name === 'requests')!.default).toBe('[]');
		expect(d.properties.find((p) => p.name === 'figures')!.default).toBe('={{ $json }}');
	});

	it('computes the indicators from rows given as JSON text or as items, with report-tab rows', async () => {
		const [[out]] = await run({
			operation: 'computeIndicators',
			requests: JSON.stringify(requests),
			surveys: surveys.map((json) => ({ json })),
			complaints,
			events,
			month: '2026-05',
		});
		const json = out.json as IDataObject & { thisMonth: IDataObject; rows: IDataObject[] };
		expect(json.month).toBe('2026-05');
		expect(json.timeZone).toBe('Asia/Jakarta');
		expect(json.thisMonth).toMatchObject({
			requestsReceived: 8,
			lettersIssued: 7,
			medianMinutesToLetter: 20,
		});
		expect((json.thisMonth.ikm as IDataObject).ikm).toBe(80.56);
		expect(json.rows).toContainEqual({
			Indikator: 'Pengaduan diterima',
			'Bulan Ini': 3,
			'Tahun Berjalan': 4,
		});
	});

	it('reports the previous month in the workflow time zone when Month is empty', async () => {
		const [[out]] = await run({ operation: 'computeIndicators' });
		const now = new Date();
		const local = new Intl.DateTimeFormat('en-CA', {
			timeZone: 'Asia/Jakarta',
			year: 'numeric',
			month: '2-digit',
		})
			.format(now)
			.slice(0, 7);
		const [y, m] = local.split('-').map(Number);
		const expected = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
		expect(out.json.month).toBe(expected);
	});

	it('names the parameter that is not a list or not JSON', async () => {
		await expect(
			run({ operation: 'computeIndicators', requests: '{"a":1}', month: '2026-05' }),
		).rejects.toThrow(/"requests" parameter of item 0 must be a JSON list/);
		await expect(
			run({ operation: 'computeIndicators', surveys: '[{', month: '2026-05' }),
		).rejects.toThrow(/"surveys" parameter of item 0 is not valid JSON/);
		await expect(run({ operation: 'computeIndicators', month: 'Mei' })).rejects.toBeInstanceOf(
			NodeOperationError,
		);
	});

	it('turns the figures into a PDF whose numbers match them, with the letterhead given', async () => {
		const [[computed]] = await run({
			operation: 'computeIndicators',
			requests,
			surveys,
			complaints,
			events,
			month: '2026-05',
		});
		const [[out]] = await run(
			{
				operation: 'reportPdf',
				figures: computed.json,
				letterhead: {
					office: 'Kelurahan Contoh',
					government: 'PEMERINTAH KOTA CONTOH\nKECAMATAN UJI',
				},
				reportOptions: { paper: 'A4' },
			},
			[computed],
		);
		expect(out.json).toMatchObject({ month: '2026-05', fileName: 'laporan-indikator-2026-05.pdf' });
		const pdf = Buffer.from(out.binary!.data.data, 'base64');
		expect(out.json.bytes).toBe(pdf.length);
		expect(out.binary!.data.mimeType).toBe('application/pdf');
		const pages = await readPdf(pdf);
		expect(pages).toHaveLength(out.json.pages as number);
		const text = squash(pages.map((p) => p.text).join(' '));
		expect(text).toContain('KELURAHAN CONTOH');
		expect(text).toContain('KECAMATAN UJI');
		expect(text).toContain('Permohonan diterima 8 12');
		expect(text).toContain('Indeks Kepuasan Masyarakat (IKM) 80,56 86,11');
	});

	it('refuses figures that are not from Compute Indicators, or reports the error per item', async () => {
		await expect(run({ operation: 'reportPdf', figures: { hello: 1 } })).rejects.toThrow(
			/not the output of "Compute Indicators"/,
		);
		const [[out]] = await run(
			{ operation: 'reportPdf', figures: 'nonsense' },
			[{ json: {} }],
			true,
		);
		expect(out.json.error).toMatch(/"figures" parameter of item 0 is not valid JSON/);
		expect(out.json.details).toMatch(/Compute Indicators/);
		expect(out.binary).toBeUndefined();
	});

	it("prints a month's Buku Agenda with the Lurah closing it, as a binary named for the month", async () => {
		const row = (n: number, date: string, signer: string) => ({
			'No. Urut': String(n),
			Tanggal: date,
			'Nomor Surat': `470/${String(n).padStart(3, '0')}/401.301.3/2026`,
			Klasifikasi: '470',
			Perihal: 'Surat Keterangan Domisili',
			Kepada: `Warga ${n}`,
			'Penanda Tangan': signer,
			Keterangan: '',
		});
		const [[out]] = await run({
			operation: 'registerPdf',
			registerRows: [
				row(1, '2026-10-31 10:00:00', 'Hadi Santoso'),
				row(2, '2026-11-03 10:00:00', 'Hadi Santoso'),
				row(3, '2026-11-04 10:00:00', 'Siti Aminah, S.E.'),
			],
			month: '2026-11',
			letterhead: { address: 'Jl. Contoh No. 1' },
			signatory: { name: 'Hadi Santoso', nip: '19700101 199503 1 001' },
		});
		expect(out.json).toMatchObject({
			month: '2026-11',
			period: 'November 2026',
			letters: 2,
			pages: 1,
			fileName: 'buku-agenda-2026-11.pdf',
		});
		expect(out.binary!.data.fileName).toBe('buku-agenda-2026-11.pdf');
		const [page] = await readPdf(Buffer.from(out.binary!.data.data, 'base64'));
		const text = squash(page.text);
		expect(text).toContain('470/002/401.301.3/2026');
		expect(text).toContain('Siti Aminah, S.E.');
		expect(text).not.toContain('470/001/401.301.3/2026');
		expect(text).toContain('NIP. 19700101 199503 1 001');
		await expect(
			run({ operation: 'registerPdf', registerRows: [], month: 'November' }),
		).rejects.toThrow(
			'The register could not be made: The register month "November" is not a month (YYYY-MM)',
		);
	});
});
