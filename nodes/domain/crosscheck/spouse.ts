/**
 * The deceased's spouse in an heirs' statement: the spouse the resident named and the heir
 * marked *Istri* or *Suami* must be the same person, the deceased's sex (read from their NIK)
 * decides which of the two words, and there is one spouse, or up to the catalog's `maxWives`
 * wives for a deceased man. A receiver (BPN, a bank) refuses a statement where they disagree.
 */
import { decodeNik } from '../validation/nik';
import type { Rule } from './types';

export type SpouseRule = Extract<Rule, { kind: 'spouse' }>;

export type SpouseProblem = 'sex' | 'missing' | 'unnamed' | 'second';

export interface SpouseVerdict {
	problem: SpouseProblem;
	/** The field to ask again: the heirs list, or the spouse's name. */
	reask: string;
	params: Record<string, string | number>;
}

/** Lower case, letters and digits only, single spaces: "Siti  Aminah," = "siti aminah". */
export function sameName(a: string, b: string): boolean {
	const plain = (s: string) =>
		s
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
	return plain(a) !== '' && plain(a) === plain(b);
}

/** What is wrong with the spouse in these answers; undefined when nothing is, or not yet known. */
export function spouseVerdict(
	rule: SpouseRule,
	values: Record<string, unknown>,
): SpouseVerdict | undefined {
	const heirs = values[rule.field];
	if (!Array.isArray(heirs) || heirs.length === 0) return undefined;
	const named = typeof values[rule.spouse] === 'string' ? String(values[rule.spouse]).trim() : '';
	const nik = values[rule.deceasedNik];
	const sex = typeof nik === 'string' ? decodeNik(nik)?.sex : undefined;
	const spouses = heirs
		.filter((h): h is Record<string, unknown> => !!h && typeof h === 'object')
		.map((h) => ({ name: String(h[rule.name] ?? ''), relation: String(h[rule.relation] ?? '') }))
		.filter((h) => h.relation === rule.wife || h.relation === rule.husband);
	const expected = sex === 'Perempuan' ? rule.husband : sex ? rule.wife : '';
	const wrong = expected && spouses.find((h) => h.relation !== expected);
	if (wrong)
		return {
			problem: 'sex',
			reask: rule.field,
			params: {
				sex: sex!.toLowerCase(),
				expected,
				relation: wrong.relation,
				heir: wrong.name,
			},
		};
	const allWives = spouses.every((h) => h.relation === rule.wife);
	const max = allWives && sex !== 'Perempuan' ? Math.max(1, rule.maxWives) : 1;
	if (spouses.length > max)
		return {
			problem: 'second',
			reask: rule.field,
			params: { count: spouses.length, max, names: spouses.map((h) => h.name).join(', ') },
		};
	const relation = expected || `${rule.wife}/${rule.husband}`;
	if (named && !spouses.some((h) => sameName(h.name, named)))
		return { problem: 'missing', reask: rule.spouse, params: { name: named, expected: relation } };
	if (!named && spouses.length)
		return {
			problem: 'unnamed',
			reask: rule.spouse,
			params: { heir: spouses[0].name, relation: spouses[0].relation },
		};
	return undefined;
}
