/**
 * RFC 3161 timestamps: the request (hash of the signature value, a nonce, certReq) and the
 * token out of the response. The HTTP call goes through an injected fetch, so this stays pure.
 */
import { createHash, randomBytes } from 'node:crypto';

import {
	boolean,
	integer,
	octets,
	readElement,
	sequence,
	sha256Algorithm,
	unsignedInteger,
} from './der';
import { SigningError } from './errors';
import type { HttpFetch } from './http';

export function timestampRequest(signatureValue: Buffer, nonce: Buffer): Buffer {
	const imprint = sequence(
		sha256Algorithm(),
		octets(createHash('sha256').update(signatureValue).digest()),
	);
	return sequence(integer(1), imprint, unsignedInteger(nonce), boolean(true));
}

/** The TimeStampToken (ContentInfo) of a granted TimeStampResp, byte for byte. */
export function tokenFromResponse(response: Buffer, signatureValue: Buffer): Buffer {
	const outer = readElement(response, 0);
	const status = readElement(response, outer.start);
	const statusValue = readElement(response, status.start);
	const code = response[statusValue.end - 1];
	if (code !== 0 && code !== 1)
		throw new SigningError(
			'timestamp-failed',
			`The timestamp service refused the request (status ${code})`,
			'Check the TSA URL, or leave it empty to sign without a timestamp.',
			true,
		);
	if (status.end >= outer.end)
		throw new SigningError(
			'timestamp-failed',
			'The timestamp service answered without a token',
			'Check the TSA URL.',
			true,
		);
	const token = readElement(response, status.end);
	const bytes = response.subarray(status.end, token.end);
	const imprint = createHash('sha256').update(signatureValue).digest();
	if (!bytes.includes(imprint))
		throw new SigningError(
			'timestamp-failed',
			'The timestamp token is for another signature',
			'Check the TSA URL.',
			true,
		);
	return Buffer.from(bytes);
}

/** A timestamper for signDigest that asks the TSA at `url`. */
export function tsaTimestamper(url: string, fetch: HttpFetch) {
	return async (signatureValue: Buffer): Promise<Buffer> => {
		let res;
		try {
			res = await fetch({
				url,
				method: 'POST',
				headers: {
					'Content-Type': 'application/timestamp-query',
					Accept: 'application/timestamp-reply',
				},
				body: timestampRequest(signatureValue, randomBytes(8)),
			});
		} catch (error) {
			throw new SigningError(
				'timestamp-failed',
				`The timestamp service at ${url} did not answer: ${(error as Error).message}`,
				'Try again later, or leave the TSA URL empty to sign without a timestamp.',
				true,
			);
		}
		if (res.status !== 200)
			throw new SigningError(
				'timestamp-failed',
				`The timestamp service answered HTTP ${res.status}`,
				'Check the TSA URL, or leave it empty to sign without a timestamp.',
				res.status >= 500,
			);
		try {
			return tokenFromResponse(res.body, signatureValue);
		} catch (error) {
			if (error instanceof SigningError) throw error;
			throw new SigningError(
				'timestamp-failed',
				'The timestamp service answered something that is not a timestamp',
				'Check the TSA URL.',
			);
		}
	};
}
