/** Bodies for Fonnte's `POST /send` and how to read its answers. */
import type { ApiProblem } from '../problem';
import { isObject, str } from '../../../domain/values';

export function fonnteTextBody(target: string, message: string): Record<string, string> {
	return { target, message };
}

export function fonnteUrlMediaBody(
	target: string,
	url: string,
	options: { fileName?: string; caption?: string } = {},
): Record<string, string> {
	const body: Record<string, string> = { target, url };
	if (options.caption) body.message = options.caption;
	if (options.fileName) body.filename = options.fileName;
	return body;
}

/** Message ids from `{"detail":"success! message in queue","id":["80367170"],"process":"pending","status":true,"target":["62…"]}`. */
export function fonnteMessageIds(response: unknown): string[] {
	if (!isObject(response)) return [];
	const ids = Array.isArray(response.id) ? response.id : [response.id];
	return ids.map(str).filter(Boolean);
}

/** A Fonnte answer that reports failure (`{"status":false,"reason":"…"}`), or null on success. */
export function describeFonnteFailure(body: unknown, httpStatus: number): ApiProblem | null {
	const ok = httpStatus < 400 && isObject(body) && body.status !== false && body.status !== 'false';
	if (ok) return null;
	const reason = isObject(body) ? str(body.reason) || str(body.detail) : '';
	const retryable = httpStatus === 429 || httpStatus >= 500;
	if (/token/i.test(reason) || httpStatus === 401) {
		return {
			message: `Fonnte rejected the token: ${reason || `HTTP ${httpStatus}`}`,
			description:
				'Copy the device token from the Fonnte dashboard (Device → Token) into the Fonnte credential. Device actions need the device token, not the account token.',
			retryable: false,
			code: httpStatus,
		};
	}
	if (/disconnect/i.test(reason)) {
		return {
			message: `Fonnte device is disconnected: ${reason}`,
			description: 'Reconnect the device by scanning the QR code in the Fonnte dashboard.',
			retryable: false,
			code: httpStatus,
		};
	}
	return {
		message: `Fonnte error: ${reason || `HTTP ${httpStatus}`}`,
		description: retryable
			? 'Fonnte is busy or unavailable; the node retried with backoff. Try again later.'
			: "See the reason above and Fonnte's API documentation (docs.fonnte.com).",
		retryable,
		code: httpStatus,
	};
}
