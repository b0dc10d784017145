/**
 * What residents actually type into a request: everyday words and abbreviations for the
 * Dukcapil choices, "RT 03", short month names and recent dates, "sejuta" and "2 jutaan".
 */
import { defaultCatalog } from '../../catalog';
import type { FieldSpec } from '../../catalog/types';
import { parseDate, parseMoney, validateField } from '..';

const catalog = defaultCatalog();
const field = (key: string): FieldSpec =>
	catalog.services[0].fields.find((f) => f.key === key) ??
	catalog.services.flatMap((s) => s.fields).find((f) => f.key === key)!;
const NOW = new Date('2026-05-05T03:00:00Z');
const answer = (key: string, text: string) =>
	validateField(field(key), text, { values: {}, now: NOW });

describe('marital status (Dukcapil: Belum Kawin, Kawin Tercatat, Kawin Belum Tercatat, Cerai Hidup, Cerai Mati)', () => {
	it.each([
		['blm kawin', 'Belum Kawin'],
		['belum kawin', 'Belum Kawin'],
		['blm nikah', 'Belum Kawin'],
		['belum menikah', 'Belum Kawin'],
		['lajang', 'Belum Kawin'],
		['single', 'Belum Kawin'],
		['kawin belum tercatat', 'Kawin Belum Tercatat'],
		['nikah siri', 'Kawin Belum Tercatat'],
		['kawin tercatat', 'Kawin Tercatat'],
		['kawin', 'Kawin Tercatat'],
		['sdh menikah', 'Kawin Tercatat'],
		['udah nikah', 'Kawin Tercatat'],
		['cerai hidup', 'Cerai Hidup'],
		['cerai mati', 'Cerai Mati'],
		['ditinggal meninggal', 'Cerai Mati'],
	])('"%s" → %s', (typed, label) => {
		expect(answer('status_perkawinan', typed)).toEqual({ ok: true, value: label });
	});

	it('"janda" could be either divorce: asks which instead of guessing', () => {
		const result = answer('status_perkawinan', 'janda');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.code).toBe('choice.ambiguous');
	});
});

describe('sex in everyday words', () => {
	it.each([
		['cewek', 'Perempuan'],
		['cewe', 'Perempuan'],
		['wedok', 'Perempuan'],
		['cowok', 'Laki-laki'],
		['cowo', 'Laki-laki'],
		['lanang', 'Laki-laki'],
	])('"%s" → %s', (typed, label) => {
		expect(answer('jenis_kelamin', typed)).toEqual({ ok: true, value: label });
	});
});

describe('RT and RW with their label typed', () => {
	it.each([
		['rt', 'RT 03', '003'],
		['rt', 'rt.3', '003'],
		['rt', 'Rt 003', '003'],
		['rw', 'rw 2', '002'],
		['rw', 'RW: 05', '005'],
	])('%s "%s" → %s', (key, typed, value) => {
		expect(answer(key, typed)).toEqual({ ok: true, value });
	});

	it('a label alone is still not a number', () => {
		expect(answer('rt', 'RT').ok).toBe(false);
	});
});

describe('dates', () => {
	it.each([
		['15 ags 1987', '1987-08-15'],
		['15 agus 1987', '1987-08-15'],
		['3 sep 2001', '2001-09-03'],
		['kemarin', '2026-05-04'],
		['kemaren', '2026-05-04'],
		['hari ini', '2026-05-05'],
		['tadi pagi', '2026-05-05'],
		['2 hari yang lalu', '2026-05-03'],
		['3 hari lalu', '2026-05-02'],
		['1 mei', '2026-05-01'],
		['tgl 20 desember', '2025-12-20'],
	])('the day of a loss: "%s" → %s', (typed, iso) => {
		expect(answer('tanggal_hilang', typed)).toEqual({ ok: true, value: iso });
	});

	it('a day and month without a year that are still ahead mean last year', () => {
		expect(answer('tanggal_hilang', '10 juni')).toEqual({ ok: true, value: '2025-06-10' });
	});

	it('a birth date needs its year: "kemarin" and "1 mei" are refused there', () => {
		expect(answer('tanggal_lahir', 'kemarin').ok).toBe(false);
		expect(answer('tanggal_lahir', '1 mei').ok).toBe(false);
		expect(parseDate('15 ags 1987', NOW)).toEqual({ ok: true, value: '1987-08-15' });
	});
});

describe('money', () => {
	it.each([
		['sejuta', 1_000_000],
		['sejutaan', 1_000_000],
		['2 jutaan', 2_000_000],
		['1,5jt', 1_500_000],
		['500 ribuan', 500_000],
		['seratus ribu', 100_000],
		['setengah juta', 500_000],
		['2jtan', 2_000_000],
	])('"%s" → %d', (typed, value) => {
		expect(parseMoney(typed)).toEqual({ ok: true, value });
	});
});

describe('Javanese yes and no to a yes/no choice', () => {
	it.each([
		['nggih', 'Sudah menikah lagi'],
		['inggih', 'Sudah menikah lagi'],
		['sampun', 'Sudah menikah lagi'],
		['dereng', 'Belum menikah lagi'],
		['mboten', 'Belum menikah lagi'],
	])('"%s" → %s (remarried since?)', (typed, label) => {
		expect(answer('menikah_lagi', typed)).toEqual({ ok: true, value: label });
	});
});
