/** Calendar arithmetic in the office's time zone, cell parsing and the percentile rule. */

import { parseSheetTime } from '../sheet/time';

export interface LocalDay {
	year: number;
	month: number;
	day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
			});
		} catch {
			throw new Error(`"${timeZone}" is not a time zone (e.g. Asia/Jakarta)`);
		}
		formatters.set(timeZone, f);
	}
	return f;
}

/** The calendar day of an instant in the time zone. */
export function localDay(ms: number, timeZone: string): LocalDay {
	const [year, month, day] = formatter(timeZone).format(new Date(ms)).split('-').map(Number);
	return { year, month, day };
}

/** Checks a time zone name early, so a typo is a clear error rather than a failed row. */
export function assertTimeZone(timeZone: string): void {
	formatter(timeZone);
}

/** `2026-05` → { year: 2026, month: 5 }, or an error naming the expected form. */
export function parseMonth(month: string): { year: number; month: number } {
	const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(String(month ?? '').trim());
	if (!m) throw new Error(`The month "${String(month)}" is not in the form YYYY-MM (e.g. 2026-05)`);
	return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month before the one containing `now`, in the time zone, as YYYY-MM. */
export function previousMonth(now: Date, timeZone: string): string {
	const { year, month } = localDay(now.getTime(), timeZone);
	const y = month === 1 ? year - 1 : year;
	const m = month === 1 ? 12 : month - 1;
	return `${y}-${String(m).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A time cell → epoch ms; undefined for a blank cell, NaN for one that is not a time. Cells are
 * read as the sheet holds them (see parseSheetTime): WIB text, zoned ISO or a Sheets serial.
 */
export function parseTime(cell: unknown): number | undefined {
	if (cell === undefined || cell === null || String(cell).trim() === '') return undefined;
	return parseSheetTime(typeof cell === 'number' ? cell : String(cell)) ?? NaN;
}

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it,
 * i.e. sorted[ceil(p/100 × n) − 1]. Always a value that occurred; the median is p = 50
 * (for an even count, the lower of the two middle values). Null for no values.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

export const round1 = (v: number) => Math.round(v * 10 + 1e-9) / 10;

/** part / whole as a percentage with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
	return whole ? round1((100 * part) / whole) : null;
}
