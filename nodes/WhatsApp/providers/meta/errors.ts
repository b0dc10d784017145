/**
 * Graph API error bodies → what the admin should do. Codes from Meta's Cloud API error-code
 * reference: `{"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}`.
 */
import type { ApiProblem } from '../problem';
import { isObject, str } from '../../../domain/values';

/** Throughput/pair/app/account rate limits and transient platform errors. */
export const META_RETRYABLE_CODES = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131016, 131056]);

const ADVICE: Record<number, { message: string; description: string }> = {
	131047: {
		message: 'Outside the 24-hour customer-service window (131047)',
		description:
			'More than 24 hours have passed since the resident last wrote. Only an approved template message can be sent now: use Send Template (or Send Notice, which chooses by the time of the last message), or wait until the resident writes again.',
	},
	132000: {
		message: 'The template parameters do not match the approved template (132000)',
		description:
			'Send exactly as many body, header and button parameters as the approved template has placeholders; the details name the component.',
	},
	132001: {
		message: 'The template does not exist in this language, or is not approved (132001)',
		description:
			'Check the template name and language in WhatsApp Manager → Message templates. A template must be APPROVED before it can be sent; a pending one is usually reviewed within minutes to 24 hours, a rejected one must be edited and submitted again.',
	},
	132005: {
		message: 'The template text is too long once the parameters are filled in (132005)',
		description: 'Shorten the values (a body may have at most 1024 characters).',
	},
	132007: {
		message: 'The template breaks a WhatsApp formatting or policy rule (132007)',
		description: 'Edit the template in WhatsApp Manager and submit it again.',
	},
	132012: {
		message: 'A template parameter has the wrong format (132012)',
		description:
			'A header needs the kind the template declares (text, image or document), and a URL button only its variable suffix.',
	},
	132015: {
		message: 'The template is paused because of low quality (132015)',
		description:
			'Residents blocked or reported it. Edit the template in WhatsApp Manager (Meta re-enables it after review) or use another one.',
	},
	132016: {
		message: 'The template is disabled (132016)',
		description: 'Meta disabled it after repeated pauses; create a new template.',
	},
	190: {
		message: 'The WhatsApp access token is invalid or expired (190)',
		description:
			'Generate a new token and put it in the WhatsApp Cloud API credential. Temporary tokens from the app dashboard expire after 24 hours; for production create a System User in Meta Business Settings with the whatsapp_business_messaging permission and generate a token that does not expire.',
	},
	131052: {
		message: 'WhatsApp could not download the media (131052)',
		description:
			'The media id may have expired (incoming media can be downloaded for 30 days) or the file was unavailable. Ask the resident to send it again.',
	},
	131053: {
		message: 'WhatsApp could not process the uploaded media (131053)',
		description:
			'Check the file type and size: images JPEG/PNG up to 5 MB, documents up to 100 MB, audio and video up to 16 MB. For a URL, it must be public HTTPS and answer with the right Content-Type.',
	},
	131030: {
		message: 'The recipient is not in the allowed list (131030)',
		description:
			'With a test phone number, Meta only delivers to numbers added under WhatsApp → API Setup → "To". Add the number there, or use a registered business number.',
	},
	131026: {
		message: 'The message could not be delivered (131026)',
		description:
			'The number may not be on WhatsApp, or the resident uses an old WhatsApp version or has not accepted the latest terms. Check the number.',
	},
	100: {
		message: 'WhatsApp rejected a parameter (100)',
		description:
			'A value in the request is invalid (for example the phone number id in the credential, a too long text or an unknown media id). The error details name the parameter.',
	},
	10: {
		message: 'Permission denied (10)',
		description:
			'The token lacks the whatsapp_business_messaging permission for this phone number, or the number is not in the app. Regenerate the token with that permission.',
	},
	368: {
		message: 'The business account is temporarily blocked (368)',
		description:
			'Meta restricted the account for policy violations; see WhatsApp Manager → Account quality.',
	},
};

function rateLimitAdvice(code: number): { message: string; description: string } {
	const pair = code === 131056;
	return {
		message: `WhatsApp rate limit reached (${code})`,
		description: pair
			? 'Too many messages were sent to the same resident in a short time. Wait a little before sending to this number again, and send fewer separate messages (combine texts).'
			: 'Too many requests for this phone number or app. The node retried with exponential backoff; reduce the sending rate (for example with a Wait node or smaller batches) and try again in a few minutes.',
	};
}

/** Describes a failed Graph API response. */
export function describeMetaError(body: unknown, httpStatus: number): ApiProblem {
	const error = isObject(body) && isObject(body.error) ? body.error : {};
	const code = Number(error.code);
	const data = isObject(error.error_data) ? error.error_data : {};
	const details = str(data.details) || str(error.message) || `HTTP ${httpStatus}`;
	const retryable =
		META_RETRYABLE_CODES.has(code) || httpStatus === 429 || (httpStatus >= 500 && !error.code);
	if (Number.isFinite(code) && META_RETRYABLE_CODES.has(code) && ![1, 2].includes(code)) {
		return { ...rateLimitAdvice(code), retryable: true, code };
	}
	const known = ADVICE[code] ?? (httpStatus === 401 ? ADVICE[190] : undefined);
	if (known)
		return {
			message: known.message,
			description: `${known.description} (Meta: ${details})`,
			retryable,
			code,
		};
	return {
		message: `WhatsApp Cloud API error${Number.isFinite(code) ? ` ${code}` : ''}: ${str(error.message) || `HTTP ${httpStatus}`}`,
		description: `${details}. See Meta's Cloud API error codes for what to do.`,
		retryable,
		code: Number.isFinite(code) ? code : httpStatus,
	};
}

/** Meta refused a free-form message because the resident's 24-hour window is closed. */
export function isOutsideWindow(error: unknown): boolean {
	return error instanceof Error && error.message.includes(ADVICE[131047].message);
}
