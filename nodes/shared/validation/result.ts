/**
 * What every validator returns: the cleaned value, or a stable error code whose Indonesian text
 * lives in templates/validation-messages.json under `error.<code>` (with `{param}` placeholders).
 */

export type ValidationError = { code: string; params?: Record<string, string | number> };

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

export function ok<T>(value: T): Validation<T> {
	return { ok: true, value };
}

export function fail<T = never>(
	code: string,
	params?: Record<string, string | number>,
): Validation<T> {
	return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } };
}
