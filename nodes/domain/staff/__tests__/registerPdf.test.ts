import { DEFAULT_LETTERHEAD, DEFAULT_SIGNATORY, type Paper } from '../../letter';
import { readPdf, squash, type PageText } from '../../../../test/support/pdfText';
import { previousMonth, registerMonth, renderRegisterPdf } from '../registerPdf';
import { registerColumns } from '../register';

const r = registerColumns();
const entry = (sequence: number, date: string, extra: Record<string, string> = {}) => ({
	[r.sequence]: String(sequence),
	[r.date]: date,
	[r.number]: `400.12.2.2/${String(sequence).padStart(3, '0')}/401.301.3/2026`,
	[r.classification]: '400.12.2.2',
	[r.subject]: 'Surat Keterangan Domisili',
	[r.to]: `Warga Nomor ${sequence}`,
	[r.signer]: 'Hadi Santoso, S.Sos.',
	[r.notes]: '',
	...extra,
});

const signatory = {
	...DEFAULT_SIGNATORY,
	name: 'Hadi Santoso, S.Sos.',
	nip: '19700101 199503 1 001',
};
const options = (paper: Paper) => ({
	month: '2026-11',
	date: '2026-12-01',
	letterhead: { ...DEFAULT_LETTERHEAD, address: 'Jl. Contoh No. 1, Madiun' },
	signatory,
	paper,
});

describe("the month's register rows", () => {
	it('are those dated in the month (WIB), in order of issue; other months and empty rows are left out', () => {
		const rows = [
			entry(9, '2026-12-01 08:00:00'),
			entry(8, '2026-11-30 16:59:00'),
			entry(7, '2026-11-02 09:00:00'),
			// Written in UTC by an older version: 1 November 00:30 WIB.
			entry(6, '2026-10-31T17:30:00.000Z'),
			entry(5, '2026-10-31 23:00:00'),
			{ [r.sequence]: '', [r.number]: '' },
		];
		expect(registerMonth(rows, '2026-11').map((e) => [e.sequence, e.day])).toEqual([
			['6', '2026-11-01'],
			['7', '2026-11-02'],
			['8', '2026-11-30'],
		]);
	});

	it('printed on the 1st cover the month before, in WIB, across the year', () => {
		expect(previousMonth(new Date('2026-12-01T00:00:00+07:00'))).toBe('2026-11');
		expect(previousMonth(new Date('2027-01-01T00:30:00+07:00'))).toBe('2026-12');
		// Still 31 December in UTC, already 1 January in Madiun.
		expect(previousMonth(new Date('2026-12-31T17:30:00Z'))).toBe('2026-12');
	});
});

describe.each<Paper>(['F4', 'A4'])('the register PDF on %s', (paper) => {
	let pages: PageText[];
	let letters: number;
	beforeAll(async () => {
		const rows = Array.from({ length: 60 }, (_, i) =>
			entry(i + 1, `2026-11-${String((i % 28) + 1).padStart(2, '0')} 09:00:00`, {
				...(i === 4 ? { [r.notes]: 'Dicabut' } : {}),
				...(i === 7 ? { [r.signer]: 'Siti Aminah, S.E.' } : {}),
			}),
		);
		const made = await renderRegisterPdf(rows, options(paper));
		expect(made.fileName).toBe('buku-agenda-2026-11.pdf');
		letters = made.letters;
		pages = await readPdf(made.pdf);
		expect(made.pages).toBe(pages.length);
	});

	it('is landscape, with the kop, the title and the month on the first page', () => {
		for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
		const first = squash(pages[0].text);
		for (const line of [
			'PEMERINTAH KOTA MADIUN',
			'KELURAHAN ORO-ORO OMBO',
			'BUKU AGENDA SURAT KELUAR',
			'Bulan November 2026',
		])
			expect(first).toContain(line);
	});

	it("has the sheet's columns as headers and every letter of the month once, with its signer and notes", () => {
		const all = squash(pages.map((p) => p.text).join(' '));
		for (const header of Object.values(r)) expect(pages[0].text).toContain(header);
		expect(letters).toBe(60);
		for (let n = 1; n <= 60; n++)
			expect(all.split(`400.12.2.2/${String(n).padStart(3, '0')}/401.301.3/2026`)).toHaveLength(2);
		expect(all).toContain('Siti Aminah, S.E.');
		expect(all).toContain('Dicabut');
		expect(all).toContain('Jumlah surat keluar bulan November 2026: 60 (enam puluh).');
		expect(all).toContain('NIP. 19700101 199503 1 001');
	});

	it('runs over pages, each numbered and naming the register', () => {
		expect(pages.length).toBeGreaterThan(1);
		pages.forEach((page, i) =>
			expect(squash(page.text)).toContain(
				`Buku Agenda Surat Keluar November 2026 · Halaman ${i + 1} dari ${pages.length}`,
			),
		);
	});

	it('keeps every text inside the page', () => {
		for (const page of pages)
			for (const item of page.items) {
				expect(item.x).toBeGreaterThanOrEqual(0);
				expect(item.x + item.width).toBeLessThanOrEqual(page.width);
				expect(item.y).toBeGreaterThan(0);
				expect(item.y).toBeLessThan(page.height);
			}
	});
});

it('refuses a month that is not one', async () => {
	await expect(renderRegisterPdf([], { ...options('F4'), month: '2026-13' })).rejects.toThrow(
		'The register month "2026-13" is not a month (YYYY-MM)',
	);
});
