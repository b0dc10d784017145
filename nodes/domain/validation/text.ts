/** Text helpers shared by the validators: cleaning a resident's answer and comparing words. */

import { fail, ok, type Validation } from './result';

// Control characters other than whitespace (which is collapsed), plus DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Trims and collapses whitespace (newlines included). Text starting with `=`, `+`, `-` or `@` is
 * kept as is: sheet writes are RAW, so there is nothing to escape, and names must not be mangled.
 */
export function cleanText(input: string): Validation<string> {
	const text = String(input ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	if (CONTROL.test(text)) return fail('text.invalid');
	return ok(text);
}

/** Lowercase, without diacritics, punctuation turned into single spaces: for comparing words. */
export function foldWords(input: string): string {
	return String(input ?? '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Only the digits of an identity number written with spaces, dots or dashes. */
export function stripIdSeparators(input: string): string {
	return String(input ?? '').replace(/[\s.-]/g, '');
}

/**
 * How a letter prints what was typed all in lowercase: `words` for names, places and addresses
 * ("jl. mawar no 5 oro-oro ombo" → "Jl. Mawar No 5 Oro-Oro Ombo"), `sentence` for an account
 * ("dompet jatuh di pasar" → "Dompet jatuh di pasar"). Text with any capital letter is the
 * resident's own choice ("RT.03", "McDonald", "BUDI") and is kept as typed.
 */
export type Capitalize = 'words' | 'sentence';

export function capitalizeTyped(text: string, style: Capitalize | undefined): string {
	if (!style || text !== text.toLocaleLowerCase('id-ID')) return text;
	const upper = (letter: string) => letter.toLocaleUpperCase('id-ID');
	if (style === 'sentence') return text.replace(/\p{Ll}/u, upper);
	// A word starts after a space, a hyphen, a dot, a slash or an opening bracket.
	return text.replace(
		/(^|[\s\-./(])(\p{Ll})/gu,
		(_, before: string, letter: string) => before + upper(letter),
	);
}
