/**
 * terbilang (nodes/domain/indonesian/terbilang.ts) against a spelling written here another way:
 * the amount's decimal digits in groups of three, each group read digit by digit, with the
 * language's own exceptions (se-ratus, se-puluh, se-belas, se-ribu). Fractions are rounded half
 * away from zero; amounts of 10^15 and more, NaN and the infinities are refused with a RangeError.
 */
import fc from 'fast-check';

import { terbilang, TERBILANG_MAX } from '../../../nodes/domain/indonesian/terbilang';
import { assert, type FuzzTarget } from './common';

const DIGITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
/** Group names from the right: units, thousands, millions, billions, trillions. */
const GROUPS = ['', 'ribu', 'juta', 'miliar', 'triliun'];

/** Three digits (as a string "000".."999") in words, '' for "000". */
function group(three: string): string {
	const [h, t, o] = [...three].map(Number);
	const words: string[] = [];
	if (h === 1) words.push('seratus');
	else if (h > 1) words.push(DIGITS[h], 'ratus');
	if (t === 1) {
		if (o === 0) words.push('sepuluh');
		else if (o === 1) words.push('sebelas');
		else words.push(DIGITS[o], 'belas');
	} else {
		if (t > 1) words.push(DIGITS[t], 'puluh');
		if (o > 0) words.push(DIGITS[o]);
	}
	return words.join(' ');
}

/** The expected words for a whole amount given as decimal digits (no sign, no leading zeros). */
export function spell(digits: string): string {
	if (/^0*$/.test(digits)) return 'nol';
	const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
	const groups = padded.match(/.{3}/g)!;
	const words: string[] = [];
	groups.forEach((three, i) => {
		const scale = GROUPS[groups.length - 1 - i];
		if (three === '000') return;
		if (scale === 'ribu' && three === '001') words.push('seribu');
		else words.push([group(three), scale].filter(Boolean).join(' '));
	});
	return words.join(' ');
}

/** Whole digits of |value| rounded half away from zero, computed on the decimal text. */
function roundedDigits(value: number): string {
	const [whole, fraction = ''] = Math.abs(value)
		.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
		.split('.');
	return fraction[0] >= '5' ? (BigInt(whole) + 1n).toString() : BigInt(whole).toString();
}

const amount = fc.oneof(
	{ weight: 4, arbitrary: fc.integer({ min: -TERBILANG_MAX, max: TERBILANG_MAX }) },
	{ weight: 3, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 999 }))
			.map(([power, head]) => head * 10 ** power),
	},
	{ weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			0,
			-0,
			0.5,
			-0.5,
			1.5,
			1000,
			1001,
			1_000_000,
			TERBILANG_MAX,
			TERBILANG_MAX + 1,
			1e15,
			-1e15,
			1e300,
			Number.NaN,
			Number.POSITIVE_INFINITY,
			Number.NEGATIVE_INFINITY,
		),
	},
);

export const terbilangAmounts: FuzzTarget<number> = {
	name: 'terbilang against an independent spelling',
	runs: 3000,
	arbitrary: amount,
	check(value) {
		const digits = Number.isFinite(value) ? roundedDigits(value) : '';
		const tooLarge = !Number.isFinite(value) || BigInt(digits) > BigInt(TERBILANG_MAX);
		let said: string;
		try {
			said = terbilang(value);
		} catch (error) {
			assert(error instanceof RangeError, `${value}: ${(error as Error).message}`);
			assert(tooLarge, `${value} refused: ${(error as Error).message}`);
			return 'refused';
		}
		assert(!tooLarge, `${value} spelt "${said}" instead of refused`);
		const words = spell(digits);
		const expected = value < 0 && words !== 'nol' ? `minus ${words}` : words;
		assert(said === expected, `${value}: "${said}", expected "${expected}"`);
		return Number.isInteger(value) ? 'whole' : 'rounded';
	},
};
