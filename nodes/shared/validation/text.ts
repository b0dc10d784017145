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
