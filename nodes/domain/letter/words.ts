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

export const letterWords = {
	pageLabel: words.pageLabel,
	/** A date given as a year alone, `{year}` filled: "tahun 2015". */
	yearAlone: words.yearAlone,

	/** The purpose without a leading "untuk"/"guna"/"keperluan" (once; the rest is kept as typed). */
	purpose(text: string): string {
		const trimmed = text.trim();
		const folded = trimmed.toLocaleLowerCase('id-ID');
		for (const lead of LEADS) {
			if (folded.startsWith(`${lead} `)) return trimmed.slice(lead.length + 1).trim();
		}
		return trimmed;
	},

	/** `fallback` when the answer means "the same as my home address". */
	sameOr(text: string, fallback: string): string {
		return SAME.has(fold(text)) ? fallback : text;
	},
};
