/**
 * Nomor KK (family card): 16 digits = 6-digit region + DDMMYY of data entry + 4-digit serial.
 * The region part is not always reliable, so only the length and the date are checked.
 */

import { isRealDate, resolveTwoDigitYear, toIso } from './calendar';
import { fail, ok, type Validation } from './result';
import { stripIdSeparators } from './text';

/** Family-card numbers with a data-entry date were not issued before computerised registers. */
const EARLIEST_ENTRY_YEAR = 1980;

export function checkKk(input: string, now: Date = new Date()): Validation<string> {
	const digits = stripIdSeparators(input);
	if (!/^\d+$/.test(digits)) return fail('kk.digits');
	if (digits.length !== 16) return fail('kk.length', { length: digits.length });
	const entry = digits.slice(6, 12);
	const day = Number(entry.slice(0, 2));
	const month = Number(entry.slice(2, 4));
	const yy = Number(entry.slice(4));
	// A date after today in this century falls back to 19YY, which is too early: i.e. "future".
	const year = isRealDate(2000 + yy, month, day)
		? resolveTwoDigitYear(yy, month, day, now)
		: 1900 + yy;
	if (!isRealDate(year, month, day) || year < EARLIEST_ENTRY_YEAR) {
		return fail('kk.date', { digits: entry });
	}
	return ok(digits);
}

/** The data-entry date inside a valid KK number, `YYYY-MM-DD`. */
export function kkEntryDate(kk: string, now: Date = new Date()): string | null {
	const checked = checkKk(kk, now);
	if (!checked.ok) return null;
	const entry = checked.value.slice(6, 12);
	const day = Number(entry.slice(0, 2));
	const month = Number(entry.slice(2, 4));
	return toIso(resolveTwoDigitYear(Number(entry.slice(4)), month, day, now), month, day);
}
