import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** Hosts the stand-in answers for; the proxy refuses every other CONNECT target. */
export const STAND_IN_HOSTS = [
	'graph.facebook.com',
	'lookaside.fbsbx.com',
	'oauth2.googleapis.com',
	'sheets.googleapis.com',
	'www.googleapis.com',
	'api.fonnte.com',
	'md.fonnte.com',
	'api.openai.com',
] as const;

export interface Certificates {
	caCertPath: string;
	caCert: string;
	/** Leaf certificate (for STAND_IN_HOSTS) and its key, for the in-process HTTPS server. */
	cert: string;
	key: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * The sandbox CA is generated once and kept in the state dir, so a trusted
 * NODE_EXTRA_CA_CERTS file stays valid across restarts; the leaf is re-issued on every start
 * (cheap with EC keys) so a changed host list never needs a manual clean-up.
 */
export async function loadCertificates(stateDir: string): Promise<Certificates> {
	mkdirSync(stateDir, { recursive: true });
	const caCertPath = join(stateDir, 'sandbox-ca.pem');
	const caKeyPath = join(stateDir, 'sandbox-ca-key.pem');
	if (!existsSync(caCertPath) || !existsSync(caKeyPath)) {
		const now = new Date();
		const ca = await generate([{ name: 'commonName', value: 'Pecelan Sandbox CA (local only)' }], {
			keyType: 'ec',
			algorithm: 'sha256',
			notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
			notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
			extensions: [
				{ name: 'basicConstraints', cA: true, critical: true },
				{
					name: 'keyUsage',
					keyCertSign: true,
					cRLSign: true,
					digitalSignature: true,
					critical: true,
				},
			],
		});
		writeFileSync(caKeyPath, ca.private, { mode: 0o600 });
		writeFileSync(caCertPath, ca.cert);
	}
	const caCert = readFileSync(caCertPath, 'utf8');
	const caKey = readFileSync(caKeyPath, 'utf8');
	const now = new Date();
	const leaf = await generate([{ name: 'commonName', value: STAND_IN_HOSTS[0] }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
		notAfterDate: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
		ca: { key: caKey, cert: caCert },
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: STAND_IN_HOSTS.map((value) => ({ type: 2 as const, value })),
			},
		],
	});
	return { caCertPath, caCert, cert: leaf.cert, key: leaf.private };
}
