// A newcomer's first minutes, on a fresh clone of this repository with a clean shell: plain
// `npm install`; `npm test` on a machine without Chromium stops at once with the line that says
// what to install; `npm start` brings the office up healthy, and Ctrl-C stops all of it.
// Slow (npm install, a package build, a second n8n): it reuses the runtime cache the suite's own
// stack installed, and takes free ports and its own folders, removed afterwards.
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cacheRoot } from '../../sandbox/runtime/install';
import { groupAlive } from '../../sandbox/runtime/process-group';
import { freePort } from '../../sandbox/runtime/run';
import { REPO_ROOT } from '../../sandbox/runtime/stack';
import { waitFor } from './support/wait';

jest.setTimeout(20 * 60 * 1000);

const CHROMIUM_LINE =
	'missing: Chromium (chromium or chromium-browser), needed for the browser tests: apt-get install chromium';

interface Command {
	pgid: number;
	output(): string;
	exited: Promise<number | null>;
}

let work: string;
let clone: string;
const started: Command[] = [];

/** A shell a newcomer opens: none of the npm, jest or Pecelan settings of the run around us. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^(npm_|PECELAN_|JEST_|NODE_ENV$|NODE_OPTIONS$|CHROMIUM_PATH$|INIT_CWD$)/i.test(name))
			continue;
		env[name] = value;
	}
	// Nor the node_modules/.bin folders npm put on PATH for the run around us.
	env.PATH = (env.PATH ?? '')
		.split(delimiter)
		.filter((dir) => !dir.includes('node_modules'))
		.join(delimiter);
	// The runtime the suite's stack installed (the clone pins the same tree, so the same folder).
	return { ...env, PECELAN_CACHE_DIR: cacheRoot(), ...extra };
}

/** Runs a command in its own process group, as a terminal runs a foreground job. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = clone): Command {
	const child = spawn(command, args, {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const command_: Command = {
		pgid: child.pid as number,
		output: () => output,
		exited: new Promise((resolve) => {
			child.on('close', (code) => resolve(code));
			child.on('error', (error) => {
				output += `${command}: ${error.message}\n`;
				resolve(null);
			});
		}),
	};
	started.push(command_);
	return command_;
}

async function finish(command: Command, timeoutMs: number, what: string): Promise<number | null> {
	const timeout = new Promise<never>((_, reject) =>
		setTimeout(
			() => reject(new Error(`${what} did not finish in ${timeoutMs} ms:\n${command.output()}`)),
			timeoutMs,
		).unref(),
	);
	return await Promise.race([command.exited, timeout]);
}

/** PATH as on a machine without Chromium: the same commands, minus chromium. */
function pathWithout(hidden: string[]): string {
	const shadow = join(work, 'bin-without-chromium');
	mkdirSync(shadow);
	const dirs = (cleanEnv().PATH ?? '').split(delimiter).filter(Boolean);
	const kept = dirs.map((dir) => {
		if (!hidden.some((name) => existsSync(join(dir, name)))) return dir;
		for (const name of readdirSync(dir)) {
			if (!hidden.includes(name) && !existsSync(join(shadow, name)))
				symlinkSync(join(dir, name), join(shadow, name));
		}
		return shadow;
	});
	return [...new Set(kept)].join(delimiter);
}

let install: { code: number | null; output: string };

// The clone and its `npm install` are the starting point of every step below.
beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'pecelan-newcomer-'));
	clone = join(work, 'pecelan');
	const cloning = start('git', ['clone', '--quiet', REPO_ROOT, clone], cleanEnv(), work);
	expect(await finish(cloning, 120000, 'git clone')).toBe(0);
	const installing = start('npm', ['install'], cleanEnv());
	install = { code: await finish(installing, 10 * 60000, 'npm install'), output: '' };
	install.output = installing.output();
});

afterAll(async () => {
	for (const command of started) {
		if (groupAlive(command.pgid)) process.kill(-command.pgid, 'SIGKILL');
	}
	// An n8n the start left behind (its own process group): n8n.pid holds its group id.
	const pidFile = join(work, 'state', 'n8n', 'n8n.pid');
	if (existsSync(pidFile)) {
		const [pgid] = readFileSync(pidFile, 'utf8').split(/\s+/).map(Number);
		if (pgid > 0 && groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
	}
	rmSync(work, { recursive: true, force: true });
});

describe("a newcomer's first minutes on a fresh clone", () => {
	it('`npm install` with no flags installs the tools, esbuild included', async () => {
		expect(install).toEqual({ code: 0, output: expect.stringMatching(/added \d+ packages/) });
		expect(install.output).not.toMatch(/only-allow|npx canceled/);
		// esbuild's install script did not run: its binary still comes from @esbuild/<platform>.
		const esbuild = start('npx', ['esbuild', '--version'], cleanEnv());
		expect(await finish(esbuild, 60000, 'esbuild --version')).toBe(0);
		expect(esbuild.output().trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('`npm test` without Chromium stops before any test, with the line saying what to install', async () => {
		const test = start(
			'npm',
			['test'],
			cleanEnv({ PATH: pathWithout(['chromium', 'chromium-browser']) }),
		);
		expect(await finish(test, 5 * 60000, 'npm test without Chromium')).toBe(1);
		const missing = test
			.output()
			.split('\n')
			.filter((line) => line.startsWith('missing:'));
		expect(missing).toEqual([CHROMIUM_LINE]);
		expect(test.output()).not.toMatch(/Test Suites:|PASS|FAIL|browserType\.launch/);
	});

	it('`npm start` brings the office up healthy, and Ctrl-C stops everything it started', async () => {
		const sandboxPort = await freePort();
		const brokerPort = await freePort();
		const office = start(
			'npm',
			['start'],
			cleanEnv({
				PECELAN_N8N_PORT: '0',
				PECELAN_SANDBOX_PORT: String(sandboxPort),
				PECELAN_N8N_BROKER_PORT: String(brokerPort),
				PECELAN_STATE_DIR: join(work, 'state'),
			}),
		);
		const n8nUrl = await waitFor(
			() => {
				if (!groupAlive(office.pgid)) throw new Error(`npm start ended:\n${office.output()}`);
				return /n8n editor:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(office.output())?.[1];
			},
			{ timeoutMs: 10 * 60000, intervalMs: 1000, description: '"The office is running."' },
		);
		const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
		expect(office.output()).toContain(`Sandbox (be a resident and staff):  ${sandboxUrl}`);
		await waitFor(async () => (await fetch(`${sandboxUrl}/api/health`)).status === 200, {
			timeoutMs: 120000,
			description: 'the sandbox to report n8n and the workflows healthy',
		});
		expect((await fetch(`${n8nUrl}/healthz/readiness`)).status).toBe(200);
		expect((await fetch(sandboxUrl)).status).toBe(200);

		// Ctrl-C in a terminal: SIGINT to the foreground process group.
		process.kill(-office.pgid, 'SIGINT');
		await finish(office, 120000, 'npm start after Ctrl-C');
		await waitFor(() => !groupAlive(office.pgid), {
			timeoutMs: 60000,
			description: 'npm start to end',
		});
		expect(office.output()).toContain('pecelan: stopped');
		await expect(fetch(`${n8nUrl}/healthz/readiness`)).rejects.toThrow();
		await expect(fetch(`${sandboxUrl}/api/health`)).rejects.toThrow();
		expect(existsSync(join(work, 'state', 'n8n', 'n8n.pid'))).toBe(false);
	});
});
