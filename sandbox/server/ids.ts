import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A Drive/Sheets-style opaque id. */
export function randomId(length = 33): string {
	const bytes = randomBytes(length);
	return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Meta media ids are long decimal numbers. */
export function metaMediaId(): string {
	return `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;
}

/** Meta message ids look like `wamid.` + base64. */
export function wamid(): string {
	return `wamid.${randomBytes(24).toString('base64url')}`;
}
