import type { ChoiceOption } from '../../catalog/types';
import { matchChoice } from '..';

const agama: ChoiceOption[] = [
	{ id: 'islam', label: 'Islam', aliases: ['muslim'] },
	{ id: 'kristen', label: 'Kristen', aliases: ['protestan'] },
	{ id: 'katolik', label: 'Katolik' },
	{ id: 'hindu', label: 'Hindu' },
	{ id: 'buddha', label: 'Buddha' },
	{ id: 'konghucu', label: 'Konghucu' },
	{ id: 'kepercayaan', label: 'Kepercayaan terhadap Tuhan YME' },
];
const status: ChoiceOption[] = [
	{ id: 'belum-kawin', label: 'Belum Kawin', aliases: ['belum menikah'] },
	{ id: 'kawin', label: 'Kawin', aliases: ['menikah'] },
	{ id: 'cerai-hidup', label: 'Cerai Hidup' },
	{ id: 'cerai-mati', label: 'Cerai Mati' },
];
const sex: ChoiceOption[] = [
	{ id: 'laki-laki', label: 'Laki-laki' },
	{ id: 'perempuan', label: 'Perempuan' },
];

describe('matchChoice', () => {
	it.each([
		['2', agama, 'Kristen'],
		['2.', agama, 'Kristen'],
		[' 7 ', agama, 'Kepercayaan terhadap Tuhan YME'],
		['islam', agama, 'Islam'],
		['ISLAM!', agama, 'Islam'],
		['Muslim', agama, 'Islam'],
		['katolik', agama, 'Katolik'],
		['Bùddha', agama, 'Buddha'],
		['hindu.', agama, 'Hindu'],
		['konghucu', agama, 'Konghucu'],
		['kepercayaan', agama, 'Kepercayaan terhadap Tuhan YME'],
		['islm', agama, 'Islam'],
		['katholik', agama, 'Katolik'],
		['budha', agama, 'Buddha'],
		['kristne', agama, 'Kristen'],
		['belum-kawin', status, 'Belum Kawin'],
		['belum', status, 'Belum Kawin'],
		['sudah menikah', status, 'Kawin'],
		['Kawin', status, 'Kawin'],
		['cerai mati', status, 'Cerai Mati'],
		['mati', status, 'Cerai Mati'],
		['laki laki', sex, 'Laki-laki'],
		['laki', sex, 'Laki-laki'],
		['p', sex, 'Perempuan'],
		['perempaun', sex, 'Perempuan'],
	])('%p → %s', (input, options, label) => {
		const result = matchChoice(input, options);
		expect(result.ok && result.value.label).toBe(label);
	});

	it.each([
		['cerai', status, 'Cerai Hidup, Cerai Mati'],
		['k', agama, 'Kristen, Katolik, Konghucu, Kepercayaan terhadap Tuhan YME'],
	])('%p is ambiguous and lists the candidates', (input, options, candidates) => {
		expect(matchChoice(input, options)).toEqual({
			ok: false,
			error: { code: 'choice.ambiguous', params: { input, options: candidates } },
		});
	});

	it.each([['9'], ['0'], ['atheis'], ['xyz'], [''], ['!!!']])('%p is unknown', (input) => {
		const result = matchChoice(input, agama);
		expect(!result.ok && result.error.code).toBe('choice.unknown');
	});

	it('lists the numbered options so the resident can answer again', () => {
		const result = matchChoice('9', sex);
		expect(!result.ok && result.error.params?.options).toBe('1. Laki-laki, 2. Perempuan');
	});
});
