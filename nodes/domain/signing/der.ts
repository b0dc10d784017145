/**
 * A minimal DER encoder for the CMS structures the signer builds (tag-length-value, nothing
 * else), and a reader that gives elements' exact byte boundaries (what a verifier hashes).
 * Plain Buffers keep the signing path short and free of binary-string conversions.
 */

function length(n: number): Buffer {
	if (n < 0x80) return Buffer.from([n]);
	const bytes: number[] = [];
	for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element: tag byte, DER length, contents. */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
	const body = Buffer.concat(contents);
	return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
export const octets = (data: Buffer | Uint8Array) => tlv(0x04, Buffer.from(data));
export const nullValue = () => Buffer.from([0x05, 0x00]);
/** [n] context-specific, constructed (explicit tagging, or implicit SET/SEQUENCE). */
export const context = (n: number, ...items: Buffer[]) => tlv(0xa0 | n, ...items);

/** SET OF: DER wants the encoded members in ascending byte order. */
export const set = (...items: Buffer[]) => tlv(0x31, ...[...items].sort(Buffer.compare));

export function integer(n: number): Buffer {
	const bytes: number[] = [];
	let v = n;
	do {
		bytes.unshift(v & 0xff);
		v = Math.floor(v / 256);
	} while (v > 0);
	if (bytes[0] & 0x80) bytes.unshift(0);
	return tlv(0x02, Buffer.from(bytes));
}

/** An unsigned big integer given as bytes (e.g. a nonce). */
export function unsignedInteger(bytes: Buffer): Buffer {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	const trimmed = bytes.subarray(start);
	return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function oid(dotted: string): Buffer {
	const parts = dotted.split('.').map(Number);
	const bytes: number[] = [parts[0] * 40 + parts[1]];
	for (const part of parts.slice(2)) {
		const chunk: number[] = [part & 0x7f];
		for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128))
			chunk.unshift((v & 0x7f) | 0x80);
		bytes.push(...chunk);
	}
	return tlv(0x06, Buffer.from(bytes));
}

export const boolean = (value: boolean) => Buffer.from([0x01, 0x01, value ? 0xff : 0x00]);

/** The object identifiers the signer and verifier use. */
export const OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	contentType: '1.2.840.113549.1.9.3',
	messageDigest: '1.2.840.113549.1.9.4',
	signingTime: '1.2.840.113549.1.9.5',
	signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
	timeStampToken: '1.2.840.113549.1.9.16.2.14',
	tstInfo: '1.2.840.113549.1.9.16.1.4',
	sha256: '2.16.840.1.101.3.4.2.1',
	rsaEncryption: '1.2.840.113549.1.1.1',
	sha256WithRsa: '1.2.840.113549.1.1.11',
	ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const sha256Algorithm = () => sequence(oid(OID.sha256), nullValue());

/** One DER element's boundaries. */
export function readElement(
	der: Buffer,
	at: number,
): { tag: number; at: number; start: number; end: number } {
	const first = der[at + 1];
	let len = first;
	let header = 2;
	if (first & 0x80) {
		const n = first & 0x7f;
		len = 0;
		for (let i = 0; i < n; i++) len = len * 256 + der[at + 2 + i];
		header = 2 + n;
	}
	if (at + header + len > der.length) throw new Error('truncated DER');
	return { tag: der[at], at, start: at + header, end: at + header + len };
}

export type DerElement = ReturnType<typeof readElement>;

/** The elements inside a constructed one, in order. */
export function children(der: Buffer, parent: DerElement): DerElement[] {
	const out: DerElement[] = [];
	for (let at = parent.start; at < parent.end; ) {
		const el = readElement(der, at);
		out.push(el);
		at = el.end;
	}
	return out;
}
