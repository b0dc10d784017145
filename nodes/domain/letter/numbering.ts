/** Letter numbers and verification codes. */
import { randomBytes } from 'crypto';
import { toRoman } from '../indonesian/format';

export interface LetterNumberParts {
	klasifikasi?: string;
	nomor: number;
	unit?: string;
	tahun: number;
	bulan: number;
}

/**
 * Fills a number format: `{klasifikasi}/{nomor:3}/{unit}/{tahun}` → `400.12.2/007/401.301.3/2026`.
 * `{name:N}` pads a number to N digits, `{bulan:roman}` writes the month as `V`.
 */
export function formatLetterNumber(format: string, parts: LetterNumberParts): string {
	return format.replace(
		/\{([a-z]+)(?::([a-z0-9]+))?\}/gi,
		(whole, name: string, modifier?: string) => {
			const value = (parts as unknown as Record<string, unknown>)[name];
			if (value === undefined || value === null || value === '') {
				throw new Error(`The number format "${format}" uses {${name}}, which has no value.`);
			}
			if (modifier === 'roman') return toRoman(Number(value));
			if (modifier && /^\d+$/.test(modifier)) return String(value).padStart(Number(modifier), '0');
			if (modifier)
				throw new Error(`The number format "${format}" has an unknown modifier in ${whole}.`);
			return String(value);
		},
	);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 105 random bits as 21 URL-safe base32 characters, so letters cannot be enumerated. */
export function newVerificationCode(): string {
	const bytes = randomBytes(14);
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5 && out.length < 21) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	return out;
}

export function verificationUrl(baseUrl: string, code: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(code)}`;
}
