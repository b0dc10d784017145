import { checkNik, decodeNik } from '..';

// 5 May 2026, 10:00 WIB.
const now = new Date('2026-05-05T03:00:00Z');

describe('checkNik', () => {
	it.each([
		['male, Kota Madiun', '3577011708900001', {}],
		['female (day + 40)', '3577015708900002', {}],
		['with spaces', '3577 0117 0890 0001', {}],
		['with dots and dashes', '35.77.01.170890-0001', {}],
		[
			'issued in Aceh, declared data agree',
			'1171011708900001',
			{ birthDate: '1990-08-17', sex: 'Laki-laki' },
		],
		[
			'issued in Papua Pegunungan (97)',
			'9701015708900003',
			{ birthDate: '1990-08-17', sex: 'Perempuan' },
		],
		[
			'female agrees with declared date and sex',
			'3577015708900002',
			{ birthDate: '1990-08-17', sex: 'Perempuan' },
		],
		['sex typed as a letter', '3577015708900002', { sex: 'P' }],
		['29 February of a leap year', '3577012902000001', { birthDate: '2000-02-29' }],
	])('accepts %s', (_, nik, declared) => {
		expect(checkNik(nik, declared, now)).toEqual({ ok: true, value: nik.replace(/[\s.-]/g, '') });
	});

	it.each([
		['15 digits', '357701170890001', 'nik.length', { length: 15 }],
		['17 digits', '35770117089000011', 'nik.length', { length: 17 }],
		['letters', '3577O11708900001', 'nik.digits', undefined],
		['province 20 does not exist', '2077011708900001', 'nik.province', { code: '20' }],
		['province 99 does not exist', '9977011708900001', 'nik.province', { code: '99' }],
		['31 February', '3577013102900001', 'nik.date', { digits: '310290' }],
		['31 February for a woman (71)', '3577017102900001', 'nik.date', { digits: '710290' }],
		['day 35 is neither sex', '3577013508900001', 'nik.date', { digits: '350890' }],
		['month 13', '3577011713900001', 'nik.date', { digits: '171390' }],
		['29 February 2001', '3577012902010001', 'nik.date', { digits: '290201' }],
		['serial 0000', '3577011708900000', 'nik.serial', { serial: '0000' }],
	])('rejects %s', (_, nik, code, params) => {
		const result = checkNik(nik, {}, now);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.code).toBe(code);
			if (params) expect(result.error.params).toEqual(params);
		}
	});

	it('names the birth-date digits and what they should be when the date disagrees', () => {
		const result = checkNik('3577015708910002', { birthDate: '1990-08-17', sex: 'Perempuan' }, now);
		expect(result).toEqual({
			ok: false,
			error: {
				code: 'nik.birthDateMismatch',
				params: {
					digits: '570891',
					nikDate: '17 Agustus 1991',
					declaredDate: '17 Agustus 1990',
					expectedDigits: '570890',
				},
			},
		});
	});

	it('reports a man typing his NIK with the women rule as a sex mismatch, naming the day digits', () => {
		const result = checkNik('3577015708900001', { birthDate: '1990-08-17', sex: 'Laki-laki' }, now);
		expect(result).toEqual({
			ok: false,
			error: {
				code: 'nik.sexMismatch',
				params: { digits: '57', nikSex: 'Perempuan', declaredSex: 'Laki-laki' },
			},
		});
	});

	it('a woman whose NIK lacks the +40 gets a sex mismatch, not a date mismatch', () => {
		const result = checkNik('3577011708900001', { birthDate: '1990-08-17', sex: 'Perempuan' }, now);
		expect(!result.ok && result.error.code).toBe('nik.sexMismatch');
	});

	it('a month mismatch is reported with both dates', () => {
		const result = checkNik('3577011709900001', { birthDate: '1990-08-17' }, now);
		expect(!result.ok && result.error.params).toMatchObject({
			nikDate: '17 September 1990',
			declaredDate: '17 Agustus 1990',
			expectedDigits: '170890',
		});
	});

	it('ignores a declared sex it cannot read instead of rejecting the NIK', () => {
		expect(checkNik('3577011708900001', { sex: 'tidak tahu' }, now).ok).toBe(true);
	});
});

describe('decodeNik', () => {
	it('splits region codes, birth date, sex and serial', () => {
		expect(decodeNik('3577015708900002', { now })).toEqual({
			province: '35',
			regency: '3577',
			district: '357701',
			birthDate: '1990-08-17',
			sex: 'Perempuan',
			serial: '0002',
		});
	});

	it.each([
		['a recent year stays in this century', '3577011708250001', undefined, '2025-08-17'],
		[
			'later this year is not yet born: previous century',
			'3577011708260001',
			undefined,
			'1926-08-17',
		],
		['earlier this year', '3577010103260001', undefined, '2026-03-01'],
		['the declared birth date picks the century', '3577011708250001', '1925-08-17', '1925-08-17'],
		['a declared date with another year does not', '3577011708250001', '1990-08-17', '2025-08-17'],
	])('%s', (_, nik, declaredBirthDate, birthDate) => {
		expect(decodeNik(nik, { now, declaredBirthDate })?.birthDate).toBe(birthDate);
	});

	it.each(['357701170890000', '2077011708900001', '3577013102900001', '3577011708900000', ''])(
		'returns null for %p',
		(nik) => {
			expect(decodeNik(nik, { now })).toBeNull();
		},
	);
});
