import type { Messages } from './types';

const PLACEHOLDER = /\{([A-Za-z0-9_.]+)\}/g;

/**
 * The text for `key` with `{name}` placeholders filled in. Unknown placeholders stay visible
 * (an admin sees the typo); a missing key falls back to the key itself rather than to nothing.
 */
export function renderMessage(
	messages: Messages,
	key: string,
	params: Record<string, string | number> = {},
): string {
	const template = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
	if (typeof template !== 'string') return key;
	return template.replace(PLACEHOLDER, (whole, name: string) =>
		Object.prototype.hasOwnProperty.call(params, name) && params[name] !== undefined
			? String(params[name])
			: whole,
	);
}
