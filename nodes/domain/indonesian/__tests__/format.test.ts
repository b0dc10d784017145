import { formatDateId } from '../format';

describe('formatDateId', () => {
	it('prints a calendar date as Indonesians write it', () => {
		expect(formatDateId('2026-05-05')).toBe('5 Mei 2026');
		expect(formatDateId('1990-08-17')).toBe('17 Agustus 1990');
	});

	it("gives a moment the office's date: a request sent at 00:13 WIB was sent on the 1st", () => {
		// 17:13 UTC on 30 November is 00:13 on 1 December in Madiun (WIB, UTC+7).
		expect(formatDateId('2026-11-30T17:13:00.000Z')).toBe('1 Desember 2026');
		expect(formatDateId(new Date('2026-11-30T17:13:00Z'))).toBe('1 Desember 2026');
		expect(formatDateId('2026-11-30T23:19:13.381+07:00')).toBe('30 November 2026');
		expect(formatDateId('2026-11-30T10:00:00Z')).toBe('30 November 2026');
		// A sheet's time cell is written in WIB already.
		expect(formatDateId('2026-12-01 00:13:00')).toBe('1 Desember 2026');
		expect(formatDateId('2026-12-01 00:13')).toBe('1 Desember 2026');
	});

	it('leaves what is not a date as it is', () => {
		expect(formatDateId('kemarin')).toBe('kemarin');
		expect(formatDateId('2026-02-30')).toBe('2026-02-30');
		expect(formatDateId('2026-11-30T99:00:00Z')).toBe('2026-11-30T99:00:00Z');
	});
});
