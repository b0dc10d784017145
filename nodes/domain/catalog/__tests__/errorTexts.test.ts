/**
 * Every error a resident can get on a field asks for what that field's question accepts: the
 * examples an error text gives ("mis. 2015, …") are each accepted by the field's own validator,
 * and a "since" date (a year alone, a month and year or a full date) is asked for as such.
 */
import { defaultCatalog } from '..';
import type { FieldSpec } from '../types';
import { validateField } from '../../validation';
import { textsFor, say } from '../../conversation/texts';

const catalog = defaultCatalog();
const texts = textsFor(catalog);
const now = new Date('2026-05-05T03:00:00Z');

/** Answers every validator refuses for its own reason (not a date, not a number…). */
const WRONG: Record<string, string[]> = {
	date: ['dulu sekali', '2099', '1 Januari 2099'],
	year: ['dulu', '2099'],
	number: ['banyak'],
	money: ['banyak sekali'],
	phone: ['0351'],
	nik: ['12ab', '123'],
	kk: ['12ab', '123'],
};

function fieldsOf(fields: FieldSpec[]): FieldSpec[] {
	return fields.flatMap((f) => [f, ...fieldsOf(f.fields ?? [])]);
}

const all = new Map<string, FieldSpec>();
for (const service of catalog.services)
	for (const field of fieldsOf(service.fields))
		if (WRONG[field.type]) all.set(`${service.key}.${field.key}`, field);

/** What follows each "mis." up to the end of its sentence, split at "," and "atau". */
function examples(text: string): string[] {
	return text
		.split(/mis\.\s+/)
		.slice(1)
		.flatMap((part) => part.split(/\.(?:\s|$)/)[0].split(/,\s*|\s+atau\s+/))
		.map((x) => x.trim())
		.filter((x) => /\d/.test(x));
}

describe('error texts ask for what their question accepts', () => {
	it('walks every validated field of the catalog', () => {
		expect(all.size).toBeGreaterThan(10);
		expect([...all.values()].filter((f) => f.validation?.partial).length).toBeGreaterThanOrEqual(2);
	});

	it.each([...all.entries()])('%s: every example in its errors is accepted', (_, field) => {
		const context = { values: {}, now };
		let walked = 0;
		for (const wrong of WRONG[field.type]) {
			const result = validateField(field, wrong, context);
			if (result.ok) continue;
			const text = say(texts, `error.${result.error.code}`, {
				label: field.label,
				...(result.error.params ?? {}),
			});
			for (const example of examples(text)) {
				walked++;
				const accepted = validateField(field, example, context);
				expect({ example, text, ok: accepted.ok }).toEqual({ example, text, ok: true });
			}
		}
		expect(walked).toBeGreaterThan(0);
	});

	it.each([...all.entries()].filter(([, f]) => f.validation?.partial))(
		'%s: a "since" date accepts and asks for a year alone and a month and year',
		(_, field) => {
			const context = { values: {}, now };
			for (const answer of [
				'2015',
				'sejak 2015',
				'thn 2015',
				'Maret 2015',
				'03/2015',
				'1 Maret 2015',
			])
				expect(validateField(field, answer, context).ok).toBe(true);
			const refused = validateField(field, 'dulu sekali', context);
			if (refused.ok) throw new Error('"dulu sekali" was accepted');
			const text = say(texts, `error.${refused.error.code}`, refused.error.params);
			const given = examples(text);
			expect(given.some((x) => /^\d{4}$/.test(x))).toBe(true);
			expect(given.some((x) => /^[A-Za-z]+ \d{4}$/.test(x))).toBe(true);
			// The question and its hint say the same.
			expect(`${field.question} ${field.hint}`).toMatch(/tahun/);
			for (const example of (field.hint ?? '').replace(/^Contoh:\s*/, '').split(/,\s*|\s+atau\s+/))
				expect(validateField(field, example, context).ok).toBe(true);
		},
	);

	it('a "since" date in the future is refused with examples that are accepted', () => {
		const field = [...all.values()].find((f) => f.validation?.partial)!;
		const result = validateField(field, '2099', { values: {}, now });
		if (result.ok) throw new Error('2099 was accepted');
		expect(result.error.code).toBe('date.partial.future');
	});
});
