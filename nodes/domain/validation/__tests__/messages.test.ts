import { renderMessage } from '../../catalog/render';
import messages from '../../../../templates/validation-messages.json';

// Every code a validator can return, with the params it returns: each must read as a full sentence.
const CODES: Array<[string, Record<string, string | number>]> = [
	['required', { label: 'Nama' }],
	['nik.digits', {}],
	['nik.length', { length: 15 }],
	['nik.province', { code: '20' }],
	['nik.date', { digits: '310290' }],
	['nik.serial', { serial: '0000' }],
	[
		'nik.birthDateMismatch',
		{
			digits: '570891',
			nikDate: '17 Agustus 1991',
			declaredDate: '17 Agustus 1990',
			expectedDigits: '570890',
		},
	],
	['nik.sexMismatch', { digits: '17', nikSex: 'Laki-laki', declaredSex: 'Perempuan' }],
	['kk.digits', {}],
	['kk.length', { length: 3 }],
	['kk.date', { digits: '010726' }],
	['date.invalid', { input: 'kemarin' }],
	['date.future', { value: '6 Mei 2026' }],
	['date.past', { value: '4 Mei 2026' }],
	['date.partial.invalid', { input: 'dulu' }],
	['date.partial.future', { value: 'Maret 2099' }],
	['money.invalid', { input: 'banyak' }],
	['money.tooLarge', { max: 'Rp999.999.999.999.999' }],
	['number.invalid', { input: 'tiga' }],
	['number.range', { min: 1, max: 10 }],
	['number.min', { min: 1 }],
	['number.max', { max: 10 }],
	['year.invalid', { input: '18' }],
	['year.future', { value: 2027 }],
	['year.past', { value: 2020 }],
	['choice.unknown', { input: 'mars', options: '1. WNI, 2. WNA' }],
	['choice.ambiguous', { input: 'cerai', options: 'Cerai Hidup, Cerai Mati' }],
	['phone.invalid', { input: '0351' }],
	['text.tooShort', { min: 3, length: 2 }],
	['text.tooLong', { max: 5, length: 6 }],
	['text.pattern', { input: 'x' }],
	['text.invalid', {}],
	['field.unsupported', {}],
];

describe('validation messages', () => {
	it.each(CODES)(
		'error.%s is an Indonesian sentence with every placeholder filled',
		(code, params) => {
			const text = renderMessage(messages, `error.${code}`, params);
			expect(text).not.toBe(`error.${code}`);
			expect(text).not.toMatch(/\{[A-Za-z]+\}/);
			for (const value of Object.values(params)) expect(text).toContain(String(value));
		},
	);

	it('the birth-date mismatch tells which digits and what they should be', () => {
		const text = renderMessage(messages, 'error.nik.birthDateMismatch', CODES[6][1]);
		expect(text).toContain('ke-7 sampai ke-12');
		expect(text).toContain('570890');
	});
});
