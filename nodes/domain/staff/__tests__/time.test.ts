import { parseSheetTime, wibDateTime } from '../time';
import { isWorkingDay, workingDaysWaited, BUNDLED_HOLIDAYS } from '../workingDays';

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
});

describe('working days', () => {
	const closed = new Set(BUNDLED_HOLIDAYS);

	it('knows weekends, national holidays and cuti bersama', () => {
		expect(isWorkingDay('2026-12-07', closed)).toBe(true); // Monday
		expect(isWorkingDay('2026-12-12', closed)).toBe(false); // Saturday
		expect(isWorkingDay('2026-03-23', closed)).toBe(false); // cuti bersama Idulfitri
		expect(isWorkingDay('2026-08-17', closed)).toBe(false); // Proklamasi
	});

	it('counts the working days passed in full since a request came in', () => {
		const mondayEvening = Date.parse('2026-12-07T11:00:00Z'); // 18:00 WIB
		expect(workingDaysWaited(mondayEvening, Date.parse('2026-12-08T02:00:00Z'), closed)).toBe(0);
		expect(workingDaysWaited(mondayEvening, Date.parse('2026-12-09T02:00:00Z'), closed)).toBe(1);
		// Friday to the next Tuesday: only Monday has passed.
		const friday = Date.parse('2026-12-11T03:00:00Z');
		expect(workingDaysWaited(friday, Date.parse('2026-12-15T03:00:00Z'), closed)).toBe(1);
		// Late on Monday 7th UTC is already Tuesday 8th in WIB.
		expect(
			workingDaysWaited(
				Date.parse('2026-12-07T18:00:00Z'),
				Date.parse('2026-12-09T02:00:00Z'),
				closed,
			),
		).toBe(0);
	});
});
