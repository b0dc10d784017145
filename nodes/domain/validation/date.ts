/**
 * Dates as residents type them: `17-08-1990`, `17/8/1990`, `17.08.1990`, `17 Agustus 1990`,
 * `17 agu 1990`, `17 agt 90`, `1990-08-17`. Month words match Indonesian month names (ICU id-ID)
 * by prefix, plus the short forms offices and residents use.
 */

import { MONTH_NAMES } from '../indonesian/format';
import { currentYear, isRealDate, todayIso, toIso } from './calendar';
import { fail, ok, type Validation } from './result';
import { foldWords } from './text';

const MONTH_WORDS = MONTH_NAMES.map((name) => foldWords(name));

/** Short or older spellings that are not prefixes of today's names (Agt, Okt, Des, Pebruari…). */
const MONTH_ABBREVIATIONS: Record<string, number> = {
	agt: 8,
	ags: 8,
	agts: 8,
	agst: 8,
	okt: 10,
	des: 12,
	peb: 2,
	pebruari: 2,
	nop: 11,
	nopember: 11,
	sept: 9,
	pbr: 2,
};

/** Words that may precede a date and carry no meaning ("tgl 17 agustus 1990", "sejak thn 2015"). */
const FILLER_WORDS = new Set(['tgl', 'tanggal', 'tahun', 'thn', 'th', 'sejak', 'bulan', 'bln']);

const MIN_YEAR = 1850;
const MAX_YEAR = 2200;

/** The month number (1–12) for a month word, or null (prefixes need at least 3 letters). */
export function monthFromWord(word: string): number | null {
	const folded = foldWords(word);
	if (!folded) return null;
	if (MONTH_ABBREVIATIONS[folded]) return MONTH_ABBREVIATIONS[folded];
	const matches = MONTH_WORDS.map((name, i) => ({ name, i })).filter(({ name }) =>
		folded.length >= 3 ? name.startsWith(folded) : false,
	);
	return matches.length === 1 ? matches[0].i + 1 : null;
}

/** Days back from today for words naming a recent day ("kemarin", "tadi pagi"). */
const DAYS_AGO: Record<string, number> = {
	'hari ini': 0,
	sekarang: 0,
	barusan: 0,
	tadi: 0,
	'tadi pagi': 0,
	'tadi siang': 0,
	'tadi sore': 0,
	'tadi malam': 0,
	semalam: 1,
	kemarin: 1,
	kemaren: 1,
	kmrn: 1,
	kmarin: 1,
	wingi: 1,
	'kemarin lusa': 2,
	'kemarin dulu': 2,
};

export interface DateOptions {
	/** Accept words for recent days and a day and month without a year (the last such date). */
	recent?: boolean;
	/**
	 * Accept a year alone (`2015` → `2015`) or a month and year (`Maret 2015`, `03/2015` →
	 * `2015-03`) besides a full date: what people know of when something started.
	 */
	partial?: boolean;
}

/** A date as typed → `YYYY-MM-DD`. Two-digit years: this century unless that is after this year. */
export function parseDate(
	input: string,
	now: Date = new Date(),
	options: DateOptions = {},
): Validation<string> {
	const text = String(input ?? '').trim();
	const tokens = (text.toLowerCase().match(/\d+|[a-z\u00c0-\u024f]+/g) ?? []).filter(
		(token) => !FILLER_WORDS.has(token),
	);
	if (options.recent) {
		const recent = recentDate(tokens, now);
		if (recent) return ok(recent);
	}
	if (options.partial) {
		const since = readPartial(tokens);
		if (since) return ok(since);
	}
	const parts = readParts(tokens);
	if (!parts) return fail('date.invalid', { input: text.slice(0, 40) });
	let { year } = parts;
	const { month, day } = parts;
	if (parts.yearDigits <= 2) {
		year = 2000 + year <= currentYear(now) ? 2000 + year : 1900 + year;
	} else if (parts.yearDigits !== 4) {
		return fail('date.invalid', { input: text.slice(0, 40) });
	}
	if (year < MIN_YEAR || year > MAX_YEAR || !isRealDate(year, month, day)) {
		return fail('date.invalid', { input: text.slice(0, 40) });
	}
	return ok(toIso(year, month, day));
}

/** "kemarin", "3 hari yang lalu", "1 mei" (this year, or last year when still ahead). */
function recentDate(tokens: string[], now: Date): string | null {
	const today = todayIso(now);
	const shift = (days: number) => {
		const date = new Date(`${today}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() - days);
		return date.toISOString().slice(0, 10);
	};
	const phrase = tokens.join(' ');
	if (DAYS_AGO[phrase] !== undefined) return shift(DAYS_AGO[phrase]);
	const ago = /^(\d{1,3}) hari (?:yang )?lalu$/.exec(phrase);
	if (ago) return shift(Number(ago[1]));
	if (tokens.length === 2 && /^\d{1,2}$/.test(tokens[0])) {
		const month = monthFromWord(tokens[1]);
		const day = Number(tokens[0]);
		const year = currentYear(now);
		if (!month || !isRealDate(year - 1, month, day)) return null;
		const iso = toIso(year, month, day);
		return isRealDate(year, month, day) && iso <= today ? iso : toIso(year - 1, month, day);
	}
	return null;
}

interface DateParts {
	day: number;
	month: number;
	year: number;
	yearDigits: number;
}

function readParts(tokens: string[]): DateParts | null {
	if (tokens.length !== 3) return null;
	const [a, b, c] = tokens;
	const isNumber = (t: string) => /^\d+$/.test(t);
	if (isNumber(a) && isNumber(c)) {
		if (isNumber(b)) {
			// 1990-08-17 (year first) or 17-08-1990 (day first, the Indonesian order).
			if (a.length === 4) return parts(c, Number(b), a);
			return parts(a, Number(b), c);
		}
		const month = monthFromWord(b);
		return month ? parts(a, month, c) : null;
	}
	return null;
}

function parts(day: string, month: number, year: string): DateParts | null {
	if (day.length > 2) return null;
	return { day: Number(day), month, year: Number(year), yearDigits: year.length };
}

/** `2015` → `2015`; `maret 2015`, `03 2015`, `2015 03` → `2015-03`; else null (4-digit years only). */
function readPartial(tokens: string[]): string | null {
	const year = (t: string) => (/^\d{4}$/.test(t) && +t >= MIN_YEAR && +t <= MAX_YEAR ? t : null);
	const month = (t: string) =>
		/^\d{1,2}$/.test(t) ? (+t >= 1 && +t <= 12 ? +t : null) : monthFromWord(t);
	const iso = (y: string, m: number) => `${y}-${String(m).padStart(2, '0')}`;
	if (tokens.length === 1) return year(tokens[0]);
	if (tokens.length !== 2) return null;
	const [a, b] = tokens;
	const m1 = month(a);
	if (m1 && year(b)) return iso(b, m1);
	const m2 = month(b);
	if (year(a) && m2 && /^\d/.test(b)) return iso(a, m2);
	return null;
}
