/**
 * Whom a signature can be trusted to come from: the signer's certificate chained, signature by
 * signature, to one of the anchors the office configures (its own certificate's CA, and BSrE's
 * root and intermediates). Each link is checked in full, not by name: the issuer's signature on
 * the certificate, the validity dates at the signing time, and the CA flag (basicConstraints) of
 * every certificate that issues another. A self-made CA that calls itself "Balai Sertifikasi
 * Elektronik" chains to no anchor. Uses node:crypto's X509 (OpenSSL): RSA and EC keys alike.
 * Pure.
 */
import { X509Certificate } from 'node:crypto';

/** Which anchor list an anchor comes from. */
export type AnchorKind = 'office' | 'bsre';

export interface TrustAnchor {
	kind: AnchorKind;
	/** A name for people (the certificate's common name if none given). */
	name: string;
	/** DER */
	der: Buffer;
}

export type ChainProblem =
	/** No chain reaches an anchor: a certificate from an issuer the office does not trust. */
	| 'unknown-issuer'
	/** A certificate of the chain was not valid at the signing time. */
	| 'expired'
	/** A certificate that issued another is not a CA. */
	| 'not-a-ca';

export type TrustVerdict =
	| { trusted: true; anchor: TrustAnchor }
	| { trusted: false; problem: ChainProblem; detail: string };

const MAX_DEPTH = 8;

const commonName = (x509: X509Certificate) =>
	/(?:^|\n)CN=([^\n]+)/.exec(x509.subject)?.[1]?.replace(/\\(.)/g, '$1') ?? x509.subject;

const validAt = (x509: X509Certificate, at: Date) =>
	at >= new Date(x509.validFrom) && at <= new Date(x509.validTo);

/**
 * `issuer`'s key signed `cert`, whose issuer name is `issuer`'s subject. Whether `issuer` may issue
 * certificates (its CA flag) is checked by the caller, to say so when it may not.
 */
function issued(cert: X509Certificate, issuer: X509Certificate): boolean {
	try {
		return cert.issuer === issuer.subject && cert.verify(issuer.publicKey);
	} catch {
		return false;
	}
}

/** Anchors from PEM text (any number of certificates, one after another); unreadable ones skipped. */
export function anchorsFromPem(pem: string, kind: AnchorKind): TrustAnchor[] {
	const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
	return blocks.flatMap((block) => {
		try {
			const x509 = new X509Certificate(block);
			return [{ kind, name: commonName(x509), der: Buffer.from(x509.raw) }];
		} catch {
			return [];
		}
	});
}

/**
 * The signer's certificate (DER) checked against the anchors, with the other certificates the
 * signature carries as possible intermediates, at `at` (the signing time). Office anchors are
 * preferred when a chain reaches both.
 */
export function checkChain(
	signer: Buffer,
	carried: Buffer[],
	anchors: TrustAnchor[],
	at: Date,
): TrustVerdict {
	const anchorCerts = anchors.map((anchor) => ({ anchor, x509: new X509Certificate(anchor.der) }));
	anchorCerts.sort((a, b) =>
		a.anchor.kind === b.anchor.kind ? 0 : a.anchor.kind === 'office' ? -1 : 1,
	);
	const pool = carried.flatMap((der) => {
		try {
			return [new X509Certificate(der)];
		} catch {
			return [];
		}
	});
	let current = new X509Certificate(signer);
	if (!validAt(current, at))
		return {
			trusted: false,
			problem: 'expired',
			detail: `the signer's certificate (${commonName(current)}) is valid from ${current.validFrom} to ${current.validTo}`,
		};
	const seen = new Set<string>();
	for (let depth = 0; depth < MAX_DEPTH; depth++) {
		// The certificate is an anchor itself (an office certificate trusted as it is).
		const itself = anchorCerts.find((a) => a.x509.raw.equals(current.raw));
		if (itself) return { trusted: true, anchor: itself.anchor };
		const byAnchor = anchorCerts.find((a) => issued(current, a.x509));
		if (byAnchor) {
			if (!byAnchor.x509.ca)
				return {
					trusted: false,
					problem: 'not-a-ca',
					detail: `${byAnchor.anchor.name} is not a CA certificate`,
				};
			if (!validAt(byAnchor.x509, at))
				return {
					trusted: false,
					problem: 'expired',
					detail: `the issuer ${byAnchor.anchor.name} is valid from ${byAnchor.x509.validFrom} to ${byAnchor.x509.validTo}`,
				};
			return { trusted: true, anchor: byAnchor.anchor };
		}
		seen.add(current.fingerprint256);
		const next = pool.find((c) => !seen.has(c.fingerprint256) && issued(current, c));
		if (!next) break;
		if (!next.ca)
			return {
				trusted: false,
				problem: 'not-a-ca',
				detail: `${commonName(next)} issued ${commonName(current)} but is not a CA certificate`,
			};
		if (!validAt(next, at))
			return {
				trusted: false,
				problem: 'expired',
				detail: `the intermediate ${commonName(next)} is valid from ${next.validFrom} to ${next.validTo}`,
			};
		current = next;
	}
	return {
		trusted: false,
		problem: 'unknown-issuer',
		detail: `no chain from ${commonName(new X509Certificate(signer))} (issued by ${current.issuer.replace(/\n/g, ', ')}) reaches a trusted issuer`,
	};
}
