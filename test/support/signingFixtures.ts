/** Certificates made at test time (nothing committed) and pdfsig, poppler's verifier. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestCa, toPkcs12Base64, type TestCa } from '../../sandbox/server/bsre-ca';

export const SIGNATORY = 'Drs. Hadi Santoso, M.Si.';
export const PASSWORD = 'kata-sandi-p12';

let ca: TestCa | undefined;
export function testCa(): TestCa {
	ca ??= createTestCa();
	return ca;
}

/** The office certificate as a staff member would paste it: PKCS#12 as base64. */
export function officeP12(validity?: { from?: Date; to?: Date }): string {
	const authority = testCa();
	return toPkcs12Base64(
		authority.issue({ commonName: SIGNATORY, nik: '3577010101700001' }, validity),
		authority.cert,
		PASSWORD,
	);
}

/** The same through OpenSSL's own `pkcs12 -export` (AES-256, PBKDF2, SHA-256 MAC). */
export function opensslP12(): string {
	const dir = mkdtempSync(join(tmpdir(), 'p12-'));
	try {
		const authority = testCa();
		const leaf = authority.issue({ commonName: SIGNATORY });
		writeFileSync(join(dir, 'key.pem'), leaf.key);
		writeFileSync(join(dir, 'cert.pem'), leaf.cert);
		writeFileSync(join(dir, 'ca.pem'), authority.cert);
		execFileSync(
			'openssl',
			[
				'pkcs12',
				'-export',
				'-inkey',
				'key.pem',
				'-in',
				'cert.pem',
				'-certfile',
				'ca.pem',
				'-passout',
				`pass:${PASSWORD}`,
				'-out',
				'office.p12',
			],
			{ cwd: dir },
		);
		return readFileSync(join(dir, 'office.p12')).toString('base64');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export interface PdfsigReport {
	output: string;
	valid: boolean;
	wholeDocument: boolean;
	signers: string[];
}

export function pdfsig(pdf: Uint8Array): PdfsigReport {
	const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
	try {
		const file = join(dir, 'letter.pdf');
		writeFileSync(file, pdf);
		const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
		const output = `${run.stdout}${run.stderr}`;
		return {
			output,
			valid: /Signature Validation: Signature is Valid\./.test(output),
			wholeDocument: /Total document signed/.test(output),
			signers: [...output.matchAll(/Signer Certificate Common Name: (.+)/g)].map((m) =>
				m[1].trim(),
			),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
