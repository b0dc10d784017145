import type { FieldSpec } from '../../catalog/types';
import { defaultCatalog } from '../../catalog';
import { checkPhone, formatFieldValue, validateField } from '..';

const now = new Date('2026-05-05T03:00:00Z');
const ctx = (values: Record<string, unknown> = {}) => ({ values, now });
const field = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
	key: 'f',
	label: 'Isian',
	question: '?',
	type,
	required: true,
	...extra,
});

describe('validateField', () => {
	it.each([
		['text', {}, '  Siti   Aminah \n', 'Siti Aminah'],
		['text', {}, '=SUM(A1)', '=SUM(A1)'],
		['text', {}, '-Agus', '-Agus'],
		['text', {}, '@budi +62', '@budi +62'],
		['number', {}, '3', 3],
		['number', {}, '2,5', 2.5],
		['number', {}, '1.000', 1000],
		['year', { validation: { notFuture: true } }, '2018', 2018],
		['year', {}, 'sejak 2018', 2018],
		['date', { validation: { notFuture: true } }, '17 Agustus 1990', '1990-08-17'],
		['money', {}, 'Rp1.500.000', 1_500_000],
		['phone', {}, '0812-3456-7890', '6281234567890'],
		['kk', {}, '3577 0102 0315 0004', '3577010203150004'],
		[
			'choice',
			{
				options: [
					{ id: 'wni', label: 'WNI' },
					{ id: 'wna', label: 'WNA' },
				],
			},
			'1',
			'WNI',
		],
		['text', { validation: { pattern: '[0-9]{1,3}' } }, '003', '003'],
	] as const)('%s %j: %p → %p', (type, extra, input, value) => {
		expect(validateField(field(type, extra as Partial<FieldSpec>), input, ctx())).toEqual({
			ok: true,
			value,
		});
	});

	it.each([
		['text', {}, '   ', 'required'],
		['text', {}, 'Siti\u0000Aminah', 'text.invalid'],
		['text', { validation: { minLength: 3 } }, 'ab', 'text.tooShort'],
		['text', { validation: { maxLength: 5 } }, 'abcdef', 'text.tooLong'],
		['text', { validation: { pattern: '[0-9]{1,3}' } }, 'RT 3', 'text.pattern'],
		[
			'text',
			{ validation: { pattern: '[0-9]{1,3}', patternMessage: 'error.rt.invalid' } },
			'x',
			'rt.invalid',
		],
		['number', {}, 'tiga', 'number.invalid'],
		['number', { validation: { min: 1, max: 10 } }, '11', 'number.range'],
		['number', { validation: { min: 1 } }, '0', 'number.min'],
		['year', {}, '18', 'year.invalid'],
		['year', { validation: { notFuture: true } }, '2027', 'year.future'],
		['year', { validation: { min: 1950 } }, '1900', 'number.min'],
		['date', { validation: { notFuture: true } }, '6-5-2026', 'date.future'],
		['date', { validation: { notPast: true } }, '4-5-2026', 'date.past'],
		['date', {}, '31-02-1990', 'date.invalid'],
		['money', { validation: { min: 0, max: 1_000_000 } }, '2 juta', 'number.range'],
		['money', {}, 'banyak', 'money.invalid'],
		['phone', {}, '12345', 'phone.invalid'],
		['kk', {}, '123', 'kk.length'],
		['choice', { options: [{ id: 'wni', label: 'WNI' }] }, 'mars', 'choice.unknown'],
	] as const)('%s %j: %p → %s', (type, extra, input, code) => {
		const result = validateField(field(type, extra as Partial<FieldSpec>), input, ctx());
		expect(!result.ok && result.error.code).toBe(code);
	});

	it('counts today as not in the future, by the office clock (WIB)', () => {
		// 23:30 WIB on 5 May is still 5 May at the office although UTC says the same day; 00:30 WIB
		// on 6 May is 17:30 UTC on 5 May: "6-5-2026" must then be accepted.
		const lateUtc = new Date('2026-05-05T17:30:00Z');
		const f = field('date', { validation: { notFuture: true } });
		expect(validateField(f, '6-5-2026', { values: {}, now: lateUtc })).toEqual({
			ok: true,
			value: '2026-05-06',
		});
	});

	it('an empty or "-" answer on an optional field is no answer', () => {
		expect(validateField(field('text', { required: false }), '-', ctx())).toEqual({
			ok: true,
			value: null,
		});
		expect(validateField(field('nik', { required: false }), ' ', ctx())).toEqual({
			ok: true,
			value: null,
		});
	});

	it('cross-checks a NIK against the birth date and sex answered before', () => {
		const nik = field('nik', { crossCheck: { birthDate: 'tanggal_lahir', sex: 'jenis_kelamin' } });
		const values = { tanggal_lahir: '1990-08-17', jenis_kelamin: 'Perempuan' };
		expect(validateField(nik, '3577015708900002', ctx(values))).toEqual({
			ok: true,
			value: '3577015708900002',
		});
		const wrongYear = validateField(nik, '3577015708910002', ctx(values));
		expect(!wrongYear.ok && wrongYear.error.code).toBe('nik.birthDateMismatch');
		const wrongSex = validateField(nik, '3577011708900002', ctx(values));
		expect(!wrongSex.ok && wrongSex.error.code).toBe('nik.sexMismatch');
	});

	it('never rejects a NIK only because it was issued in another region', () => {
		expect(validateField(field('nik'), '1171011708900001', ctx()).ok).toBe(true);
	});
});

