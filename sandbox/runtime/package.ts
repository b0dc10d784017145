// Builds and packs a node package and installs the tarball into an n8n user folder the way a
// user's community package lands there (<user folder>/.n8n/nodes/node_modules/<name>), so its
// node types read `<package name>.<node name>`.
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
import { defaultLog, Log, run, seconds } from './run';
import { readState, writeState } from './secrets';

export interface InstallPackageOptions {
	/** Folder of the package (its package.json). */
	packageDir: string;
	userFolder: string;
	/** Run `npm run build` first; default: when the package has a build script. */
	build?: boolean;
	log?: Log;
}

export interface InstalledPackage {
	name: string;
	version: string;
	sha256: string;
	/** False when the same tarball was already installed. */
	changed: boolean;
}

const STATE = 'pecelan-packages.json';

export function nodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

export async function installPackage(options: InstallPackageOptions): Promise<InstalledPackage> {
	const log = options.log ?? defaultLog;
	const manifest = JSON.parse(readFileSync(join(options.packageDir, 'package.json'), 'utf8'));
	const { name, version } = manifest as { name: string; version: string };
	const started = Date.now();
	if (options.build ?? Boolean(manifest.scripts?.build)) {
		log(`package: building ${name}`);
		await run('npm', ['run', 'build'], { cwd: options.packageDir, log, label: '[build]' });
	}

	const packDir = mkdtempSync(join(tmpdir(), 'pecelan-pack-'));
	try {
		// The build already ran; --ignore-scripts keeps pack from running lifecycle scripts.
		const output = await run(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', packDir],
			{ cwd: options.packageDir, log, capture: true, label: '[pack]' },
		);
		const [packed] = JSON.parse(output) as Array<{ filename: string }>;
		const tarball = join(packDir, packed.filename);
		// npm pack gives every entry a fixed date, so equal contents give an equal hash.
		const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');

		const nodesDir = nodesFolder(options.userFolder);
		const installedDir = join(nodesDir, 'node_modules', name);
		const state = readState<Record<string, string>>(options.userFolder, STATE) ?? {};
		if (state[name] === sha256 && existsSync(join(installedDir, 'package.json'))) {
			log(`package: ${name}@${version} already installed (same tarball)`);
			return { name, version, sha256, changed: false };
		}

		// Kept inside the user folder: package.json of the nodes folder refers to it.
		const keptDir = join(options.userFolder, 'packages');
		mkdirSync(keptDir, { recursive: true });
		const kept = join(keptDir, packed.filename);
		copyFileSync(tarball, kept);
		mkdirSync(nodesDir, { recursive: true });
		const nodesManifest = join(nodesDir, 'package.json');
		if (!existsSync(nodesManifest)) {
			writeFileSync(
				nodesManifest,
				JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
			);
		}
		rmSync(installedDir, { recursive: true, force: true });
		// Like n8n's own community-package install: no scripts, and the peer dependency
		// (n8n-workflow) is not installed: n8n provides it.
		await run(
			'npm',
			[
				'install',
				kept,
				'--ignore-scripts',
				'--legacy-peer-deps',
				'--bin-links=false',
				'--no-audit',
				'--no-fund',
			],
			{ cwd: nodesDir, log, label: '[npm package]' },
		);
		writeState(options.userFolder, STATE, { ...state, [name]: sha256 });
		log(`package: ${name}@${version} installed into ${nodesDir} in ${seconds(started)}`);
		return { name, version, sha256, changed: true };
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}
