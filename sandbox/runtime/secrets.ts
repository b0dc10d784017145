// Per-user-folder secrets of the local n8n: its encryption key and the owner's login.
// Generated once and kept in the user folder (never in the repo), so a restart finds the same
// database key and the same password.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface OwnerLogin {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
	/** bcrypt hash of the password, for N8N_INSTANCE_OWNER_PASSWORD_HASH. */
	passwordHash: string;
}

export interface UserFolderSecrets {
	encryptionKey: string;
	owner: OwnerLogin;
}

const FILE = 'pecelan-secrets.json';

/** bcryptjs comes with n8n; borrowing it keeps this package free of a runtime dependency. */
function bcryptFrom(n8nModulesDir: string): { hashSync(text: string, rounds: number): string } {
	return createRequire(join(n8nModulesDir, 'n8n', 'package.json'))('bcryptjs');
}

export function loadOrCreateSecrets(userFolder: string, n8nModulesDir: string): UserFolderSecrets {
	const file = join(userFolder, FILE);
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as UserFolderSecrets;
	// n8n's password rules: 8-64 characters, a digit and an uppercase letter.
	const password = `Pecelan-${randomBytes(6).toString('hex')}-A1`;
	const secrets: UserFolderSecrets = {
		encryptionKey: randomBytes(24).toString('base64url'),
		owner: {
			email: 'admin@pecelan.example',
			password,
			firstName: 'Admin',
			lastName: 'Kelurahan',
			passwordHash: bcryptFrom(n8nModulesDir).hashSync(password, 10),
		},
	};
	mkdirSync(userFolder, { recursive: true });
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	return secrets;
}

/** Small JSON state files kept next to the secrets (API key, provisioning record, …). */
export function readState<T>(userFolder: string, name: string): T | undefined {
	const file = join(userFolder, name);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export function writeState(userFolder: string, name: string, value: unknown): void {
	mkdirSync(userFolder, { recursive: true });
	writeFileSync(join(userFolder, name), JSON.stringify(value, null, 2), { mode: 0o600 });
}
