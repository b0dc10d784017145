/**
 * The verifier's side: given a PDF's bytes, who signed it, when, whether the signature is intact
 * (the signed bytes hash to the signed message digest, and the signer's key signed the
 * attributes), and, given the anchors the office trusts, whether the signer's certificate chains
 * to one of them (./trust). For the upload form on the verification page. It also reads the
 * letter's verification code from the signed part of the file, for the office's letter record.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';

import { describeCertificate } from './certificate';
import { issuerAndSerial } from './cms';
import { children, OID, oid, readElement, sequence, type DerElement } from './der';
import { checkChain, type TrustAnchor, type TrustVerdict } from './trust';

export interface SignatureReport {
	signed: boolean;
	/** The signed bytes are unchanged and the signature matches the signer's certificate. */
	intact: boolean;
	/** The byte range reaches the end of the file: nothing was added after signing. */
	coversWholeDocument: boolean;
	signer?: string;
	issuer?: string;
	/** ISO time from the signature (/M, or the signing-time attribute). */
	signingTime?: string;
	timestamped: boolean;
	/** What is wrong, in plain words (empty when all is well). */
	problems: string[];
	/** Whether the signer's certificate chains to a trusted anchor (when anchors were given). */
	trust?: TrustVerdict;
	/** The letter's verification code, when the signed part of the file carries one. */
	verificationCode?: string;
}

/** Where Letter PDF puts the verification code: a key of the document information dictionary. */
export const VERIFICATION_CODE_KEY = 'PecelanVerification';

export interface VerifyOptions {
	/** The anchors the office trusts; none given: trust is not judged. */
	anchors?: TrustAnchor[];
	/** When no signing time is in the signature. */
	now?: Date;
}

/** An element with its tag and length bytes. */
const whole = (der: Buffer, el: DerElement) => der.subarray(el.at, el.end);

function pdfDate(text: string): string | undefined {
	const m = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
	if (!m) return undefined;
	const zone =
		!m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
	const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
	// Month 13, hour 25 and the like: no date, not a RangeError that makes the file unreadable.
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function verifyPdf(input: Uint8Array, options: VerifyOptions = {}): SignatureReport {
	const pdf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const report: SignatureReport = {
		signed: false,
		intact: false,
		coversWholeDocument: false,
		timestamped: false,
		problems: [],
	};
	const at = pdf.lastIndexOf('/ByteRange');
	if (at < 0) return { ...report, problems: ['The PDF carries no electronic signature.'] };
	report.signed = true;
	const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
		pdf.toString('latin1', at, at + 80),
	);
	if (!range) return { ...report, problems: ['The signature has no readable byte range.'] };
	const [a, b, c, d] = range.slice(1).map(Number);
	report.coversWholeDocument = a === 0 && c + d === pdf.length;
	if (!report.coversWholeDocument)
		report.problems.push('The file was changed or extended after it was signed.');
	if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e || c + d > pdf.length)
		return {
			...report,
			problems: [...report.problems, 'The signature value is not where the byte range says.'],
		};
	if (a === 0) {
		const code = new RegExp(`/${VERIFICATION_CODE_KEY}\\s*\\(([A-Za-z0-9]{8,64})\\)`).exec(
			pdf.toString('latin1', 0, b),
		);
		if (code) report.verificationCode = code[1];
	}
	const window = pdf.toString('latin1', Math.max(0, b - 4096), Math.min(pdf.length, c + 4096));
	const claimed = /\/M\s*\((D:[^)]*)\)/.exec(window)?.[1];
	if (claimed) report.signingTime = pdfDate(claimed);
	if (claimed && !report.signingTime)
		report.problems.push(`The signing date (${claimed.slice(0, 40)}) is not a valid date.`);
	try {
		const cms = Buffer.from(pdf.toString('latin1', b + 1, c - 1), 'hex');
		const info = readElement(cms, 0);
		const [, explicit] = children(cms, info);
		const signedData = readElement(cms, explicit.start);
		const parts = children(cms, signedData);
		const certificates = parts
			.filter((p) => p.tag === 0xa0)
			.flatMap((p) => children(cms, p))
			.map((el) => Buffer.from(whole(cms, el)));
		const signerInfo = children(cms, parts[parts.length - 1])[0];
		const fields = children(cms, signerInfo);
		const sid = whole(cms, fields[1]);
		const attrs = fields.find((f) => f.tag === 0xa0);
		const signature = fields.find((f, i) => i > 3 && f.tag === 0x04);
		const unsigned = fields.find((f) => f.tag === 0xa1);
		if (!attrs || !signature) throw new Error('no signed attributes');
		report.timestamped = Boolean(
			unsigned && whole(cms, unsigned).includes(oid(OID.timeStampToken)),
		);
		const cert = certificates.find((der) => {
			const { issuer, serial } = issuerAndSerial(der);
			return sequence(issuer, serial).equals(sid);
		});
		if (!cert) throw new Error('the signer certificate is missing');
		const described = describeCertificate(cert);
		report.signer = described.commonName;
		report.issuer = described.issuer;
		let digestMatches = false;
		for (const attr of children(cms, attrs)) {
			const [type, values] = children(cms, attr);
			const typeDer = whole(cms, type);
			const value = children(cms, values)[0];
			if (typeDer.equals(oid(OID.messageDigest))) {
				const hash = createHash('sha256')
					.update(pdf.subarray(a, a + b))
					.update(pdf.subarray(c, c + d))
					.digest();
				digestMatches = cms.subarray(value.start, value.end).equals(hash);
			} else if (typeDer.equals(oid(OID.signingTime)) && !report.signingTime) {
				report.signingTime = pdfDate(
					`D:${value.tag === 0x17 ? (Number(cms.toString('latin1', value.start, value.start + 2)) < 50 ? '20' : '19') : ''}${cms.toString('latin1', value.start, value.end)}`,
				);
			}
		}
		const signedSet = Buffer.from(whole(cms, attrs));
		signedSet[0] = 0x31;
		const keyMatches = verify(
			'sha256',
			signedSet,
			new X509Certificate(cert).publicKey,
			cms.subarray(signature.start, signature.end),
		);
		report.intact = digestMatches && keyMatches;
		if (options.anchors) {
			const at = report.signingTime ? new Date(report.signingTime) : (options.now ?? new Date());
			report.trust = checkChain(
				cert,
				certificates.filter((der) => !der.equals(cert)),
				options.anchors,
				at,
			);
			if (!report.trust.trusted)
				report.problems.push(`The signer's certificate is not trusted: ${report.trust.detail}.`);
		}
		if (!digestMatches) report.problems.push('The signed content was changed after signing.');
		else if (!keyMatches)
			report.problems.push("The signature does not match the signer's certificate.");
	} catch (error) {
		report.problems.push(`The signature cannot be read: ${(error as Error).message}`);
	}
	return report;
}
