/**
 * A throw-away certificate authority for the BSrE stand-in and the signing tests: RSA keys from
 * node:crypto, certificates and PKCS#12 files built with node-forge. Every run makes its own; the
 * BSrE stand-in keeps its CA in the sandbox's state folder.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface IssuedCertificate {
	/** PEM */
	cert: string;
	/** PEM (PKCS#1) */
	key: string;
	commonName: string;
}

export interface TestCa extends IssuedCertificate {
	issue(
		subject: { commonName: string; nik?: string; organization?: string },
		validity?: { from?: Date; to?: Date },
	): IssuedCertificate;
}

const DAY = 24 * 3600 * 1000;

function rsaKeys() {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const key = forge.pki.privateKeyFromPem(
		privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
	);
	const pub = forge.pki.rsa.setPublicKey(
		(key as forge.pki.rsa.PrivateKey).n,
		(key as forge.pki.rsa.PrivateKey).e,
	);
	return { key: key as forge.pki.rsa.PrivateKey, pub };
}

function certificate(
	subject: forge.pki.CertificateField[],
	pub: forge.pki.PublicKey,
	issuer: { attrs: forge.pki.CertificateField[]; key: forge.pki.rsa.PrivateKey },
	validity: { from: Date; to: Date },
	ca: boolean,
): forge.pki.Certificate {
	const cert = forge.pki.createCertificate();
	cert.publicKey = pub;
	cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
	cert.validity.notBefore = validity.from;
	cert.validity.notAfter = validity.to;
	cert.setSubject(subject);
	cert.setIssuer(issuer.attrs);
	cert.setExtensions(
		ca
			? [
					{ name: 'basicConstraints', cA: true, critical: true },
					{ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
					{ name: 'subjectKeyIdentifier' },
				]
			: [
					{ name: 'basicConstraints', cA: false },
					{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
					{ name: 'subjectKeyIdentifier' },
				],
	);
	cert.sign(issuer.key, forge.md.sha256.create());
	return cert;
}

/** A CA made now, or the one given (its certificate and key, PEM, as kept by the BSrE stand-in). */
export function createTestCa(
	commonName = 'Pecelan Test CA (not trusted)',
	existing?: { cert: string; key: string },
): TestCa {
	let key: forge.pki.rsa.PrivateKey;
	let caCert: forge.pki.Certificate;
	if (existing) {
		key = forge.pki.privateKeyFromPem(existing.key) as forge.pki.rsa.PrivateKey;
		caCert = forge.pki.certificateFromPem(existing.cert);
	} else {
		const made = rsaKeys();
		key = made.key;
		const subject = [
			{ name: 'commonName', value: commonName },
			{ name: 'organizationName', value: 'Pecelan sandbox' },
			{ name: 'countryName', value: 'ID' },
		];
		const now = Date.now();
		caCert = certificate(
			subject,
			made.pub,
			{ attrs: subject, key },
			{ from: new Date(now - DAY), to: new Date(now + 3650 * DAY) },
			true,
		);
	}
	const attrs = caCert.subject.attributes as forge.pki.CertificateField[];
	const caPem = forge.pki.certificateToPem(caCert);
	return {
		cert: caPem,
		key: forge.pki.privateKeyToPem(key),
		commonName: String(caCert.subject.getField('CN')?.value ?? commonName),
		issue(subject, validity = {}) {
			const leaf = rsaKeys();
			const subjectAttrs: forge.pki.CertificateField[] = [
				{ name: 'commonName', value: subject.commonName },
				{ name: 'organizationName', value: subject.organization ?? 'Kelurahan Oro-Oro Ombo' },
				{ name: 'countryName', value: 'ID' },
				...(subject.nik ? [{ name: 'serialNumber', value: subject.nik }] : []),
			];
			const cert = certificate(
				subjectAttrs,
				leaf.pub,
				{ attrs, key },
				{
					from: validity.from ?? new Date(Date.now() - DAY),
					to: validity.to ?? new Date(Date.now() + 730 * DAY),
				},
				false,
			);
			return {
				cert: forge.pki.certificateToPem(cert),
				key: forge.pki.privateKeyToPem(leaf.key),
				commonName: subject.commonName,
			};
		},
	};
}

/** PKCS#12 (key + certificate + CA), base64, 3DES as most office tools still export it. */
export function toPkcs12Base64(
	issued: IssuedCertificate,
	caCertPem: string,
	password: string,
): string {
	const p12 = forge.pkcs12.toPkcs12Asn1(
		forge.pki.privateKeyFromPem(issued.key),
		[forge.pki.certificateFromPem(issued.cert), forge.pki.certificateFromPem(caCertPem)],
		password,
		{ algorithm: '3des', friendlyName: issued.commonName },
	);
	return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64');
}
