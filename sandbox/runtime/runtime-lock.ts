// The runtime's n8n is pinned to an exact dependency tree: sandbox/runtime/n8n-<version>/ holds a
// package.json and the package-lock.json that `npm ci` installs (and checks every tarball against
// its integrity hash). `npm run runtime:lock [-- <version>]` writes that folder afresh.
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLog, Log, node24Env, run, seconds } from './run';

export const LOCKS_DIR = __dirname;
export const LOCK_COMMAND = 'npm run runtime:lock';

export interface RuntimeLock {
	version: string;
	/** The folder holding package.json and package-lock.json. */
	dir: string;
	/** Short hash of the lockfile (and the Node it is built for): part of the cache folder name. */
	key: string;
	/** Packages the lockfile installs on this platform, for progress. */
	packagePaths: string[];
}

interface LockEntry {
	link?: boolean;
	os?: string[];
	cpu?: string[];
}

/** npm's `os`/`cpu` rule: a list of allowed values, or of `!excluded` ones. */
function fits(allowed: string[] | undefined, actual: string): boolean {
	if (!allowed?.length) return true;
	if (allowed.includes(`!${actual}`)) return false;
	return allowed.includes(actual) || allowed.every((value) => value.startsWith('!'));
}

export function lockDir(version: string, locksDir = LOCKS_DIR): string {
	return join(locksDir, `n8n-${version}`);
}

/** The pinned tree of an n8n version, or an error that says how to pin it. */
export function readLock(version: string, nodeVersion: string, locksDir = LOCKS_DIR): RuntimeLock {
	const dir = lockDir(version, locksDir);
	const lockFile = join(dir, 'package-lock.json');
	if (!existsSync(lockFile) || !existsSync(join(dir, 'package.json'))) {
		throw new Error(
			`n8n ${version} has no pinned dependency tree in ${dir}: run \`${LOCK_COMMAND} -- ${version}\` first`,
		);
	}
	const text = readFileSync(lockFile, 'utf8');
	const lock = JSON.parse(text) as { packages?: Record<string, LockEntry> };
	const pinned = lock.packages?.['node_modules/n8n'] as { version?: string } | undefined;
	if (pinned?.version !== version) {
		throw new Error(
			`${lockFile} pins n8n ${pinned?.version ?? '(none)'}, not ${version}: run \`${LOCK_COMMAND} -- ${version}\``,
		);
	}
	// Native modules are built against one Node's headers: a different Node is a different install.
	const key = createHash('sha256')
		.update(text)
		.update(`node@${nodeVersion}`)
		.digest('hex')
		.slice(0, 12);
	const packagePaths = Object.entries(lock.packages ?? {})
		.filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link)
		.filter(([, entry]) => fits(entry.os, process.platform) && fits(entry.cpu, process.arch))
		.map(([path]) => path);
	return { version, dir, key, packagePaths };
}

/** Resolves n8n@version's whole tree (no download of tarballs) and writes its lock folder. */
export async function writeLock(
	version: string,
	node: { binDir: string; headersDir: string },
	options: { locksDir?: string; log?: Log } = {},
): Promise<string> {
	const log = options.log ?? defaultLog;
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'pecelan-runtime-lock-'));
	try {
		const manifest = {
			name: 'pecelan-n8n-runtime',
			private: true,
			description: `The n8n that \`npm start\` and the end-to-end tests run; written by \`${LOCK_COMMAND}\`.`,
			dependencies: { n8n: version },
		};
		writeFileSync(join(work, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
		log(`runtime lock: resolving n8n ${version}'s dependency tree (about a minute)`);
		await run(
			'npm',
			[
				'install',
				'--package-lock-only',
				'--ignore-scripts',
				// Tarball URLs in the lock let `npm ci` fetch (or take from its cache) each package
				// by URL and integrity, without asking the registry for its metadata first.
				'--omit-lockfile-registry-resolved=false',
				'--no-audit',
				'--no-fund',
			],
			{ cwd: work, env: node24Env(node.binDir, node.headersDir), log, label: '[npm lock]' },
		);
		const target = lockDir(version, options.locksDir);
		mkdirSync(target, { recursive: true });
		for (const file of ['package.json', 'package-lock.json'])
			copyFileSync(join(work, file), join(target, file));
		log(`runtime lock: wrote ${target} in ${seconds(started)}`);
		return target;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
