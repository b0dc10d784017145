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

/** ISO 8601 from a unix timestamp in seconds (string or number); `fallback` when unreadable. */
export function isoFromUnixSeconds(value: unknown, fallback: Date): string {
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0) return fallback.toISOString();
	// Some gateways send milliseconds.
	const ms = seconds > 1e12 ? seconds : seconds * 1000;
	return new Date(ms).toISOString();
}
