import { CatalogError, defaultCatalog, loadCatalog } from '..';
import { minimalCatalog, type Loose } from './fixtures';

function errorOf(mutate: (c: Loose) => void): CatalogError {
	const input = minimalCatalog();
	mutate(input);
	let caught: unknown;
	try {
		loadCatalog(input);
	} catch (error) {
		caught = error;
	}
	if (!(caught instanceof CatalogError))
		throw new Error(`expected a CatalogError, got ${String(caught)}`);
	return caught;
}

describe('loadCatalog: admin mistakes name their path', () => {
	it.each<[string, (c: Loose) => void, string, RegExp]>([
		[
			'unknown field type',
			(c) => (c.services[0].fields[2].type = 'tanggal'),
			'services[0].fields[2].type',
			/unknown field type "tanggal" \(expected one of text, number, year, date, choice/,
		],
		[
			'capitalize spelt wrong',
			(c) => {
				c.services[0].fields[2].type = 'text';
				c.services[0].fields[2].capitalize = 'title';
			},
			'services[0].fields[2].capitalize',
			/expected "words" or "sentence", got "title"/,
		],
		[
			'a service standard that is not a whole number of days',
			(c) => (c.services[0].standardDays = 1.5),
			'services[0].standardDays',
			/expected a whole number ≥ 1, got/,
		],
		[
			'missing question',
			(c) => delete c.services[0].fields[2].question,
			'services[0].fields[2].question',
			/missing/,
		],
		[
			'empty label',
			(c) => (c.services[1].fields[0].label = ' '),
			'services[1].fields[0].label',
			/empty/,
		],
		[
			'question not a text',
			(c) => (c.services[0].fields[1].question = 5),
			'services[0].fields[1].question',
			/expected a text, got 5/,
		],
		[
			'duplicate service key',
			(c) => (c.services[1].key = 'satu'),
			'services[1].key',
			/duplicate service key "satu"/,
		],
		[
			'duplicate field key',
			(c) => (c.services[0].fields[2].key = 'nik'),
			'services[0].fields[2].key',
			/duplicate field key "nik"/,
		],
		[
			'field key clashing with a field set',
			(c) => (c.services[0].fields[1].key = 'nama'),
			'services[0].fields[1].key',
			/duplicate field key "nama"/,
		],
		[
			'duplicate document key',
			(c) => c.services[0].documents.push({ key: 'ktp', label: 'KTP lagi' }),
			'services[0].documents[1].key',
			/duplicate document key/,
		],
		[
			'choice without options',
			(c) => delete c.services[1].fields[0].options,
			'services[1].fields[0].options',
			/needs options/,
		],
		[
			'choice with an empty option list',
			(c) => (c.services[1].fields[0].options = []),
			'services[1].fields[0].options',
			/at least one option/,
		],
		[
			'duplicate option id',
			(c) => c.services[1].fields[0].options.push({ id: 'a', label: 'B' }),
			'services[1].fields[0].options[1].id',
			/duplicate option id/,
		],
		[
			'records without fields',
			(c) => (c.services[1].fields[1].fields = []),
			'services[1].fields[1].fields',
			/at least one field/,
		],
		[
			'records with minItems > maxItems',
			(c) => (c.services[1].fields[1].minItems = 5),
			'services[1].fields[1].minItems',
			/greater than maxItems/,
		],
		[
			'nested records',
			(c) => (c.services[1].fields[1].fields[0] = { ...c.services[1].fields[1], key: 'x' }),
			'services[1].fields[1].fields[0].type',
			/cannot be inside/,
		],
		[
			'unknown field set',
			(c) => (c.services[0].fields[0] = { use: 'identitas' }),
			'services[0].fields[0].use',
			/unknown field set "identitas" \(known: orang\)/,
		],
		[
			'bad regex',
			(c) => (c.services[0].fields[2].validation = { pattern: '[0-9' }),
			'services[0].fields[2].validation.pattern',
			/not a valid regular expression/,
		],
		[
			'min > max',
			(c) => (c.services[0].fields[2].validation = { min: 5, max: 1 }),
			'services[0].fields[2].validation.min',
			/greater than max/,
		],
		[
			'minLength > maxLength',
			(c) => (c.services[0].fields[2].validation = { minLength: 9, maxLength: 1 }),
			'services[0].fields[2].validation.minLength',
			/greater than maxLength/,
		],
		[
			'pattern message without a text',
			(c) => (c.services[0].fields[2].validation = { pattern: 'x', patternMessage: 'nope' }),
			'services[0].fields.keperluan.validation.patternMessage',
			/no message "error.nope"/,
		],
		[
			'cross-check to a field that is not there',
			(c) => c.services[0].fields.splice(0, 1, c.services[0].fields[2]),
			'services[0].fields[1].crossCheck.birthDate',
			/needs a date field "tanggal_lahir" in the same list as "nik"/,
		],
		[
			'cross-check on a text field',
			(c) => (c.services[0].fields[2].crossCheck = { birthDate: 'tanggal_lahir' }),
			'services[0].fields[2].crossCheck',
			/only applies to nik/,
		],
		[
			'document min > max',
			(c) => (c.services[0].documents[0].min = 3),
			'services[0].documents[0].min',
			/greater than max/,
		],
		[
			'document min not a number',
			(c) => (c.services[0].documents[0].min = '1'),
			'services[0].documents[0].min',
			/whole number/,
		],
		[
			'letter without title',
			(c) => delete c.services[0].letter.title,
			'services[0].letter.title',
			/missing/,
		],
		[
			'letter missing',
			(c) => delete c.services[0].letter,
			'services[0].letter',
			/expected an object/,
		],
		[
			'fields not a list',
			(c) => (c.services[0].fields = 'nama'),
			'services[0].fields',
			/expected a list/,
		],
		[
			'service key with spaces',
			(c) => (c.services[0].key = 'surat satu'),
			'services[0].key',
			/not a valid key/,
		],
		['office without name', (c) => (c.office = {}), 'office.name', /missing/],
		['no services', (c) => (c.services = []), 'services', /at least one service/],
		[
			'unknown setting',
			(c) => (c.settings = { sessionTimeout: 5 }),
			'settings.sessionTimeout',
			/unknown setting/,
		],
		[
			'negative timeout',
			(c) => (c.settings = { sessionTimeoutMinutes: -5 }),
			'settings.sessionTimeoutMinutes',
			/whole number/,
		],
		[
			'message not a text',
			(c) => (c.messages = { greeting: 1 }),
			'messages.greeting',
			/expected a text/,
		],
		[
			'broken field set',
			(c) => (c.fieldSets.orang[1].type = 'tgl'),
			'fieldSets.orang[1].type',
			/unknown field type/,
		],
	])('%s', (_, mutate, path, message) => {
		const error = errorOf(mutate);
		expect(error.path).toBe(path);
		expect(error.message).toMatch(message);
		expect(error.message.startsWith(`${path}: `)).toBe(true);
	});

	it.each([null, [], 'catalog', 42])('rejects a catalog that is not an object (%p)', (input) => {
		expect(() => loadCatalog(input)).toThrow(CatalogError);
	});
});

describe('loadCatalog: resolving', () => {
	it('expands field sets in place and fills settings defaults', () => {
		const catalog = loadCatalog(minimalCatalog());
		expect(catalog.services[0].fields.map((f) => f.key)).toEqual([
			'nama',
			'tanggal_lahir',
			'nik',
			'keperluan',
		]);
		expect(catalog.settings).toEqual({
			sessionTimeoutMinutes: 30,
			draftTimeoutHours: 24,
			handoffTimeoutMinutes: 120,
			maxTextLength: 1000,
			identityRetentionDays: 90,
			ktpPhoto: false,
			voiceNotes: false,
		});
		expect(catalog.services[0].fields[0].required).toBe(true);
	});

	it("keeps a service's standard in working days, and the default catalog gives one to every service", () => {
		const input = minimalCatalog();
		input.services[0].standardDays = 2;
		expect(loadCatalog(input).services[0].standardDays).toBe(2);
		const standards = defaultCatalog().services.map((s) => s.standardDays);
		expect(standards.every((days) => Number.isInteger(days) && days! >= 1 && days! <= 3)).toBe(
			true,
		);
	});

	it('merges the admin messages over the default texts', () => {
		const input = minimalCatalog();
		input.messages = { 'error.required': 'Wajib!' };
		const catalog = loadCatalog(input);
		expect(catalog.messages['error.required']).toBe('Wajib!');
		expect(catalog.messages['error.nik.length']).toContain('16 angka');
	});

	it('replace: only the services given', () => {
		const catalog = loadCatalog(minimalCatalog(), { base: defaultCatalog(), mode: 'replace' });
		expect(catalog.services.map((s) => s.key)).toEqual(['satu', 'dua']);
		expect(catalog.office.name).toBe('Kelurahan Contoh');
	});

	it('extend: a known key replaces that service in place, new ones are appended, messages override per key', () => {
		const base = defaultCatalog();
		const domisili = {
			...minimalCatalog().services[0],
			key: 'domisili',
			title: 'Domisili (versi kami)',
			fields: [
				{ use: 'identitas' },
				{ key: 'keperluan', label: 'Keperluan', question: 'Untuk apa?', type: 'text' },
			],
		};
		const extra = { ...minimalCatalog().services[1], key: 'izin-keramaian' };
		const catalog = loadCatalog(
			{ services: [domisili, extra], messages: { 'error.required': 'Harus diisi.' } },
			{ base, mode: 'extend' },
		);
		const keys = catalog.services.map((s) => s.key);
		expect(keys).toEqual([...base.services.map((s) => s.key), 'izin-keramaian']);
		expect(catalog.services[keys.indexOf('domisili')].title).toBe('Domisili (versi kami)');
		expect(catalog.services[keys.indexOf('domisili')].fields[0].key).toBe('nama');
		expect(catalog.office).toEqual(base.office);
		expect(catalog.messages['error.required']).toBe('Harus diisi.');
		expect(catalog.messages['error.nik.length']).toBe(base.messages['error.nik.length']);
		// The shared default is untouched.
		expect(defaultCatalog().services.find((s) => s.key === 'domisili')?.title).toBe(
			'Surat Keterangan Domisili',
		);
	});

	it('extend: a duplicate key inside the admin JSON is still an error', () => {
		const one = minimalCatalog().services[1];
		expect(() =>
			loadCatalog({ services: [one, one] }, { base: defaultCatalog(), mode: 'extend' }),
		).toThrow('services[1].key: duplicate service key "dua"');
	});
});
