/**
 * The office certificate: a PKCS#12 file (key + certificate + chain) opened once per run and
 * kept as a node:crypto key, so signing a letter costs one RSA operation, not a PKCS#12 parse.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

import { SigningError } from './errors';

export interface CertificateInfo {
	subject: string;
	/** The subject's common name: the signatory as a verifier shows it. */
	commonName: string;
	issuer: string;
	serialNumber: string;
	validFrom: Date;
	validTo: Date;
}

export interface Signer {
	key: KeyObject;
	/** The signer's certificate first, then the rest of the chain (DER). */
	chain: Buffer[];
	info: CertificateInfo;
}

/** node:crypto writes `CN=Drs. Hadi Santoso\, M.Si.`: one attribute a line, specials escaped. */
const unescapeDn = (value: string) => value.replace(/\\(.)/g, '$1');
const commonNameOf = (dn: string) =>
	unescapeDn(/(?:^|\n)CN=([^\n]+)/.exec(dn)?.[1] ?? dn.replace(/\n/g, ', '));

export function describeCertificate(der: Buffer): CertificateInfo {
	const x509 = new X509Certificate(der);
	return {
		subject: unescapeDn(x509.subject.replace(/\n/g, ', ')),
		commonName: commonNameOf(x509.subject),
		issuer: unescapeDn(x509.issuer.replace(/\n/g, ', ')),
		serialNumber: x509.serialNumber,
		validFrom: new Date(x509.validFrom),
		validTo: new Date(x509.validTo),
	};
}

const certificateDer = (cert: forge.pki.Certificate) =>
	Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

function parsePkcs12(data: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
	let asn1: forge.asn1.Asn1;
	try {
		asn1 = forge.asn1.fromDer(data.toString('binary'), false);
	} catch {
		throw new SigningError(
			'bad-certificate-file',
			'The office certificate is not a PKCS#12 (.p12 / .pfx) file',
			'Paste the .p12 file as base64 (e.g. `base64 -w0 office.p12`), not a PEM certificate.',
		);
	}
	try {
		return forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
	} catch (error) {
		const message = (error as Error).message ?? '';
		if (/MAC could not be verified|Invalid password|decrypt/i.test(message))
			throw new SigningError(
				'wrong-password',
				'The office certificate password is wrong',
				'Enter the password the .p12 file was exported with in the Office Certificate credential.',
			);
		throw new SigningError(
			'bad-certificate-file',
			`The office certificate cannot be read: ${message}`,
			'Export the certificate and its private key again as PKCS#12 (RSA key) and paste it as base64.',
		);
	}
}

/** Opens a PKCS#12 (base64 text or bytes) and checks that it can sign today. */
export function loadSigner(p12: string | Buffer, password: string, now = new Date()): Signer {
	const data = typeof p12 === 'string' ? Buffer.from(p12.replace(/\s+/g, ''), 'base64') : p12;
	const pfx = parsePkcs12(data, password);
	const keyBag = [
		...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
			forge.pki.oids.pkcs8ShroudedKeyBag
		] ?? []),
		...(pfx.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
	].find((bag) => bag.key);
	if (!keyBag?.key)
		throw new SigningError(
			'bad-certificate-file',
			'The office certificate file holds no RSA private key',
			'Export the certificate together with its private key (RSA) as PKCS#12.',
		);
	const privateKey = keyBag.key as forge.pki.rsa.PrivateKey;
	const certs = (pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
		.map((bag) => bag.cert)
		.filter((cert): cert is forge.pki.Certificate => Boolean(cert));
	// The signer's certificate is the one whose public key matches the private key.
	const own = certs.find((cert) => {
		const pub = cert.publicKey as forge.pki.rsa.PublicKey;
		return pub.n?.equals(privateKey.n);
	});
	if (!own)
		throw new SigningError(
			'bad-certificate-file',
			'The office certificate file has no certificate for its private key',
			'Export the certificate together with its private key as PKCS#12.',
		);
	const chain = [own, ...certs.filter((cert) => cert !== own)].map(certificateDer);
	const info = describeCertificate(chain[0]);
	if (now < info.validFrom || now > info.validTo)
		throw new SigningError(
			'certificate-expired',
			`The office certificate of ${info.commonName} is valid from ${info.validFrom.toISOString().slice(0, 10)} to ${info.validTo.toISOString().slice(0, 10)}`,
			'Renew the certificate with the office CA and paste the new .p12 into the credential.',
		);
	const key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
	return { key, chain, info };
}
