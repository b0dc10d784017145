/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- the n8n community-node rules guard code that runs inside n8n; this file is part of the local runtime that installs, starts and provisions n8n for `npm start` and the end-to-end tests (run by tsx/jest, never packed into dist), which needs Node built-ins, child processes, timers and console output. */
// Installs the pinned runtime once into a cache outside the clone, keyed by version:
// Node 24 (n8n 2.x needs it; it comes from the npm registry as the `node` package) and n8n.
// A marker file is written only after a complete install, so a half install is redone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultLog, Log, node24Env, run, seconds } from './run';

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

export async function ensureNode24(options: InstallOptions = {}): Promise<NodeRuntime> {
	const log = options.log ?? defaultLog;
	const version = process.env.PECELAN_NODE_VERSION ?? DEFAULT_NODE_VERSION;
	const dir = join(cacheRoot(options.cacheDir), `node-${version}`);
	const runtime = nodeRuntimeIn(dir, version);
	if (isInstalled(dir, `node@${version}`)) return runtime;

	const started = Date.now();
	log(`runtime: installing Node ${version} from the npm registry into ${dir}`);
	prepareFolder(dir, 'pecelan-node-runtime');
	// The `node` package's install script fetches the platform binary package from the registry.
	await run('npm', ['install', `node@${version}`, '--save-exact', '--no-audit', '--no-fund'], {
		cwd: dir,
		log,
		label: '[npm node]',
	});
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

export async function ensureN8n(
	version = process.env.PECELAN_N8N_VERSION ?? DEFAULT_N8N_VERSION,
	options: InstallOptions = {},
): Promise<N8nRuntime> {
	const log = options.log ?? defaultLog;
	const node = await ensureNode24(options);
	const dir = join(cacheRoot(options.cacheDir), `n8n-${version}`);
	const modulesDir = join(dir, 'node_modules');
	const runtime: N8nRuntime = {
		version,
		dir,
		entry: join(modulesDir, 'n8n', 'bin', 'n8n'),
		modulesDir,
		node,
	};
	if (isInstalled(dir, `n8n@${version}`)) return runtime;

	const started = Date.now();
	log(
		`runtime: installing n8n ${version} into ${dir} ` +
			'(first use only: about 3-5 minutes and 2.9 GB; progress below)',
	);
	prepareFolder(dir, 'pecelan-n8n-runtime');
	const env = node24Env(node.binDir, node.headersDir);
	// --ignore-scripts: a hard dependency (the Kafka client) downloads librdkafka in its install
	// script, which fails offline. Only the two native modules n8n needs are then rebuilt.
	await run(
		'npm',
		['install', `n8n@${version}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'],
		{ cwd: dir, env, log, label: '[npm n8n]' },
	);
	log(`runtime: n8n packages in place after ${seconds(started)}; building sqlite3 and isolated-vm`);
	await run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--foreground-scripts'], {
		cwd: dir,
		env,
		log,
		label: '[npm rebuild]',
	});
	await run(node.bin, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: dir,
		env,
		log,
		label: '[check]',
	});
	markInstalled(dir, `n8n@${version}`, started);
	log(`runtime: n8n ${version} installed in ${seconds(started)}`);
	return runtime;
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
