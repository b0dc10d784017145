// Whom the public letter check trusts: a chain checked link by link (the issuer's signature, the
// validity dates, the CA flag), never by names alone.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

import { renderLetter } from '../../letter';
import { sampleRequest } from '../../../../test/support/letterSamples';
import { signPdf, type Signer } from '../index';
import { anchorsFromPem, checkChain, type TrustAnchor } from '../trust';
import { verifyPdf } from '../verify';

jest.setTimeout(60_000);

const DAY = 24 * 3600 * 1000;
const NOW = new Date();

interface Made {
	pem: string;
	der: Buffer;
	key: forge.pki.rsa.PrivateKey;
	keyPem: string;
	subject: forge.pki.CertificateField[];
}

function keys() {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
	const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
	return { key, keyPem, pub: forge.pki.rsa.setPublicKey(key.n, key.e) };
}

/** A certificate for `name`, issued by `issuer` (itself when none), a CA or not. */
function make(
	name: string,
	issuer: Made | undefined,
	options: { ca: boolean; from?: Date; to?: Date },
): Made {
	const { key, keyPem, pub } = keys();
	const subject = [
		{ name: 'commonName', value: name },
		{ name: 'countryName', value: 'ID' },
	];
	const cert = forge.pki.createCertificate();
	cert.publicKey = pub;
	cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
	cert.validity.notBefore = options.from ?? new Date(NOW.getTime() - DAY);
	cert.validity.notAfter = options.to ?? new Date(NOW.getTime() + 365 * DAY);
	cert.setSubject(subject);
	cert.setIssuer(issuer?.subject ?? subject);
	cert.setExtensions([
		{ name: 'basicConstraints', cA: options.ca, critical: true },
		{
			name: 'keyUsage',
			...(options.ca ? { keyCertSign: true, cRLSign: true } : { digitalSignature: true }),
			critical: true,
		},
	]);
	cert.sign(issuer?.key ?? key, forge.md.sha256.create());
	const pem = forge.pki.certificateToPem(cert);
	return { pem, der: Buffer.from(new X509Certificate(pem).raw), key, keyPem, subject };
}

const anchor = (made: Made, kind: 'office' | 'bsre'): TrustAnchor =>
	anchorsFromPem(made.pem, kind)[0];

// BSrE's chain (root → intermediate → signatory) and the office's own CA.
const bsreRoot = make('Root CA Indonesia', undefined, { ca: true });
const bsre = make('Balai Sertifikasi Elektronik', bsreRoot, { ca: true });
const lurah = make('Drs. Hadi Santoso, M.Si.', bsre, { ca: false });
const officeCa = make('Kelurahan Oro-Oro Ombo CA', undefined, { ca: true });
const officeSigner = make('Drs. Hadi Santoso, M.Si.', officeCa, { ca: false });
const anchors = [anchor(officeCa, 'office'), anchor(bsreRoot, 'bsre'), anchor(bsre, 'bsre')];

