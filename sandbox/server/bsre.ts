/**
 * The sandbox plays BSrE's eSign Client (API v2) under `<sandbox>/bsre`: HTTP Basic client
 * credentials, `POST /api/v2/sign/pdf` and `POST /api/v2/user/check/status`, a development CA
 * (made once and kept in the sandbox's state folder, so letters signed in an earlier run still
 * chain to it), and BSrE's refusals: 401 for wrong client credentials, `{ error, status_code }` 400s
 * for a wrong passphrase (2031; each NIK has its own, the deputy's differs from the Lurah's), an
 * unknown NIK (2011), a revoked or an expired certificate.
 * As BSrE does, it locks a certificate after so many wrong passphrases in a row (the number in
 * templates/signing/tte-form.json) and then refuses every signing with it. It signs with
 * Pecelan's own PAdES code (invisible, as BSrE does when asked `INVISIBLE`). `GET /bsre/calls`
 * tells a test how many signing calls it answered and which certificates are locked.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import tteForm from '../../templates/signing/tte-form.json';
import { describeCertificate, signPdf, type Signer } from '../../nodes/domain/signing';
import { createTestCa, toPkcs12Base64, type TestCa } from './bsre-ca';
import { HttpError, parseJson, readBody, sendJson } from './http-util';

export const BSRE_PREFIX = '/bsre';

/** The stand-in's CA: never a real issuer. */
export const STAND_IN_CA_NAME = 'Pecelan Sandbox BSrE CA (not trusted)';

/** The sandbox office's BSrE account; tests and `npm start` use these. */
export const SANDBOX_BSRE = {
	username: 'esign',
	password: 'sandbox-esign-secret',
	passphrase: 'sandbox-tte-123',
	users: {
		'3577010101700001': { name: 'Drs. Hadi Santoso, M.Si.', status: 'ISSUE' },
		// The deputy (Sekretaris Kelurahan) of the sandbox office, with a passphrase of her own.
		'3577010202800004': {
			name: 'Siti Aminah Contoh, S.E.',
			status: 'ISSUE',
			passphrase: 'sandbox-tte-wakil-456',
		},
		'3577010101700002': { name: 'Dra. Revoked Contoh', status: 'REVOKE' },
		'3577010101700003': { name: 'Ir. Expired Contoh', status: 'EXPIRED' },
	} as Record<
		string,
		{ name: string; status: 'ISSUE' | 'REVOKE' | 'EXPIRED'; passphrase?: string }
	>,
} as const;

const DAY = 24 * 3600 * 1000;

export interface BsreStandIn {
	/** The CA certificate (PEM) a verifier would trust. */
	caCert(): string;
	handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
	/** A PKCS#12 from the same CA, for the office that signs at once (Office Certificate credential). */
	officeCertificate(commonName: string): { certificate: string; password: string };
}

/** The password of the sandbox office's PKCS#12; a fixed stand-in like the sandbox's other secrets. */
export const SANDBOX_OFFICE_CERTIFICATE_PASSWORD = 'sandbox-office-p12';

export const isBsreRequest = (req: IncomingMessage) =>
	(req.url ?? '').startsWith(`${BSRE_PREFIX}/`);

/** Where the stand-in keeps its CA (certificate and key, PEM) between runs. */
const caFile = (stateDir: string) => join(stateDir, 'bsre-ca.json');

function standInAuthority(stateDir?: string): TestCa {
	if (stateDir && existsSync(caFile(stateDir))) {
		const kept = JSON.parse(readFileSync(caFile(stateDir), 'utf8')) as {
			cert: string;
			key: string;
		};
		return createTestCa(STAND_IN_CA_NAME, kept);
	}
	const made = createTestCa(STAND_IN_CA_NAME);
	if (stateDir) {
		mkdirSync(stateDir, { recursive: true });
		writeFileSync(caFile(stateDir), JSON.stringify({ cert: made.cert, key: made.key }), {
			mode: 0o600,
		});
	}
	return made;
}

