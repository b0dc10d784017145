/**
 * BSrE's esign client API (v2), as offices reach it through the eSign Client service that
 * BSrE or the provincial Diskominfo runs for them: `POST {base}/api/v2/sign/pdf` with HTTP Basic
 * client credentials and JSON `{ nik, passphrase, signatureProperties: [...], file: [base64] }`,
 * answered with `{ time, file: [base64] }`; refusals as HTTP 4xx `{ error, status_code }`
 * (2011 NIK not registered, 2021 no certificate, 2031 wrong passphrase). The HTTP call goes
 * through an injected fetch; the passphrase goes into the request body and nowhere else.
 */
import { SigningError } from './errors';
import type { HttpFetch, HttpResponse } from './http';

export interface BsreAccount {
	/** The eSign Client's base URL, e.g. https://esign.example.go.id (no /api). */
	baseUrl: string;
	/** Client (application) credentials BSrE or Diskominfo issued to the office; empty when the fetch adds them. */
	username: string;
	password: string;
	/** The signatory's NIK, as registered with BSrE. */
	nik: string;
}

export interface BsreSignOptions {
	passphrase: string;
	reason?: string;
	location?: string;
	fetch: HttpFetch;
}

/** `3577010101700001` → `3577********0001`: the signatory's NIK in messages. */
export const maskNik = (nik: string) =>
	nik.length > 8 ? `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}` : '****';

export const signEndpoint = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/api/v2/sign/pdf`;

function parseBody(res: HttpResponse): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(res.body.toString('utf8')) as unknown;
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** A refusal from BSrE, in words the signatory or the admin can act on. */
export function bsreError(res: HttpResponse, account: BsreAccount): SigningError {
	const body = parseBody(res);
	const code = Number(body?.status_code ?? NaN);
	const said = String(body?.error ?? body?.message ?? '').slice(0, 200);
	const nik = maskNik(account.nik);
	if (res.status === 401 || res.status === 403)
		return new SigningError(
			'unauthorized',
			"BSrE refused the office's client credentials",
			'Check the username and password in the BSrE TTE credential; Diskominfo or BSrE issued them with the esign API access.',
		);
	if (/terkunci|locked/i.test(said))
		return new SigningError(
			'certificate-locked',
			`BSrE has locked the certificate of NIK ${nik} after wrong passphrases`,
			'The signatory unlocks the certificate (or resets the passphrase) through the BSrE portal or Diskominfo (Admin RA), then signs again.',
		);
	if (code === 2031 || /passphrase/i.test(said))
		return new SigningError(
			'wrong-passphrase',
			`BSrE refused the passphrase for NIK ${nik}`,
			"Enter the signatory's TTE passphrase again (the one set when the certificate was issued). Repeated wrong passphrases can lock the certificate.",
		);
	if (/cabut|revok/i.test(said))
		return new SigningError(
			'certificate-revoked',
			`The BSrE certificate of NIK ${nik} has been revoked`,
			'The signatory must apply for a new certificate through Diskominfo (Admin RA) before letters can be signed.',
		);
	if (/kedaluwarsa|kadaluarsa|expired/i.test(said))
		return new SigningError(
			'certificate-expired',
			`The BSrE certificate of NIK ${nik} has expired`,
			'The signatory must renew the certificate through Diskominfo (Admin RA).',
		);
	if (code === 2011 || /tidak terdaftar|not registered/i.test(said))
		return new SigningError(
			'not-registered',
			`NIK ${nik} is not registered with BSrE`,
			'Check the signatory NIK in the credential, or ask Diskominfo to register the signatory with BSrE.',
		);
	if (code === 2021 || /belum memiliki sertifikat|no certificate/i.test(said))
		return new SigningError(
			'no-certificate',
			`NIK ${nik} has no active BSrE certificate`,
			"Ask Diskominfo (Admin RA) to issue the signatory's certificate.",
		);
	if (res.status >= 500 || res.status === 0)
		return new SigningError(
			'service-down',
			`BSrE's esign service failed (HTTP ${res.status})${said ? `: ${said}` : ''}`,
			'Try again later; if it persists, ask Diskominfo whether the eSign Client is up.',
			true,
		);
	return new SigningError(
		'bad-response',
		`BSrE refused the letter (HTTP ${res.status})${said ? `: ${said}` : ''}`,
		'Check that the file is the letter PDF; tell the admin if it persists.',
	);
}

/** Sends one PDF to BSrE and returns the signed PDF (BSrE adds an invisible signature). */
export async function signWithBsre(
	pdf: Uint8Array,
	account: BsreAccount,
	options: BsreSignOptions,
): Promise<Buffer> {
	if (!options.passphrase)
		throw new SigningError(
			'passphrase-missing',
			'No TTE passphrase was given',
			'Enter the passphrase in the form (or in the BSrE TTE credential for immediate signing).',
		);
	const body = JSON.stringify({
		nik: account.nik,
		passphrase: options.passphrase,
		signatureProperties: [
			{ tampilan: 'INVISIBLE', reason: options.reason ?? '', location: options.location ?? '' },
		],
		file: [Buffer.from(pdf).toString('base64')],
	});
	let res: HttpResponse;
	try {
		res = await options.fetch({
			url: signEndpoint(account.baseUrl),
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/json',
				// Left out when the caller's fetch authenticates (n8n's credential helpers do).
				...(account.username || account.password
					? {
							Authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`,
						}
					: {}),
			},
			body,
		});
	} catch (error) {
		throw new SigningError(
			'service-down',
			`BSrE's esign service at ${account.baseUrl} did not answer: ${(error as Error).message}`,
			'Check the base URL in the BSrE TTE credential and the office network; try again later.',
			true,
		);
	}
	if (res.status !== 200) throw bsreError(res, account);
	const files = parseBody(res)?.file;
	const signed =
		Array.isArray(files) && typeof files[0] === 'string'
			? Buffer.from(files[0], 'base64')
			: undefined;
	if (!signed || signed.subarray(0, 5).toString('latin1') !== '%PDF-')
		throw new SigningError(
			'bad-response',
			'BSrE answered without a signed PDF',
			'Tell the admin: the eSign Client answered in an unexpected shape.',
		);
	return signed;
}