describe('the chain of a signer certificate', () => {
	it("accepts the office's own chain, and BSrE's through its intermediate", () => {
		expect(checkChain(officeSigner.der, [officeCa.der], anchors, NOW)).toMatchObject({
			trusted: true,
			anchor: { kind: 'office', name: 'Kelurahan Oro-Oro Ombo CA' },
		});
		// Only the root trusted: the intermediate the signature carries completes the chain.
		expect(checkChain(lurah.der, [bsre.der], [anchor(bsreRoot, 'bsre')], NOW)).toMatchObject({
			trusted: true,
			anchor: { kind: 'bsre', name: 'Root CA Indonesia' },
		});
	});

	it('refuses a self-made CA named "Balai Sertifikasi Elektronik", even with the same name and issuer', () => {
		const forgedRoot = make('Root CA Indonesia', undefined, { ca: true });
		const forged = make('Balai Sertifikasi Elektronik', forgedRoot, { ca: true });
		const fake = make('Drs. Hadi Santoso, M.Si.', forged, { ca: false });
		expect(new X509Certificate(fake.der).issuer).toBe(new X509Certificate(lurah.der).issuer);
		for (const carried of [[forged.der], [forged.der, forgedRoot.der], []])
			expect(checkChain(fake.der, carried, anchors, NOW)).toMatchObject({
				trusted: false,
				problem: 'unknown-issuer',
			});
	});

	it('refuses a certificate that had expired (or was not yet valid) when the letter was signed', () => {
		const expired = make('Drs. Hadi Santoso, M.Si.', bsre, {
			ca: false,
			from: new Date(NOW.getTime() - 800 * DAY),
			to: new Date(NOW.getTime() - DAY / 2),
		});
		expect(checkChain(expired.der, [bsre.der], anchors, NOW)).toMatchObject({
			trusted: false,
			problem: 'expired',
		});
		// The same certificate, for a letter signed while it was valid.
		expect(
			checkChain(expired.der, [bsre.der], anchors, new Date(NOW.getTime() - (3 * DAY) / 4)),
		).toMatchObject({ trusted: true });
		const expiredIntermediate = make('Balai Sertifikasi Elektronik', bsreRoot, {
			ca: true,
			from: new Date(NOW.getTime() - 800 * DAY),
			to: new Date(NOW.getTime() - DAY),
		});
		const signer = make('Lurah', expiredIntermediate, { ca: false });
		expect(
			checkChain(signer.der, [expiredIntermediate.der], [anchor(bsreRoot, 'bsre')], NOW),
		).toMatchObject({ trusted: false, problem: 'expired' });
	});

	it('refuses an intermediate without the CA flag: a signatory certificate cannot issue others', () => {
		// A genuine BSrE signatory certificate used to issue a "signatory" of its own.
		const issuedByLurah = make('Drs. Hadi Santoso, M.Si.', lurah, { ca: false });
		expect(checkChain(issuedByLurah.der, [lurah.der, bsre.der], anchors, NOW)).toMatchObject({
			trusted: false,
			problem: 'not-a-ca',
		});
	});
});

describe('the letter check (verifyPdf with anchors)', () => {
	const signer = (leaf: Made, chain: Made[]): Signer => ({
		key: require('node:crypto').createPrivateKey(leaf.keyPem),
		chain: [leaf.der, ...chain.map((c) => c.der)],
		info: {
			subject: '',
			commonName: 'Drs. Hadi Santoso, M.Si.',
			issuer: '',
			serialNumber: '',
			validFrom: NOW,
			validTo: NOW,
		},
	});
	let letter: Uint8Array;
	beforeAll(async () => {
		letter = (
			await renderLetter({ ...sampleRequest('sku-kur'), verificationCode: 'ABCDEFGHJKMNPQRSTUVWX' })
		).pdf;
	});

	it("confirms the office's letter and reads its verification code from the signed part", async () => {
		const signed = await signPdf(letter, signer(officeSigner, [officeCa]));
		const report = verifyPdf(signed.pdf, { anchors });
		expect(report).toMatchObject({
			intact: true,
			coversWholeDocument: true,
			trust: { trusted: true, anchor: { kind: 'office' } },
			verificationCode: 'ABCDEFGHJKMNPQRSTUVWX',
		});
		expect(report.problems).toEqual([]);
	});

	it('calls an intact letter signed under a forged "Balai Sertifikasi Elektronik" not trusted', async () => {
		const forged = make('Balai Sertifikasi Elektronik', undefined, { ca: true });
		const fake = make('Drs. Hadi Santoso, M.Si.', forged, { ca: false });
		const report = verifyPdf((await signPdf(letter, signer(fake, [forged]))).pdf, { anchors });
		expect(report).toMatchObject({
			intact: true,
			trust: { trusted: false, problem: 'unknown-issuer' },
		});
		expect(report.problems.join(' ')).toMatch(/not trusted/);
	});
});
