/**
 * Amounts in Indonesian words ("terbilang"), as letters print money: 1500000 →
 * `satu juta lima ratus ribu`. Whole numbers only; fractions are rounded.
 */
import { formatRupiah } from './format';

const ONES = [
	'',
	'satu',
	'dua',
	'tiga',
	'empat',
	'lima',
	'enam',
	'tujuh',
	'delapan',
	'sembilan',
	'sepuluh',
	'sebelas',
];
const SCALES: Array<[number, string]> = [
	[1e12, 'triliun'],
	[1e9, 'miliar'],
	[1e6, 'juta'],
	[1e3, 'ribu'],
];

function below1000(n: number): string {
	if (n < 12) return ONES[n];
	if (n < 20) return `${ONES[n - 10]} belas`;
	if (n < 100) return [`${ONES[Math.floor(n / 10)]} puluh`, ONES[n % 10]].filter(Boolean).join(' ');
	const hundreds = Math.floor(n / 100);
	const head = hundreds === 1 ? 'seratus' : `${ONES[hundreds]} ratus`;
	return [head, below1000(n % 100)].filter(Boolean).join(' ');
}

/**
 * The largest amount spelt: 999 triliun … (below 10^15, "seribu triliun"). Money fields refuse
 * larger amounts when the resident types them, so a letter never meets one.
 */
export const TERBILANG_MAX = 1e15 - 1;

/** 1500000 → `satu juta lima ratus ribu`; 0 → `nol`; 1000 → `seribu`. */
export function terbilang(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
	let n = Math.round(Math.abs(value));
	if (n > TERBILANG_MAX)
		throw new RangeError(
			`${value} is too large to spell in words; amounts up to ${TERBILANG_MAX} (999 triliun …) can be spelt`,
		);
	if (n === 0) return 'nol';
	const words: string[] = [];
	for (const [scale, name] of SCALES) {
		const count = Math.floor(n / scale);
		if (!count) continue;
		words.push(scale === 1e3 && count === 1 ? 'seribu' : `${below1000(count)} ${name}`);
		n %= scale;
	}
	if (n) words.push(below1000(n));
	return (value < 0 ? 'minus ' : '') + words.join(' ');
}

/** 1500000 → `Rp1.500.000 (satu juta lima ratus ribu rupiah)`. */
export function rupiahWithWords(value: number): string {
	return `${formatRupiah(value)} (${terbilang(value)} rupiah)`;
}
