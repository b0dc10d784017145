/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tests of the local runtime installer (never packed into dist) use Node built-ins and process.env. */
// The installer's promise: install once per version, redo a half install, skip a complete one.
// A fake `npm` on PATH records its calls and lays out what the real one would.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureN8n } from '../../sandbox/runtime/install';

const FAKE_NPM = `#!/bin/bash
echo "$(basename "$PWD") $*" >> "$FAKE_NPM_LOG"
if [ -n "$FAKE_NPM_FAIL" ] && [[ "$*" == *"$FAKE_NPM_FAIL"* ]]; then echo "npm ERR! network" >&2; exit 1; fi
if [ "$1" = install ] && [[ "$2" == node@* ]]; then
  mkdir -p node_modules/.bin "node_modules/node/node_modules/$FAKE_PLATFORM_PACKAGE/include"
  printf '#!/bin/bash\\nif [ "$1" = --version ]; then echo v24.21.0; fi\\n' > node_modules/.bin/node
  chmod +x node_modules/.bin/node
fi
exit 0
`;

let dir: string;
let log: string;
const originalPath = process.env.PATH;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pecelan-install-test-'));
	log = join(dir, 'npm-calls.log');
	writeFileSync(join(dir, 'npm'), FAKE_NPM);
	chmodSync(join(dir, 'npm'), 0o755);
	writeFileSync(log, '');
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
const install = () => ensureN8n('9.9.9', { cacheDir: join(dir, 'cache'), log: () => undefined });

test('a first install runs npm as measured (no scripts, then the two native rebuilds) and marks it complete', async () => {
	const runtime = await install();
	expect(calls()).toEqual([
		'node-24.21.0 install node@24.21.0 --save-exact --no-audit --no-fund',
		'n8n-9.9.9 install n8n@9.9.9 --save-exact --ignore-scripts --no-audit --no-fund',
		'n8n-9.9.9 rebuild sqlite3 isolated-vm --foreground-scripts',
	]);
	expect(runtime.entry).toBe(join(dir, 'cache', 'n8n-9.9.9', 'node_modules', 'n8n', 'bin', 'n8n'));
	expect(existsSync(join(dir, 'cache', 'n8n-9.9.9', '.pecelan-install.json'))).toBe(true);
});

test('a complete install is reused without running npm', async () => {
	await install();
	writeFileSync(log, '');
	await install();
	expect(calls()).toEqual([]);
});

test('an install that failed half way is not marked, and the next run redoes it', async () => {
	process.env.FAKE_NPM_FAIL = 'rebuild';
	await expect(install()).rejects.toThrow(
		/rebuild sqlite3 isolated-vm --foreground-scripts failed \(exit 1\)[\s\S]*npm ERR! network/,
	);
	expect(existsSync(join(dir, 'cache', 'n8n-9.9.9', '.pecelan-install.json'))).toBe(false);

	delete process.env.FAKE_NPM_FAIL;
	writeFileSync(log, '');
	await install();
	// Node was complete and is kept; n8n is installed again.
	expect(calls()).toEqual([
		'n8n-9.9.9 install n8n@9.9.9 --save-exact --ignore-scripts --no-audit --no-fund',
		'n8n-9.9.9 rebuild sqlite3 isolated-vm --foreground-scripts',
	]);
});
