/**
 * Amounts in whole rupiah as residents type them: `1,5 juta`, `1.5jt`, `Rp1.500.000`,
 * `Rp 1.500.000,00`, `1500000`, `500 ribu`, `500rb`, `2 M`, `2 miliar`, `1 juta 500 ribu`.
 */

import { formatRupiah } from '../indonesian/format';
import { TERBILANG_MAX } from '../indonesian/terbilang';
import { fail, ok, type Validation } from './result';

const UNITS: Record<string, number> = {
	rb: 1e3,
	ribu: 1e3,
	k: 1e3,
	jt: 1e6,
	juta: 1e6,
	m: 1e9,
	miliar: 1e9,
	milyar: 1e9,
	t: 1e12,
	triliun: 1e12,
};

const PART = /\s*(\d[\d.,]*)\s*(ribu|rb|k|juta|jt|miliar|milyar|m|triliun|t)?(?![a-z])/y;

export function parseMoney(input: string): Validation<number> {
	const raw = String(input ?? '');
	const text = raw
		.toLowerCase()
		.replace(/\b(rp|idr)\.?\s*/g, '')
		// "Rp 1.500.000,-" and "2 juta per bulan": the dash and the period carry no amount.
		.replace(/[,.]-/g, '')
		.replace(/\s*(\/|per|se)\s*(bulan|bln|bl)\.?$/, '')
		// "sejuta", "setengah juta", "seratus ribu", "2 jutaan": words for one, a half, a hundred,
		// and the "-an" of an approximate amount.
		.replace(/\bsetengah\s*/g, '0,5 ')
		.replace(/\bseratus\b/g, '100')
		.replace(/\bse(ribu|juta|miliar|milyar)/g, '1 $1')
		.replace(/(ribu|rb|juta|jt|miliar|milyar)an\b/g, '$1')
		.trim();
	if (!text) return fail('money.invalid', { input: raw.trim().slice(0, 40) });
	let total = 0;
	PART.lastIndex = 0;
	while (PART.lastIndex < text.length) {
		const start = PART.lastIndex;
		const match = PART.exec(text);
		if (!match || match.index !== start)
			return fail('money.invalid', { input: raw.trim().slice(0, 40) });
		const unit = match[2] ? UNITS[match[2]] : 1;
		const amount = readNumber(match[1], unit > 1);
		if (amount === null) return fail('money.invalid', { input: raw.trim().slice(0, 40) });
		total += amount * unit;
	}
	// Floating point (1.1 × 1e6) may land a hair off a whole number.
	const rounded = Math.round(total * 100) / 100;
	if (!Number.isInteger(rounded) || !Number.isSafeInteger(rounded)) {
		return fail('money.invalid', { input: raw.trim().slice(0, 40) });
	}
	// Letters spell amounts in words; refuse what the speller cannot spell.
	if (rounded > TERBILANG_MAX) return fail('money.tooLarge', { max: formatRupiah(TERBILANG_MAX) });
	return ok(rounded);
}

/**
 * Reads `1.500.000`, `1,500,000`, `1.500.000,00`, `1,5`, `1.5`. A separator followed by exactly
 * three digits groups thousands; a last separator followed by one or two digits is a decimal point.
 */
function readNumber(text: string, hasUnit: boolean): number | null {
	const trimmed = text.replace(/[.,]+$/, '');
	const groups = trimmed.split(/[.,]/);
	if (groups.length === 1) return Number(trimmed);
	const last = groups[groups.length - 1];
	let fraction = '';
	let whole = groups;
	if (last.length <= 2 || (hasUnit && groups.length === 2 && last.length !== 3)) {
		fraction = last;
		whole = groups.slice(0, -1);
	}
	if (whole.slice(1).some((g) => g.length !== 3) || whole[0].length === 0) return null;
	const value = Number(whole.join('') + (fraction ? '.' + fraction : ''));
	return Number.isFinite(value) ? value : null;
}
