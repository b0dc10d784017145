// What `npm start` and `npm test` say when the machine lacks a system package: one line per
// missing piece with the apt-get install that fixes it, and nothing when all is there.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptPackagesFor, Machine, missingFor } from '../../sandbox/runtime/check-prerequisites';
import { whichOnPath } from '../../sandbox/runtime/prerequisites';

const POSTGRES = '/usr/lib/postgresql/15/bin/initdb';
const FONTS = '/usr/share/fonts/truetype/dejavu';
const EVERYTHING = [
	'chromium',
	'pdfsig',
	FONTS,
	'g++',
	'make',
	'python3',
	POSTGRES,
	'redis-server',
];

/** A machine whose PATH holds exactly `commands`. */
function machine(commands: string[], extra: Partial<Machine> = {}): Machine {
	return {
		which: (command) => (commands.includes(command) ? `/usr/bin/${command}` : undefined),
		env: {},
		runtimeInstalled: false,
		...extra,
	};
}
const without = (...hidden: string[]) => EVERYTHING.filter((c) => !hidden.includes(c));

const CHROMIUM_LINE =
	'missing: Chromium (chromium or chromium-browser), needed for the browser tests: apt-get install chromium';
const COMPILER_LINE =
	"missing: a C++ compiler (g++ or c++), needed for building n8n's SQLite module on its first install: apt-get install build-essential";

test('a complete machine passes every check silently', () => {
	for (const purpose of ['start', 'unit', 'test', 'queue'] as const)
		expect(missingFor(purpose, machine(EVERYTHING))).toEqual([]);
});

test('npm test without Chromium says so in one line with the package to install', () => {
	expect(missingFor('test', machine(without('chromium')))).toEqual([CHROMIUM_LINE]);
	expect(missingFor('unit', machine(without('chromium')))).toEqual([CHROMIUM_LINE]);
});

test('npm start does not need Chromium', () => {
	expect(missingFor('start', machine(without('chromium')))).toEqual([]);
});

test('each missing piece gets its own line', () => {
	expect(
		missingFor('test', machine(['chromium', 'pdfsig', FONTS, POSTGRES, 'redis-server'])),
	).toEqual([
		COMPILER_LINE,
		"missing: make (make), needed for building n8n's SQLite module on its first install: apt-get install make",
		"missing: Python 3 (python3), needed for building n8n's SQLite module on its first install: apt-get install python3",
	]);
});

test('the build tools are needed only until the n8n runtime is built', () => {
	expect(missingFor('start', machine(without('g++')))).toEqual([COMPILER_LINE]);
	expect(missingFor('start', machine(without('g++'), { runtimeInstalled: true }))).toEqual([]);
	expect(missingFor('unit', machine(without('g++')))).toEqual([]);
});

test('any compiler the build can use will do', () => {
	expect(missingFor('start', machine([...without('g++'), 'c++']))).toEqual([]);
	expect(missingFor('test', machine([...without('chromium'), 'chromium-browser']))).toEqual([]);
});

test('CHROMIUM_PATH names the browser to use, and the line names that path when it is missing', () => {
	const configured = machine(EVERYTHING, { env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
	expect(missingFor('unit', configured)).toEqual([
		'missing: Chromium (/opt/chrome/chrome), needed for the browser tests: apt-get install chromium',
	]);
});

test('CI gets the Debian packages to install, each once', () => {
	expect(aptPackagesFor('test', machine([]))).toEqual([
		'chromium',
		'poppler-utils',
		'fonts-dejavu-core',
		'build-essential',
		'make',
		'python3',
		'postgresql',
		'redis-server',
	]);
	expect(aptPackagesFor('test', machine(EVERYTHING))).toEqual([]);
});

test('the tests need Poppler (signed letters, QR codes) and say so', () => {
	expect(missingFor('unit', machine(without('pdfsig')))).toEqual([
		'missing: Poppler (pdfsig), needed for checking signed letters and reading their QR codes in the tests: apt-get install poppler-utils',
	]);
	expect(missingFor('start', machine(without('pdfsig')))).toEqual([]);
});

test('queue mode needs PostgreSQL and Redis, the default mode does not', () => {
	expect(aptPackagesFor('queue', machine(without(POSTGRES, 'redis-server')))).toEqual([
		'postgresql',
		'redis-server',
	]);
	expect(missingFor('start', machine(without(POSTGRES, 'redis-server')))).toEqual([]);
	const redis =
		'missing: Redis (redis-server), needed for queue mode (PECELAN_MODE=queue): apt-get install redis-server';
	expect(missingFor('queue', machine(without('redis-server')))).toEqual([redis]);
	// The unit tests start queue mode's services too: npm test stops before them without Redis.
	expect(missingFor('unit', machine(without('redis-server')))).toEqual([redis]);
	expect(missingFor('test', machine(without('redis-server')))).toEqual([redis]);
});

describe('looking commands up on PATH', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'pecelan-which-'));
		writeFileSync(join(dir, 'runnable'), '#!/bin/sh\n');
		chmodSync(join(dir, 'runnable'), 0o755);
		writeFileSync(join(dir, 'plain'), 'not a program');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('finds executables, not plain files, and checks absolute paths as they are', () => {
		const which = whichOnPath(`/nonexistent:${dir}`);
		expect(which('runnable')).toBe(join(dir, 'runnable'));
		expect(which('plain')).toBeUndefined();
		expect(which('chromium-that-is-not-here')).toBeUndefined();
		expect(which(join(dir, 'runnable'))).toBe(join(dir, 'runnable'));
		expect(which(join(dir, 'plain'))).toBeUndefined();
	});
});
