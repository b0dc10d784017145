// Installs the pinned runtime once into a cache outside the clone: Node 24 (n8n 2.x needs it; it
// comes from the npm registry as the `node` package), keyed by version, and n8n from its pinned
// dependency tree (runtime-lock.ts), keyed by version and the lockfile's hash, so a changed lock
// installs afresh next to the old one. A marker file is written only after a complete install, so
// a half install is redone.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BUILD_TOOLS, requirePrerequisites, Which, whichOnPath } from './prerequisites';
import { defaultLog, Log, node24Env, run, seconds } from './run';
import { readLock, RuntimeLock } from './runtime-lock';

export const DEFAULT_N8N_VERSION = '2.41.1';
export const DEFAULT_NODE_VERSION = '24.21.0';
const MARKER = '.pecelan-install.json';

export interface NodeRuntime {
	version: string;
	/** The `node` executable. */
	bin: string;
	/** Folder to put first on PATH. */
	binDir: string;
	/** Node's headers, for `npm_config_nodedir` when native modules are rebuilt. */
	headersDir: string;
}

export interface N8nRuntime {
	version: string;
	dir: string;
	/** n8n's command-line entry point, run with `node.bin`. */
	entry: string;
	/** n8n's node_modules, e.g. to borrow bcryptjs. */
	modulesDir: string;
	node: NodeRuntime;
}

export interface InstallOptions {
	cacheDir?: string;
	/** Where the n8n-<version> lock folders are; default sandbox/runtime. */
	locksDir?: string;
	/** Command lookup for the build-tool check (tests hide commands with it). */
	which?: Which;
	log?: Log;
}

export function cacheRoot(explicit?: string): string {
	return explicit ?? process.env.PECELAN_CACHE_DIR ?? join(homedir(), '.cache', 'pecelan');
}

function isInstalled(dir: string, what: string): boolean {
	try {
		return JSON.parse(readFileSync(join(dir, MARKER), 'utf8')).installed === what;
	} catch {
		return false;
	}
}

function markInstalled(dir: string, what: string, startedMs: number): void {
	const record = {
		installed: what,
		at: new Date().toISOString(),
		seconds: (Date.now() - startedMs) / 1000,
	};
	writeFileSync(join(dir, MARKER), JSON.stringify(record, null, 2));
}

function prepareFolder(dir: string, name: string): void {
	mkdirSync(dir, { recursive: true });
	const manifest = join(dir, 'package.json');
	if (!existsSync(manifest))
		writeFileSync(manifest, JSON.stringify({ name, private: true }, null, 2));
}

function nodeRuntimeIn(dir: string, version: string): NodeRuntime {
	const binDir = join(dir, 'node_modules', '.bin');
	const platformPackage = `node-${process.platform}-${process.arch}`;
	const nested = join(dir, 'node_modules', 'node', 'node_modules', platformPackage);
	const hoisted = join(dir, 'node_modules', platformPackage);
	const headersDir = existsSync(nested) ? nested : hoisted;
	return { version, bin: join(binDir, 'node'), binDir, headersDir };
}

/**
 * The environment for npm in the cache folders: Node 24 first on PATH, its headers for native
 * builds, and without the `ignore-scripts` that `npm start`/`npm test` pass down from the
 * project's .npmrc (each call below says which scripts it wants).
 */
function runtimeNpmEnv(node?: { binDir: string; headersDir: string }): NodeJS.ProcessEnv {
	const env = node ? node24Env(node.binDir, node.headersDir) : { ...process.env };
	delete env.npm_config_ignore_scripts;
	return env;
}

function nodeVersion(): string {
	return process.env.PECELAN_NODE_VERSION ?? DEFAULT_NODE_VERSION;
}

export async function ensureNode24(options: InstallOptions = {}): Promise<NodeRuntime> {
	const log = options.log ?? defaultLog;
	const version = nodeVersion();
	const dir = join(cacheRoot(options.cacheDir), `node-${version}`);
	const runtime = nodeRuntimeIn(dir, version);
	if (isInstalled(dir, `node@${version}`)) return runtime;

	const started = Date.now();
	log(`runtime: installing Node ${version} from the npm registry into ${dir}`);
	prepareFolder(dir, 'pecelan-node-runtime');
	// The `node` package's preinstall script fetches the platform binary package from the registry.
	await run(
		'npm',
		[
			'install',
			`node@${version}`,
			'--save-exact',
			'--ignore-scripts=false',
			'--no-audit',
			'--no-fund',
		],
		{ cwd: dir, env: runtimeNpmEnv(), log, label: '[npm node]' },
	);
	const installed = nodeRuntimeIn(dir, version);
	const reported = (
		await run(installed.bin, ['--version'], { cwd: dir, log, capture: true, label: '[node]' })
	).trim();
	if (reported !== `v${version}`) throw new Error(`expected Node v${version}, got ${reported}`);
	if (!existsSync(join(installed.headersDir, 'include'))) {
		throw new Error(`Node headers not found in ${installed.headersDir}`);
	}
	markInstalled(dir, `node@${version}`, started);
	log(`runtime: Node ${version} installed in ${seconds(started)}`);
	return installed;
}

