/**
 * Indonesian formatting shared by the chat and the letters. Month and day names come from the
 * runtime's ICU data (locale id-ID), so no word lists live in code.
 */

import { todayIso } from '../validation/calendar';

const LOCALE = 'id-ID';
const longDate = new Intl.DateTimeFormat(LOCALE, {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});
const rupiah = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** Month names in Indonesian, January first ("Januari" … "Desember"). */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, m) =>
	new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2000, m, 1)),
	),
);

/** A moment (not a bare calendar date): its day is the office's (WIB), not UTC's. */
const SHEET_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `2026-05-05` → `5 Mei 2026`; a moment (a Date, `2026-11-30T17:13:00Z`) → the office's date of
 * it (`1 Desember 2026`: past midnight in Madiun). Returns the input unchanged when not a date.
 */
export function formatDateId(value: string | Date): string {
	const moment = value instanceof Date ? value : TIMESTAMP.test(value) ? new Date(value) : null;
	if (moment && Number.isNaN(moment.getTime())) return String(value);
	// A sheet's time cell (`2026-12-07 17:05:09`) is already the office's (WIB) day.
	const day = typeof value === 'string' && SHEET_TIME.test(value) ? value.slice(0, 10) : value;
	const date = parseIsoDate(moment ? todayIso(moment) : String(day));
	if (!date) return String(value);
	return longDate.format(date);
}

/**
 * A date that may be partial, as given: `2015-03` → `Maret 2015`, `2015-03-01` → `1 Maret 2015`,
 * `2015` → `yearAlone` with `{year}` filled (a letter's "tahun {year}"; the year itself by
 * default). Anything else as `formatDateId` does.
 */
export function formatPartialDateId(value: string, yearAlone = '{year}'): string {
	const text = String(value ?? '');
	if (/^\d{4}$/.test(text)) return yearAlone.replace('{year}', text);
	const month = /^(\d{4})-(\d{2})$/.exec(text);
	if (month && +month[2] >= 1 && +month[2] <= 12)
		return `${MONTH_NAMES[+month[2] - 1]} ${month[1]}`;
	return formatDateId(text);
}

/** Calendar date from `YYYY-MM-DD` (or the date part of an ISO timestamp), in UTC. */
export function parseIsoDate(value: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	if (!match) return null;
	const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
	return date.getUTCMonth() === +match[2] - 1 ? date : null;
}

/** 1500000 → `Rp1.500.000`. */
export function formatRupiah(amount: number): string {
	return `Rp${rupiah.format(Math.round(amount))}`;
}

const ROMAN: Array<[number, string]> = [
	[1000, 'M'],
	[900, 'CM'],
	[500, 'D'],
	[400, 'CD'],
	[100, 'C'],
	[90, 'XC'],
	[50, 'L'],
	[40, 'XL'],
	[10, 'X'],
	[9, 'IX'],
	[5, 'V'],
	[4, 'IV'],
	[1, 'I'],
];

/** 5 → `V` (months in letter numbers such as `/V/2026`). */
export function toRoman(value: number): string {
	let rest = Math.floor(value);
	let out = '';
	for (const [n, sym] of ROMAN) {
		while (rest >= n) {
			out += sym;
			rest -= n;
		}
	}
	return out;
}

/**
 * Masks an identity number (NIK, KK) for anyone but staff: keeps the first 4 and last 4 digits,
 * `3577014107900001` → `3577********0001`. Short or empty input is masked whole.
 */
export function maskId(value: string): string {
	const digits = String(value ?? '').replace(/\s/g, '');
	if (digits.length <= 8) return '*'.repeat(digits.length);
	return digits.slice(0, 4) + '*'.repeat(digits.length - 8) + digits.slice(-4);
}
