/**
 * Matching a resident's answer to one of a list of options: by number (`2`, `2.`), id, label or
 * alias, ignoring case, punctuation and diacritics; then forgivingly by a unique prefix, shared
 * words, or a small typo. Two equally good candidates → ask again (`choice.ambiguous`).
 */

import type { ChoiceOption } from '../catalog/types';
import { fail, ok, type Validation } from './result';
import { everyday } from './everyday';
import { foldWords } from './text';

export function matchChoice(input: string, options: ChoiceOption[]): Validation<ChoiceOption> {
	const answer = everyday(foldWords(input));
	const list = () => options.map((option, i) => `${i + 1}. ${option.label}`).join(', ');
	if (!answer || options.length === 0)
		return fail('choice.unknown', { input: '', options: list() });

	const byNumber = /^\s*(\d+)\s*[.)]?\s*$/.exec(String(input));
	const names = foldedNames(options);
	// The number a resident sees in a numbered list wins over everything else.
	if (byNumber) {
		const index = Number(byNumber[1]) - 1;
		if (index >= 0 && index < options.length) return ok(options[index]);
		const byId = options.filter((option) => option.id === byNumber[1]);
		if (byId.length === 1) return ok(byId[0]);
		return fail('choice.unknown', { input: byNumber[1], options: list() });
	}
	const exact = options.filter((_, i) => names[i].includes(answer));
	if (exact.length === 1) return ok(exact[0]);
	if (exact.length > 1) return ambiguous(exact, input);

	for (const score of [prefixScore, wordScore, typoScore]) {
		const best = bestBy(options, names, answer, score);
		if (best.length === 1) return ok(best[0]);
		if (best.length > 1) return ambiguous(best, input);
	}
	return fail('choice.unknown', { input: String(input).trim().slice(0, 40), options: list() });
}

// Catalog option lists live as long as the catalog: fold their names once, not on every answer.
const namesCache = new WeakMap<ChoiceOption[], string[][]>();

function foldedNames(options: ChoiceOption[]): string[][] {
	let names = namesCache.get(options);
	if (!names) {
		names = options.map((option) =>
			[option.id, option.label, ...(option.aliases ?? [])]
				.map((name) => everyday(foldWords(name)))
				.filter(Boolean),
		);
		namesCache.set(options, names);
	}
	return names;
}

function ambiguous(candidates: ChoiceOption[], input: string): Validation<ChoiceOption> {
	return fail('choice.ambiguous', {
		input: String(input).trim().slice(0, 40),
		options: candidates.map((option) => option.label).join(', '),
	});
}

type Score = (answer: string, name: string) => number;

/** The options with the highest positive score over any of their names. */
function bestBy(
	options: ChoiceOption[],
	names: string[][],
	answer: string,
	score: Score,
): ChoiceOption[] {
	let best = 0;
	let winners: ChoiceOption[] = [];
	options.forEach((option, i) => {
		let value = 0;
		for (const name of names[i]) value = Math.max(value, score(answer, name));
		if (value > best) {
			best = value;
			winners = [option];
		} else if (value === best && value > 0) {
			winners.push(option);
		}
	});
	return winners;
}

/** `laki` → `laki laki`, `p` → `perempuan`: the answer starts a name. */
const prefixScore: Score = (answer, name) => (name.startsWith(answer) ? 1 : 0);

/**
 * Words of the answer found (as a word or a word's start, 3+ letters) in the name, plus the share
 * of the name they cover: `sudah menikah` prefers `menikah` over `belum menikah`.
 */
const wordScore: Score = (answer, name) => {
	const nameWords = name.split(' ');
	const words = answer.split(' ').filter((word) => word.length >= 3);
	const found = words.filter((word) => nameWords.some((n) => n.startsWith(word))).length;
	if (found === 0) return 0;
	const covered = nameWords.filter((n) => words.some((word) => n.startsWith(word))).length;
	return found + covered / nameWords.length;
};

/** Near-misses: one edit for short words, two for longer ones (`islm`, `katholik`, `budha`). */
const typoScore: Score = (answer, name) => {
	if (answer.length < 3) return 0;
	const allowed = answer.length <= 5 ? 1 : 2;
	let distance = editDistance(answer, name, allowed);
	if (name.includes(' ')) {
		for (const word of name.split(' '))
			distance = Math.min(distance, editDistance(answer, word, allowed));
	}
	return distance <= allowed ? allowed + 1 - distance : 0;
};

/** Damerau-Levenshtein (optimal string alignment), giving up above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	const n = b.length;
	let before: number[] = new Array<number>(n + 1).fill(0);
	let previous: number[] = new Array<number>(n + 1);
	let current: number[] = new Array<number>(n + 1);
	for (let j = 0; j <= n; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, before[j - 2] + 1);
			}
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > limit) return limit + 1;
		[before, previous, current] = [previous, current, before];
	}
	return previous[n];
}
