import {
	formatLetterNumber,
	newVerificationCode,
	verificationUrl,
} from '..';
import { rupiahWithWords, terbilang } from '../../indonesian/terbilang';

describe('formatLetterNumber', () => {
	const parts = { klasifikasi: '400.12.2', nomor: 7, unit: '401.301.3', tahun: 2026, bulan: 5 };

	it('fills the Kota Madiun format with a padded sequence', () => {
		expect(formatLetterNumber('{klasifikasi}/{nomor:3}/{unit}/{tahun}', parts)).toBe(
			'400.12.2/007/401.301.3/2026',
		);
	});

	it('writes the month in Roman numerals', () => {
		expect(formatLetterNumber('{nomor}/SKU/{bulan:roman}/{tahun}', parts)).toBe('7/SKU/V/2026');
		expect(formatLetterNumber('{nomor}/{bulan:roman}', { ...parts, bulan: 12 })).toBe('7/XII');
	});

	it('refuses a field without a value or an unknown modifier', () => {
		expect(() =>
			formatLetterNumber('{klasifikasi}/{nomor}', { ...parts, klasifikasi: '' }),
		).toThrow(/\{klasifikasi\}/);
		expect(() => formatLetterNumber('{nomor:hex}', parts)).toThrow(/unknown modifier/);
	});
});

describe('verification codes', () => {
	it('are 21 base32 characters (105 random bits) and do not repeat', () => {
		const codes = Array.from({ length: 2000 }, newVerificationCode);
		for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{21}$/);
		expect(new Set(codes).size).toBe(codes.length);
		// Every alphabet position is used: the last character carries random bits too.
		expect(new Set(codes.map((c) => c[20])).size).toBeGreaterThan(16);
	});

	it('join the base URL with one slash', () => {
		expect(verificationUrl('https://surat.example.go.id/v/', 'ABC')).toBe(
			'https://surat.example.go.id/v/ABC',
		);
	});
});

describe('terbilang', () => {
	it.each([
		[0, 'nol'],
		[11, 'sebelas'],
		[19, 'sembilan belas'],
		[100, 'seratus'],
		[1000, 'seribu'],
		[1100, 'seribu seratus'],
		[21500, 'dua puluh satu ribu lima ratus'],
		[1500000, 'satu juta lima ratus ribu'],
		[2000000000, 'dua miliar'],
		[1001001, 'satu juta seribu satu'],
	])('%d → %s', (n, words) => expect(terbilang(n)).toBe(words));

	it('prints money with the amount in words', () => {
		expect(rupiahWithWords(1500000)).toBe('Rp1.500.000 (satu juta lima ratus ribu rupiah)');
	});
});
