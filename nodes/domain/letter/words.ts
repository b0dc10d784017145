/** Reading what residents typed, for the letter (word lists in templates/letters/words.json). */
import words from '../../../templates/letters/words.json';

const fold = (text: string) =>
	text
		.toLocaleLowerCase('id-ID')
		.replace(/[.,;:!]+$/g, '')
		.replace(/\s+/g, ' ')
		.trim();

const SAME = new Set(words.same.map(fold));
// Longest first, so "untuk keperluan" goes before "untuk".
const LEADS = [...words.purposeLead].map(fold).sort((a, b) => b.length - a.length);

const HEIRS = words.heirs;
const isOneOf = (list: string[], value: unknown) =>
	list.some((item) => fold(item) === fold(String(value ?? '')));
const relation = (heir: unknown) => (heir as { hubungan?: unknown } | null)?.hubungan;
const underKhi = (religion: unknown) => isOneOf(HEIRS.khiReligions, religion);

export const letterWords = {
	pageLabel: words.pageLabel,
	/** A date given as a year alone, `{year}` filled: "tahun 2015". */
	yearAlone: words.yearAlone,
	/** The line above a deputy's title, `{title}` the Lurah's: "a.n. LURAH ORO-ORO OMBO". */
	onBehalf: words.onBehalf,
	/** The deputy's title when none is given. */
	deputyTitle: words.deputyTitle,
	/** Starts a draft's file name: "DRAF". */
	draftFilePrefix: words.draftFilePrefix,

	/** The purpose without a leading "untuk"/"guna"/"keperluan" (once; the rest is kept as typed). */
	purpose(text: string): string {
		const trimmed = text.trim();
		const folded = trimmed.toLocaleLowerCase('id-ID');
		for (const lead of LEADS) {
			if (folded.startsWith(`${lead} `)) return trimmed.slice(lead.length + 1).trim();
		}
		return trimmed;
	},

	/** The heirs who inherit: never a stepchild, nor an adopted child of a deceased under KHI. */
	heirs(list: unknown, religion: unknown): unknown[] {
		return (Array.isArray(list) ? list : []).filter(
			(h) =>
				!isOneOf(HEIRS.notHeirs, relation(h)) &&
				!(underKhi(religion) && isOneOf(HEIRS.adoptedUnderKhi, relation(h))),
		);
	},

	/** Adopted children of a deceased under KHI: a wasiat wajibah, named apart from the heirs. */
	adopted(list: unknown, religion: unknown): unknown[] {
		if (!underKhi(religion)) return [];
		return (Array.isArray(list) ? list : []).filter((h) =>
			isOneOf(HEIRS.adoptedUnderKhi, relation(h)),
		);
	},

	/** `fallback` when the answer means "the same as my home address". */
	sameOr(text: string, fallback: string): string {
		return SAME.has(fold(text)) ? fallback : text;
	},
};
