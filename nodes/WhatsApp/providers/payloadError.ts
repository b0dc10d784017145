/** A webhook body that is not what the provider sends; the trigger answers 400 and logs `message`. */
export class WebhookPayloadError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WebhookPayloadError';
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
