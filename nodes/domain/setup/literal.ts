/**
 * A value from outside (a Setup form answer) written into a node parameter as the text it is.
 * n8n evaluates a string parameter that starts with `=` as an expression: such a value is stored
 * as an expression that yields the text, `={{ "…" }}`, with the text as a JSON string whose braces
 * and non-ASCII characters are written as `\uXXXX` (n8n splits an expression at every `{{` and
 * `}}`, even inside a string, and its parser refuses a raw line separator). Any other string is
 * stored as it is. Pure.
 */

const OPEN = '={{ ';
const CLOSE = ' }}';

/** `text` as a parameter value n8n shows and passes on exactly as typed. */
export function literalParameter(text: string): string {
	if (!text.startsWith('=')) return text;
	const quoted = JSON.stringify(text).replace(
		/[{}\u007f-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	return `${OPEN}${quoted}${CLOSE}`;
}

/** Every string value of a record as a literal parameter (other values kept). */
export function literalParameters<T extends Record<string, unknown>>(values: T): T {
	return Object.fromEntries(
		Object.entries(values).map(([key, value]) => [
			key,
			typeof value === 'string' ? literalParameter(value) : value,
		]),
	) as T;
}

/**
 * The text a parameter written by literalParameter stands for, read without n8n (the Setup's
 * sample letter reads the ready workflows' parameters directly); any other value as it is.
 */
export function literalText(parameter: string): string {
	if (!parameter.startsWith(OPEN) || !parameter.endsWith(CLOSE)) return parameter;
	const inner = parameter.slice(OPEN.length, -CLOSE.length);
	if (!/^"(?:[^"\\]|\\.)*"$/.test(inner)) return parameter;
	try {
		const text = JSON.parse(inner) as string;
		return literalParameter(text) === parameter ? text : parameter;
	} catch {
		return parameter;
	}
}
