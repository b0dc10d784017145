import { isWorkingDay, workingDaysWaited, BUNDLED_HOLIDAYS } from '../workingDays';

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