describe('checkPhone', () => {
	it.each([
		['0812-3456-7890', '6281234567890'],
		['+62 812 3456 7890', '6281234567890'],
		['6281234567890', '6281234567890'],
	])('%p → %s', (input, id) => {
		expect(checkPhone(input)).toEqual({ ok: true, value: id });
	});

	it('takes an Indonesian fixed line, where WhatsApp Business runs too (Meta sends its id)', () => {
		expect(checkPhone('(0351) 123456')).toEqual({ ok: true, value: '62351123456' });
		expect(checkPhone('62215551234')).toEqual({ ok: true, value: '62215551234' });
	});

	it('rejects a landline-length scrap with phone.invalid', () => {
		expect(checkPhone('0351')).toEqual({
			ok: false,
			error: { code: 'phone.invalid', params: { input: '0351' } },
		});
	});
});

describe('formatFieldValue', () => {
	it.each([
		[field('date'), '1990-08-17', {}, '17 Agustus 1990'],
		[field('money'), 1_500_000, {}, 'Rp1.500.000'],
		[field('nik'), '3577015708900002', { mask: true }, '3577********0002'],
		[field('nik'), '3577015708900002', {}, '3577015708900002'],
		[field('kk'), '3577010203150004', { mask: true }, '3577********0004'],
		[field('phone'), '6281234567890', {}, '+6281234567890'],
		[field('records', { itemLabel: 'ahli waris' }), [{}, {}], {}, '2 ahli waris'],
		[field('text'), null, {}, '-'],
		[field('choice'), 'Islam', {}, 'Islam'],
	])('%#: shows %p as %p', (f, value, opts, shown) => {
		expect(formatFieldValue(f, value, opts)).toBe(shown);
	});
});

describe('RT and RW as the KTP writes them', () => {
	it('pads an all-digit answer with leading zeros ("2" → "002"), and the bundled RT/RW do so', () => {
		const rt = field('text', { validation: { pattern: '[0-9]{1,3}', padDigits: 3 } });
		expect(validateField(rt, '2', ctx())).toEqual({ ok: true, value: '002' });
		expect(validateField(rt, ' 14 ', ctx())).toEqual({ ok: true, value: '014' });
		expect(validateField(rt, '005', ctx())).toEqual({ ok: true, value: '005' });
		expect(validateField(rt, 'dua', ctx()).ok).toBe(false);
		const identitas = defaultCatalog().fieldSets.identitas;
		for (const key of ['rt', 'rw']) {
			const spec = identitas.find((f) => f.key === key)!;
			expect(validateField(spec, '7', ctx())).toEqual({ ok: true, value: '007' });
		}
	});
});

describe('capitalising what was typed in lowercase, for the letter', () => {
	const words = field('text', { capitalize: 'words' });
	const sentence = field('text', { capitalize: 'sentence' });
	it.each<[FieldSpec, string, string]>([
		[words, 'budi santoso', 'Budi Santoso'],
		[words, 'jl. mawar no 5 oro-oro ombo', 'Jl. Mawar No 5 Oro-Oro Ombo'],
		[words, 'madiun', 'Madiun'],
		[words, 'ibu (almh.) siti', 'Ibu (Almh.) Siti'],
		[sentence, 'dompet jatuh di pasar, isinya ktp', 'Dompet jatuh di pasar, isinya ktp'],
		// Any capital letter: the resident's own spelling is kept.
		[words, 'RT.03 gang buntu', 'RT.03 gang buntu'],
		[words, 'BUDI SANTOSO', 'BUDI SANTOSO'],
		[words, 'Muhammad bin Abdullah', 'Muhammad bin Abdullah'],
		// Without the setting nothing changes.
		[field('text'), 'budi santoso', 'budi santoso'],
	])('%#: "%s" → "%s"', (spec, typed, stored) => {
		const result = validateField(spec, typed, ctx());
		expect(result).toEqual({ ok: true, value: stored });
	});

	it('capitalises the names, places and addresses of the bundled catalog', () => {
		const nama = defaultCatalog().fieldSets.identitas.find((f) => f.key === 'nama')!;
		expect(validateField(nama, 'siti aminah', ctx())).toEqual({ ok: true, value: 'Siti Aminah' });
	});
});
