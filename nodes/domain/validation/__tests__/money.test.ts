import { parseMoney } from '..';

describe('parseMoney', () => {
	it.each([
		['1,5 juta', 1_500_000],
		['1.5jt', 1_500_000],
		['1,5jt', 1_500_000],
		['Rp1.500.000', 1_500_000],
		['Rp 1.500.000,00', 1_500_000],
		['Rp. 1.500.000,-', 1_500_000],
		['IDR 750.000', 750_000],
		['1500000', 1_500_000],
		['1,500,000', 1_500_000],
		['500 ribu', 500_000],
		['500rb', 500_000],
		['500k', 500_000],
		['2 M', 2_000_000_000],
		['2 miliar', 2_000_000_000],
		['2 milyar', 2_000_000_000],
		['1 juta 500 ribu', 1_500_000],
		['2,25 juta', 2_250_000],
		['1.1 juta', 1_100_000],
		['2 juta per bulan', 2_000_000],
		['800rb/bulan', 800_000],
		['0', 0],
	])('reads %p as %d rupiah', (input, amount) => {
		expect(parseMoney(input)).toEqual({ ok: true, value: amount });
	});

	it.each(['', 'tidak tentu', 'satu juta', '-500000', '1,5', '1.50.000', '2 juta lebih', 'Rp'])(
		'rejects %p with money.invalid',
		(input) => {
			const result = parseMoney(input);
			expect(!result.ok && result.error.code).toBe('money.invalid');
		},
	);
});
