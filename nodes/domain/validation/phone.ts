/**
 * Phone numbers → WhatsApp ids. `0812-3456-7890`, `+62 812 3456 7890` and `6281234567890` are the
 * same Indonesian mobile; WhatsApp names it by its E.164 digits without '+'.
 */

import { fail, ok, type Validation } from './result';

const SEPARATORS = /[\s\-.()/]/g;

/** Indonesian mobiles: 62, then 8, then 8 to 11 more digits. */
const INDONESIAN_MOBILE = /^628\d{8,11}$/;

/**
 * Indonesian fixed lines (an area code 2x–7x or 9x, then the number: 62 351 123456): WhatsApp
 * Business runs on them too, so a resident may write from one and must be answered.
 */
const INDONESIAN_FIXED = /^62[2-79]\d{6,10}$/;

/** Any E.164 number: 8 to 15 digits, not starting with 0. */
const E164_DIGITS = /^[1-9]\d{7,14}$/;

/**
 * The WhatsApp id for a phone number as people write it, or null when it is not a phone number.
 * Numbers without a country code are read as Indonesian (0812…, 812…).
 */
export function toWhatsAppId(input: string): string | null {
	if (typeof input !== 'string') return null;
	let digits = input.trim().replace(SEPARATORS, '');
	if (digits.startsWith('+')) {
		digits = digits.slice(1);
		if (!/^\d+$/.test(digits)) return null;
		return E164_DIGITS.test(digits) ? digits : null;
	}
	if (!/^\d+$/.test(digits)) return null;
	if (digits.startsWith('00')) digits = digits.slice(2);
	else if (digits.startsWith('0')) digits = '62' + digits.slice(1);
	else if (digits.startsWith('8')) digits = '62' + digits;
	if (digits.startsWith('62'))
		return INDONESIAN_MOBILE.test(digits) || INDONESIAN_FIXED.test(digits) ? digits : null;
	return E164_DIGITS.test(digits) ? digits : null;
}

/**
 * True for a sender id a provider may name a resident by: E.164 digits, 8 to 15 of them, no '+'.
 * Anything else (shorter, longer, letters, a leading 0) would make a resident of its own.
 */
export function isSenderId(id: unknown): id is string {
	return typeof id === 'string' && E164_DIGITS.test(id);
}

/** True for an Indonesian mobile number in WhatsApp-id form (6281234567890). */
export function isIndonesianMobile(waId: string): boolean {
	return INDONESIAN_MOBILE.test(waId);
}

/**
 * A phone number as a resident types it → its WhatsApp id, or `phone.invalid`.
 * (Kept beside `toWhatsAppId` so callers that want a reason get one.)
 */
export function checkPhone(input: string): Validation<string> {
	const id = toWhatsAppId(input);
	return id
		? ok(id)
		: fail('phone.invalid', {
				input: String(input ?? '')
					.trim()
					.slice(0, 30),
			});
}
