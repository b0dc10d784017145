/**
 * Well-formed UTF-16 for text that leaves the office: a string cut by code units may end in half
 * an emoji (a lone surrogate), which Meta rejects and a PDF cannot print.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate removed; pairs (emoji) are kept. */
export function dropLoneSurrogates(text: string): string {
	return text.replace(LONE_SURROGATE, '');
}

/** At most `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function clipUnits(text: string, max: number): string {
	if (text.length <= max) return text;
	const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
	return text.slice(0, Math.max(0, end));
}
