/** Calendar-date helpers. Dates are `YYYY-MM-DD` strings; "today" is the office's date (WIB). */

// Kota Madiun is on WIB; a date typed at 23:30 local time must not count as tomorrow or yesterday.
const OFFICE_TIME_ZONE = 'Asia/Jakarta';
const todayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: OFFICE_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

export function isRealDate(year: number, month: number, day: number): boolean {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
	if (month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toIso(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date at the office, `YYYY-MM-DD` (ISO strings compare correctly as text). */
export function todayIso(now: Date): string {
	return todayFormat.format(now);
}

export function currentYear(now: Date): number {
	return Number(todayIso(now).slice(0, 4));
}

/**
 * The full year for a two-digit one: the latest year whose date is not after today
 * (`90` → 1990, `05` → 2005, and in 2026 `27` → 1927).
 */
export function resolveTwoDigitYear(yy: number, month: number, day: number, now: Date): number {
	const recent = 2000 + yy;
	return toIso(recent, month, day) <= todayIso(now) ? recent : 1900 + yy;
}