/** Where n8n `version` from its pinned tree lives in the cache, and whether it is complete. */
export function n8nInstallFolder(
	version = process.env.PECELAN_N8N_VERSION ?? DEFAULT_N8N_VERSION,
	options: InstallOptions = {},
): { dir: string; lock: RuntimeLock; installed: boolean } {
	const lock = readLock(version, nodeVersion(), options.locksDir);
	const dir = join(cacheRoot(options.cacheDir), `n8n-${version}-${lock.key}`);
	return { dir, lock, installed: isInstalled(dir, installedMark(lock)) };
}

const installedMark = (lock: RuntimeLock) => `n8n@${lock.version} lock ${lock.key}`;

/** "1,234 of 2,363 packages in place": how far `npm ci` got, for its heartbeat. */
function packagesInPlace(dir: string, lock: RuntimeLock): string {
	const done = lock.packagePaths.filter((path) => existsSync(join(dir, path, 'package.json')));
	return `${done.length} of ${lock.packagePaths.length} packages in place`;
}

export async function ensureN8n(
	version = process.env.PECELAN_N8N_VERSION ?? DEFAULT_N8N_VERSION,
	options: InstallOptions = {},
): Promise<N8nRuntime> {
	const log = options.log ?? defaultLog;
	const { dir, lock, installed } = n8nInstallFolder(version, options);
	const modulesDir = join(dir, 'node_modules');
	const entry = join(modulesDir, 'n8n', 'bin', 'n8n');
	if (installed) return { version, dir, entry, modulesDir, node: await ensureNode24(options) };

	// Before minutes of downloading: the native rebuild below needs these.
	requirePrerequisites(BUILD_TOOLS, options.which ?? whichOnPath());
	const node = await ensureNode24(options);
	const started = Date.now();
	log(
		`runtime: installing n8n ${version} from ${lock.dir} into ${dir} ` +
			`(first use only: ${lock.packagePaths.length} packages, 2.9 GB, a few minutes; progress below)`,
	);
	mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		copyFileSync(join(lock.dir, file), join(dir, file));
	const env = runtimeNpmEnv(node);
	// npm ci installs exactly the lockfile's tree and checks each tarball against its integrity
	// hash. --ignore-scripts: a hard dependency (the Kafka client) downloads librdkafka in its
	// install script, which fails offline. Only the two native modules n8n needs are then built.
	// --loglevel=error: n8n's tree gives hundreds of peer-dependency warnings that need no action;
	// the heartbeat counts the packages in place instead.
	await run('npm', ['ci', '--ignore-scripts', '--loglevel=error', '--no-audit', '--no-fund'], {
		cwd: dir,
		env,
		log,
		label: '[npm ci]',
		progress: () => packagesInPlace(dir, lock),
	});
	log(`runtime: n8n packages in place after ${seconds(started)}; building sqlite3 and isolated-vm`);
	await run(
		'npm',
		['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false', '--foreground-scripts'],
		{ cwd: dir, env: { ...env, JOBS: 'max' }, log, label: '[npm rebuild]' },
	);
	await run(node.bin, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: dir,
		env,
		log,
		label: '[check]',
	});
	const reported = JSON.parse(readFileSync(join(modulesDir, 'n8n', 'package.json'), 'utf8'));
	if (reported.version !== version)
		throw new Error(`expected n8n ${version}, got ${reported.version}`);
	markInstalled(dir, installedMark(lock), started);
	log(`runtime: n8n ${version} installed in ${seconds(started)}`);
	return { version, dir, entry, modulesDir, node };
}

// `npx tsx sandbox/runtime/install.ts`: install (or check) the runtime alone, e.g. as its own CI
// step before the tests, so the minutes of a first install are not spent inside a test's timeout.
if (require.main === module) {
	const started = Date.now();
	ensureN8n()
		.then((runtime) => {
			defaultLog(`runtime: n8n ${runtime.version} ready in ${runtime.dir} (${seconds(started)})`);
		})
		.catch((error: Error) => {
			console.error(`runtime: install failed: ${error.message}`);
			process.exit(1);
		});
}
