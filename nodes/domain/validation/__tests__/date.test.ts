import { parseDate } from '..';

const now = new Date('2026-05-05T03:00:00Z');

describe('parseDate', () => {
	it.each([
		['17-08-1990', '1990-08-17'],
		['17/8/1990', '1990-08-17'],
		['17.08.1990', '1990-08-17'],
		['17 08 1990', '1990-08-17'],
		['17 Agustus 1990', '1990-08-17'],
		['17 AGUSTUS 1990', '1990-08-17'],
		['17 agu 1990', '1990-08-17'],
		['17 agt 1990', '1990-08-17'],
		['17-Agu-1990', '1990-08-17'],
		['tgl 17 agustus 1990', '1990-08-17'],
		['1990-08-17', '1990-08-17'],
		['1 okt 2001', '2001-10-01'],
		['25 des 1999', '1999-12-25'],
		['3 Pebruari 1985', '1985-02-03'],
		['3 feb 1985', '1985-02-03'],
		['9 Nopember 1975', '1975-11-09'],
		['9 sept 1975', '1975-09-09'],
		['1 Mei 2026', '2026-05-01'],
		['29-02-2000', '2000-02-29'],
		// Two-digit years: this century up to this year, otherwise the previous one.
		['17-08-90', '1990-08-17'],
		['17-08-05', '2005-08-17'],
		['17-08-26', '2026-08-17'],
		['17-08-27', '1927-08-17'],
	])('reads %p as %s', (input, iso) => {
		expect(parseDate(input, now)).toEqual({ ok: true, value: iso });
	});

	it.each([
		'31-02-1990',
		'29-02-2001',
		'32-01-1990',
		'17-13-1990',
		'00-08-1990',
		'17 Agust 1990x',
		'17 Ju 1990', // Juni or Juli?
		'17 Bulan 1990',
		'17-08-199',
		'17081990',
		'kemarin',
		'',
		'17 Agustus',
		'08/17/1990',
		'17-08-1700',
	])('rejects %p with date.invalid', (input) => {
		const result = parseDate(input, now);
		expect(!result.ok && result.error.code).toBe('date.invalid');
	});
});

describe('parseDate with partial dates ("since" questions)', () => {
	it.each([
		['2015', '2015'],
		['sejak 2015', '2015'],
		['thn 2015', '2015'],
		['tahun 2015', '2015'],
		['Maret 2015', '2015-03'],
		['sejak bulan maret 2015', '2015-03'],
		['mar 2015', '2015-03'],
		['03/2015', '2015-03'],
		['3-2015', '2015-03'],
		['2015-03', '2015-03'],
		['1 Maret 2015', '2015-03-01'],
		['01-03-2015', '2015-03-01'],
	])('"%s" → %s', (input, iso) => {
		expect(parseDate(input, now, { partial: true })).toEqual({ ok: true, value: iso });
	});

	it.each(['15', '13/2015', 'maret', 'dulu', '2015 2016', '99999'])('"%s" is refused', (input) => {
		expect(parseDate(input, now, { partial: true }).ok).toBe(false);
	});

	it('without the option a year alone is not a date', () => {
		expect(parseDate('2015', now).ok).toBe(false);
		expect(parseDate('Maret 2015', now).ok).toBe(false);
	});
});
