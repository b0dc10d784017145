/** Reading values of unknown shape (webhook bodies, stored JSON, API answers) without trusting them. */

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or finite number as text; anything else as ''. */
export function str(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return '';
}

/** The latest instant a JavaScript Date can hold (ms); later timestamps are unreadable. */
const MAX_DATE_MS = 8.64e15;

/**
 * ISO 8601 from a unix timestamp in seconds (string or number); `fallback` when unreadable:
 * not a number or numeric string, not positive, or beyond what a date can hold.
 */
export function isoFromUnixSeconds(value: unknown, fallback: Date): string {
	// Only numbers and strings: Number() of an object runs its (attacker-named) conversions.
	if (typeof value !== 'number' && typeof value !== 'string') return fallback.toISOString();
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0) return fallback.toISOString();
	// Some gateways send milliseconds.
	const ms = seconds > 1e12 ? seconds : seconds * 1000;
	if (ms > MAX_DATE_MS) return fallback.toISOString();
	return new Date(ms).toISOString();
}
