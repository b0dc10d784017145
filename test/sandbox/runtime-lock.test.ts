// The n8n that `npm start` and the e2e tests run is pinned in the repository: the lockfile names
// the default version and carries an integrity hash for every package `npm ci` will fetch, and
// the cache folder's name changes whenever the lockfile (or the Node it is built for) does.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION } from '../../sandbox/runtime/install';
import { lockDir, readLock } from '../../sandbox/runtime/runtime-lock';

type LockEntry = { version?: string; integrity?: string; link?: boolean };
const lockFile = join(lockDir(DEFAULT_N8N_VERSION), 'package-lock.json');
const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
	packages: Record<string, LockEntry>;
};

test('the default n8n version has a pinned tree with an integrity hash for every package', () => {
	const pinned = readLock(DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION);
	expect(lock.packages['node_modules/n8n'].version).toBe(DEFAULT_N8N_VERSION);
	expect(pinned.packagePaths.length).toBeGreaterThan(2000);
	const unverified = pinned.packagePaths.filter(
		(path) => !/^sha512-[A-Za-z0-9+/]+=*$/.test(lock.packages[path].integrity ?? ''),
	);
	expect(unverified).toEqual([]);
});

describe('the cache key', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'pecelan-lock-test-'));
		cpSync(lockDir(DEFAULT_N8N_VERSION), lockDir(DEFAULT_N8N_VERSION, dir), { recursive: true });
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('changes when one package in the lockfile changes, and when the Node version does', () => {
		const before = readLock(DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION, dir).key;
		expect(readLock(DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION, dir).key).toBe(before);
		expect(readLock(DEFAULT_N8N_VERSION, '24.99.0', dir).key).not.toBe(before);

		const copy = join(lockDir(DEFAULT_N8N_VERSION, dir), 'package-lock.json');
		const changed = JSON.parse(readFileSync(copy, 'utf8')) as typeof lock;
		const [somePackage] = Object.keys(changed.packages).filter((p) => p.includes('/uuid'));
		changed.packages[somePackage].integrity = 'sha512-republished';
		writeFileSync(copy, JSON.stringify(changed, null, 2));
		expect(readLock(DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION, dir).key).not.toBe(before);
	});

	it('refuses a lockfile that pins another n8n than the folder says', () => {
		const copy = join(lockDir(DEFAULT_N8N_VERSION, dir), 'package-lock.json');
		const other = JSON.parse(readFileSync(copy, 'utf8')) as typeof lock;
		other.packages['node_modules/n8n'].version = '0.0.1';
		writeFileSync(copy, JSON.stringify(other));
		expect(() => readLock(DEFAULT_N8N_VERSION, DEFAULT_NODE_VERSION, dir)).toThrow(
			`pins n8n 0.0.1, not ${DEFAULT_N8N_VERSION}: run \`npm run runtime:lock -- ${DEFAULT_N8N_VERSION}\``,
		);
	});
});
