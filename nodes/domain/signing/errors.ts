/** Why signing failed, in words the person who fixes it can act on. */
export type SigningErrorCode =
	| 'bad-certificate-file'
	| 'wrong-password'
	| 'wrong-passphrase'
	| 'certificate-locked'
	| 'passphrase-missing'
	| 'certificate-expired'
	| 'certificate-revoked'
	| 'not-registered'
	| 'no-certificate'
	| 'unauthorized'
	| 'service-down'
	| 'bad-response'
	| 'timestamp-failed'
	| 'not-a-pdf'
	| 'already-signed'
	| 'signature-too-large'
	/** A letter the deputy signs, with no deputy's TTE identity set. */
	| 'deputy-not-set';

export class SigningError extends Error {
	constructor(
		readonly code: SigningErrorCode,
		message: string,
		/** What to do about it. */
		readonly hint: string,
		/** True when the same request may succeed later (service down, timeout). */
		readonly retryable = false,
	) {
		super(message);
		this.name = 'SigningError';
	}
}
