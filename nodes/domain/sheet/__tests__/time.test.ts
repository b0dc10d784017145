import { parseSheetTime, sheetTime, wibDateTime } from '../time';

describe('the office clock (WIB)', () => {
	it('writes an instant as a WIB date-time that sorts as text', () => {
		expect(wibDateTime(new Date('2026-12-07T17:05:09.162Z'))).toBe('2026-12-08 00:05:09');
		const times = ['2026-12-07T23:59:00Z', '2026-12-07T01:00:00Z', '2026-11-30T12:00:00Z'];
		const written = times.map((t) => wibDateTime(new Date(t)));
		expect([...written].sort()).toEqual([...times].sort().map((t) => wibDateTime(new Date(t))));
	});

	it('reads every form the sheet has held as the same instant', () => {
		const instant = Date.parse('2026-12-07T10:05:00Z');
		expect(parseSheetTime('2026-12-07 17:05:00')).toBe(instant);
		expect(parseSheetTime('2026-12-07 17:05')).toBe(instant);
		expect(parseSheetTime('2026-12-07T10:05:00.000Z')).toBe(instant);
		expect(parseSheetTime('2026-12-07T17:05:00.000+07:00')).toBe(instant);
		// Sheets' serial day number of 7 December 2026 17:05 (a cell Sheets turned into a date).
		expect(parseSheetTime(46363 + (17 * 60 + 5) / 1440)).toBe(instant);
		expect(parseSheetTime('')).toBeUndefined();
		expect(parseSheetTime('kemarin')).toBeUndefined();
	});

	it('writes ISO instants as WIB cells and leaves what is not a time as it came', () => {
		expect(sheetTime('2026-12-07T10:05:00.162Z')).toBe('2026-12-07 17:05:00');
		expect(sheetTime(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01 00:30:00');
		expect(sheetTime('2026-12-07 17:05:00')).toBe('2026-12-07 17:05:00');
		expect(sheetTime('kemarin')).toBe('kemarin');
	});
});