export function createBsreStandIn(stateDir?: string): BsreStandIn {
	let ca: TestCa | undefined;
	/** Signing calls answered (any answer), and wrong passphrases in a row by NIK. */
	let signCalls = 0;
	const wrongInARow = new Map<string, number>();
	const locked = new Set<string>();
	const signers = new Map<string, Signer>();
	// The stand-in's CA; the office certificate it issues carries it, so the letter check trusts
	// the sandbox's letters as the office's own.
	const authority = () => (ca ??= standInAuthority(stateDir));
	const signerFor = (nik: string): Signer => {
		let signer = signers.get(nik);
		if (!signer) {
			const user = SANDBOX_BSRE.users[nik];
			const expired = user.status === 'EXPIRED';
			const issued = authority().issue(
				{ commonName: user.name, nik, organization: 'Pemerintah Kota Madiun' },
				expired
					? { from: new Date(Date.now() - 800 * DAY), to: new Date(Date.now() - 70 * DAY) }
					: undefined,
			);
			const chain = [issued.cert, authority().cert].map((pem) =>
				Buffer.from(new X509Certificate(pem).raw),
			);
			signer = { key: createPrivateKey(issued.key), chain, info: describeCertificate(chain[0]) };
			signers.set(nik, signer);
		}
		return signer;
	};

	const authorised = (req: IncomingMessage) =>
		req.headers.authorization ===
		`Basic ${Buffer.from(`${SANDBOX_BSRE.username}:${SANDBOX_BSRE.password}`).toString('base64')}`;

	function refusal(nik: string): { error: string; status_code: number } | undefined {
		const user = SANDBOX_BSRE.users[nik];
		if (!user) return { error: 'User tidak terdaftar', status_code: 2011 };
		if (user.status === 'REVOKE')
			return { error: 'Sertifikat user telah dicabut (revoked)', status_code: 2051 };
		if (user.status === 'EXPIRED')
			return { error: 'Sertifikat user telah kedaluwarsa (expired)', status_code: 2052 };
		return undefined;
	}

	async function signRequest(body: Record<string, unknown>) {
		const nik = String(body.nik ?? '');
		const refused = refusal(nik);
		if (refused) return { status: 400, body: refused };
		if (locked.has(nik))
			return {
				status: 400,
				body: { error: 'Sertifikat user terkunci karena passphrase salah', status_code: 2032 },
			};
		// Each certificate has its own passphrase (the office's shared one unless the user has one).
		if (body.passphrase !== (SANDBOX_BSRE.users[nik].passphrase ?? SANDBOX_BSRE.passphrase)) {
			const wrong = (wrongInARow.get(nik) ?? 0) + 1;
			wrongInARow.set(nik, wrong);
			if (wrong >= tteForm.bsreWrongPassphraseLimit) locked.add(nik);
			return { status: 400, body: { error: 'Passphrase anda salah', status_code: 2031 } };
		}
		wrongInARow.delete(nik);
		const files = Array.isArray(body.file) ? (body.file as unknown[]) : [];
		if (!files.length || files.some((f) => typeof f !== 'string'))
			return { status: 400, body: { error: 'File tidak boleh kosong', status_code: 2001 } };
		const started = Date.now();
		const properties = (
			Array.isArray(body.signatureProperties) ? body.signatureProperties : []
		)[0] as Record<string, unknown> | undefined;
		const signed: string[] = [];
		for (const file of files as string[]) {
			const pdf = Buffer.from(file, 'base64');
			if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
				return {
					status: 500,
					body: {
						timestamp: new Date().toISOString(),
						status: 500,
						error: 'Internal Server Error',
						path: '/api/v2/sign/pdf',
					},
				};
			const out = await signPdf(pdf, signerFor(nik), {
				reason: String(properties?.reason ?? '') || undefined,
				location: String(properties?.location ?? '') || undefined,
			});
			signed.push(out.pdf.toString('base64'));
		}
		return { status: 200, body: { time: Date.now() - started, file: signed } };
	}

	return {
		caCert: () => authority().cert,
		officeCertificate: (commonName) => ({
			certificate: toPkcs12Base64(
				authority().issue({ commonName, organization: 'Pemerintah Kota Madiun' }),
				authority().cert,
				SANDBOX_OFFICE_CERTIFICATE_PASSWORD,
			),
			password: SANDBOX_OFFICE_CERTIFICATE_PASSWORD,
		}),
		async handle(req, res) {
			const path = (req.url ?? '').slice(BSRE_PREFIX.length).split('?')[0];
			try {
				if (req.method === 'GET' && path === '/calls')
					return sendJson(res, 200, {
						sign: signCalls,
						wrongInARow: Object.fromEntries(wrongInARow),
						locked: [...locked],
					});
				if (req.method === 'GET' && path === '/ca.pem') {
					res.writeHead(200, { 'Content-Type': 'application/x-pem-file' });
					return void res.end(authority().cert);
				}
				if (!authorised(req))
					return sendJson(res, 401, {
						timestamp: new Date().toISOString(),
						status: 401,
						error: 'Unauthorized',
						path,
					});
				const body = (parseJson(await readBody(req)) ?? {}) as Record<string, unknown>;
				if (req.method === 'POST' && path === '/api/v2/user/check/status') {
					const nik = String(body.nik ?? '');
					const user = SANDBOX_BSRE.users[nik];
					return sendJson(
						res,
						200,
						user
							? { status_code: 1111, message: 'OK', status: user.status }
							: { status_code: 2011, message: 'User tidak terdaftar', status: 'NOT_REGISTERED' },
					);
				}
				if (req.method === 'POST' && path === '/api/v2/sign/pdf') {
					signCalls++;
					const answer = await signRequest(body);
					return sendJson(res, answer.status, answer.body);
				}
				throw new HttpError(404, {
					timestamp: new Date().toISOString(),
					status: 404,
					error: 'Not Found',
					path,
				});
			} catch (error) {
				if (error instanceof HttpError) return sendJson(res, error.status, error.body);
				sendJson(res, 500, {
					timestamp: new Date().toISOString(),
					status: 500,
					error: (error as Error).message,
					path,
				});
			}
		},
	};
}
