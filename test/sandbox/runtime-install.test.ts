// The installer's promise: install n8n from its pinned tree once per lockfile, redo a half
// install, skip a complete one, reinstall next to the old one when the lock changes, and stop
// before any download when the build tools or the lock are missing.
// A fake `npm` on PATH records its calls and lays out what the real one would.
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureN8n } from '../../sandbox/runtime/install';
import { whichOnPath } from '../../sandbox/runtime/prerequisites';

const FAKE_NPM = `#!/bin/bash
echo "$(basename "$PWD") $*" >> "$FAKE_NPM_LOG"
if [ -n "$FAKE_NPM_FAIL" ] && [[ "$*" == *"$FAKE_NPM_FAIL"* ]]; then echo "npm ERR! network" >&2; exit 1; fi
if [ "$1" = install ] && [[ "$2" == node@* ]]; then
  mkdir -p node_modules/.bin "node_modules/node/node_modules/$FAKE_PLATFORM_PACKAGE/include"
  printf '#!/bin/bash\\nif [ "$1" = --version ]; then echo v24.21.0; fi\\n' > node_modules/.bin/node
  chmod +x node_modules/.bin/node
fi
if [ "$1" = ci ]; then
  mkdir -p node_modules/n8n && echo '{"version":"9.9.9"}' > node_modules/n8n/package.json
fi
exit 0
`;

let dir: string;
let log: string;
const originalPath = process.env.PATH;

function writeLock(resolvedSuffix = ''): void {
	const lockDir = join(dir, 'locks', 'n8n-9.9.9');
	mkdirSync(lockDir, { recursive: true });
	writeFileSync(join(lockDir, 'package.json'), '{"dependencies":{"n8n":"9.9.9"}}');
	const lock = {
		lockfileVersion: 3,
		packages: {
			'': { dependencies: { n8n: '9.9.9' } },
			'node_modules/n8n': { version: '9.9.9', integrity: `sha512-n8n${resolvedSuffix}` },
		},
	};
	writeFileSync(join(lockDir, 'package-lock.json'), JSON.stringify(lock));
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pecelan-install-test-'));
	log = join(dir, 'npm-calls.log');
	writeFileSync(join(dir, 'npm'), FAKE_NPM);
	chmodSync(join(dir, 'npm'), 0o755);
	writeFileSync(log, '');
	writeLock();
	process.env.PATH = `${dir}:${originalPath}`;
	process.env.FAKE_NPM_LOG = log;
	process.env.FAKE_PLATFORM_PACKAGE = `node-${process.platform}-${process.arch}`;
	delete process.env.FAKE_NPM_FAIL;
});

afterEach(() => {
	process.env.PATH = originalPath;
	rmSync(dir, { recursive: true, force: true });
});

const calls = () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
const install = (extra: Partial<Parameters<typeof ensureN8n>[1]> = {}) =>
	ensureN8n('9.9.9', {
		log: () => undefined,
		cacheDir: join(dir, 'cache'),
		locksDir: join(dir, 'locks'),
		...extra,
	});
const n8nFolders = () => readdirSync(join(dir, 'cache')).filter((name) => name.startsWith('n8n-'));

test('a first install runs npm ci on the pinned lockfile, then the two native rebuilds, and marks it complete', async () => {
	const runtime = await install();
	const [folder] = n8nFolders();
	expect(folder).toMatch(/^n8n-9\.9\.9-[0-9a-f]{12}$/);
	expect(calls()).toEqual([
		'node-24.21.0 install node@24.21.0 --save-exact --ignore-scripts=false --no-audit --no-fund',
		`${folder} ci --ignore-scripts --loglevel=error --no-audit --no-fund`,
		`${folder} rebuild sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts`,
	]);
	// npm ci installs what the repository pins: its lockfile, copied byte for byte.
	expect(readFileSync(join(dir, 'cache', folder, 'package-lock.json'), 'utf8')).toBe(
		readFileSync(join(dir, 'locks', 'n8n-9.9.9', 'package-lock.json'), 'utf8'),
	);
	expect(runtime.entry).toBe(join(dir, 'cache', folder, 'node_modules', 'n8n', 'bin', 'n8n'));
	expect(existsSync(join(dir, 'cache', folder, '.pecelan-install.json'))).toBe(true);
});

test('a complete install is reused without running npm', async () => {
	await install();
	writeFileSync(log, '');
	await install();
	expect(calls()).toEqual([]);
});

test('a changed lockfile installs into a new folder and leaves the old one alone', async () => {
	await install();
	const [before] = n8nFolders();
	writeLock('-republished');
	writeFileSync(log, '');
	await install();
	const after = n8nFolders().find((name) => name !== before)!;
	expect(after).toMatch(/^n8n-9\.9\.9-[0-9a-f]{12}$/);
	expect(calls()).toEqual([
		`${after} ci --ignore-scripts --loglevel=error --no-audit --no-fund`,
		`${after} rebuild sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts`,
	]);
	expect(existsSync(join(dir, 'cache', before, '.pecelan-install.json'))).toBe(true);
});

test('an install that failed half way is not marked, and the next run redoes it', async () => {
	process.env.FAKE_NPM_FAIL = 'rebuild';
	await expect(install()).rejects.toThrow(
		/rebuild sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts failed \(exit 1\)[\s\S]*npm ERR! network/,
	);
	const [folder] = n8nFolders();
	expect(existsSync(join(dir, 'cache', folder, '.pecelan-install.json'))).toBe(false);

	delete process.env.FAKE_NPM_FAIL;
	writeFileSync(log, '');
	await install();
	// Node was complete and is kept; n8n is installed again.
	expect(calls()).toEqual([
		`${folder} ci --ignore-scripts --loglevel=error --no-audit --no-fund`,
		`${folder} rebuild sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts`,
	]);
});

test('without a C++ compiler it stops before downloading anything, naming the package to install', async () => {
	const real = whichOnPath();
	const withoutCompiler = (command: string) =>
		['g++', 'c++'].includes(command) ? undefined : real(command);
	await expect(install({ which: withoutCompiler })).rejects.toThrow(
		"missing: a C++ compiler (g++ or c++), needed for building n8n's SQLite module on its first install: apt-get install build-essential",
	);
	expect(calls()).toEqual([]);
});

test('a version without a pinned tree is refused with the command that pins it', async () => {
	rmSync(join(dir, 'locks'), { recursive: true });
	await expect(install()).rejects.toThrow(
		/n8n 9\.9\.9 has no pinned dependency tree in .*: run `npm run runtime:lock -- 9\.9\.9` first/,
	);
	expect(calls()).toEqual([]);
});
