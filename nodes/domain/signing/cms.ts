/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1): detached, SHA-256, signed
 * attributes content-type, message-digest and ESS signing-certificate-v2; the claimed signing
 * time lives in the signature dictionary's /M, as PAdES asks (no signing-time attribute).
 * An RFC 3161 timestamp token, when given, goes in as an unsigned attribute.
 */
import { createHash, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';

import type { Signer } from './certificate';
import {
	context,
	integer,
	OID,
	octets,
	oid,
	sequence,
	set,
	sha256Algorithm,
	nullValue,
	tlv,
} from './der';

interface SignerIdentity {
	issuerAndSerial: Buffer;
	signingCertificateV2: Buffer;
}

const identities = new WeakMap<Signer, SignerIdentity>();

/** Issuer name and serial number of a certificate, as DER, read from its TBSCertificate. */
export function issuerAndSerial(certificate: Buffer): { issuer: Buffer; serial: Buffer } {
	const cert = forge.asn1.fromDer(certificate.toString('binary'));
	const tbs = (cert.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
	const skip = tbs[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
	const der = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
	return { serial: der(tbs[skip]), issuer: der(tbs[skip + 2]) };
}

function identityOf(signer: Signer): SignerIdentity {
	let identity = identities.get(signer);
	if (!identity) {
		const { issuer, serial } = issuerAndSerial(signer.chain[0]);
		const certHash = createHash('sha256').update(signer.chain[0]).digest();
		// ESSCertIDv2 { certHash, issuerSerial { GeneralNames { [4] directoryName }, serial } };
		// hashAlgorithm is left out because SHA-256 is its default.
		const essCertId = sequence(octets(certHash), sequence(sequence(context(4, issuer)), serial));
		identity = {
			issuerAndSerial: sequence(issuer, serial),
			signingCertificateV2: sequence(sequence(essCertId)),
		};
		identities.set(signer, identity);
	}
	return identity;
}

const attribute = (type: string, value: Buffer) => sequence(oid(type), set(value));

export interface SignedAttributes {
	/** DER of the SET OF attributes: what the private key signs. */
	der: Buffer;
}

export function signedAttributes(signer: Signer, documentDigest: Buffer): SignedAttributes {
	const identity = identityOf(signer);
	return {
		der: set(
			attribute(OID.contentType, oid(OID.data)),
			attribute(OID.messageDigest, octets(documentDigest)),
			attribute(OID.signingCertificateV2, identity.signingCertificateV2),
		),
	};
}

/** Signs the attributes with the local key. */
export function signAttributes(signer: Signer, attributes: SignedAttributes): Buffer {
	return rsaSign('sha256', attributes.der, signer.key);
}

export interface SignedDataParts {
	signer: { chain: Buffer[]; ecdsa?: boolean };
	issuerAndSerial: Buffer;
	attributes: SignedAttributes;
	signature: Buffer;
	/** RFC 3161 TimeStampToken (a ContentInfo), over the signature value. */
	timestampToken?: Buffer;
}

/** Assembles ContentInfo { SignedData } from the parts. */
export function signedData(parts: SignedDataParts): Buffer {
	const algorithm = parts.signer.ecdsa
		? sequence(oid(OID.ecdsaWithSha256))
		: sequence(oid(OID.sha256WithRsa), nullValue());
	const signerInfo = sequence(
		integer(1),
		parts.issuerAndSerial,
		sha256Algorithm(),
		// [0] IMPLICIT: the same content as the signed SET, with the context tag.
		tlv(0xa0, parts.attributes.der.subarray(headerLength(parts.attributes.der))),
		algorithm,
		octets(parts.signature),
		...(parts.timestampToken
			? [tlv(0xa1, attribute(OID.timeStampToken, parts.timestampToken))]
			: []),
	);
	const content = sequence(
		integer(1),
		set(sha256Algorithm()),
		sequence(oid(OID.data)),
		tlv(0xa0, ...parts.signer.chain),
		set(signerInfo),
	);
	return sequence(oid(OID.signedData), context(0, content));
}

/** Length of a DER element's tag and length bytes. */
export function headerLength(der: Buffer, at = 0): number {
	const first = der[at + 1];
	return first < 0x80 ? 2 : 2 + (first & 0x7f);
}

/** Fetches an RFC 3161 token over the signature value (see tsa.ts). */
export type Timestamper = (signatureValue: Buffer) => Promise<Buffer>;

/** Everything for a local signature in one call. */
export async function signDigest(
	signer: Signer,
	documentDigest: Buffer,
	timestamper?: Timestamper,
): Promise<Buffer> {
	const attributes = signedAttributes(signer, documentDigest);
	const signature = signAttributes(signer, attributes);
	return signedData({
		signer: { chain: signer.chain, ecdsa: signer.key.asymmetricKeyType === 'ec' },
		issuerAndSerial: identityOf(signer).issuerAndSerial,
		attributes,
		signature,
		timestampToken: timestamper ? await timestamper(signature) : undefined,
	});
}
