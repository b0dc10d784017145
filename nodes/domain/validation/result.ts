/**
 * What every validator returns: the cleaned value, or a stable error code whose Indonesian text
 * lives in templates/validation-messages.json under `error.<code>` (with `{param}` placeholders).
 */

import { dropLoneSurrogates } from '../messaging/unicode';

export type ValidationError = { code: string; params?: Record<string, string | number> };

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

export function ok<T>(value: T): Validation<T> {
	return { ok: true, value };
}

export function fail<T = never>(
	code: string,
	params?: Record<string, string | number>,
): Validation<T> {
	if (!params) return { ok: false, error: { code } };
	// Echoed input is cut by length (`slice(0, 40)`); never echo half an emoji back.
	const clean: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(params))
		clean[k] = typeof v === 'string' ? dropLoneSurrogates(v) : v;
	return { ok: false, error: { code, params: clean } };
}
