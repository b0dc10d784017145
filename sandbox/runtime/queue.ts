// Queue mode's real parts (PECELAN_MODE=queue): a private PostgreSQL (n8n's database, so also its
// Data Tables and binary data) and a private Redis (the job queue), from Debian's packages, on
// free loopback ports with their data in the state folder, stopped with the stack.
import { spawn } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort, Log, run } from './run';
import { alive, stopProcessGroup } from './process-group';

export const POSTGRES_BIN = process.env.PECELAN_POSTGRES_BIN || '/usr/lib/postgresql/15/bin';
export const REDIS_SERVER = process.env.PECELAN_REDIS_SERVER || 'redis-server';

export interface QueueServices {
	/** What every n8n process (main and workers) needs to share the database and the queue. */
	env: Record<string, string>;
	stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user then. */
function asPostgres(tool: string, args: string[]): [string, string[]] {
	const bin = join(POSTGRES_BIN, tool);
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function postgresUid(): { uid: number; gid: number } | undefined {
	try {
		const passwd = readFileSync('/etc/passwd', 'utf8');
		const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
		if (!line) return undefined;
		const [, , uid, gid] = line.split(':');
		return { uid: Number(uid), gid: Number(gid) };
	} catch {
		return undefined;
	}
}

/**
 * The `postgres` user must reach its folder inside ours: folders of ours on the way that others
 * may not pass through (a mkdtemp folder is 0700) get search permission only (o+x, no listing).
 */
function openPath(dir: string, log: Log): void {
	const uid = process.getuid?.();
	for (let current = dir; ; current = dirname(current)) {
		const stat = statSync(current);
		if (stat.uid === uid && (stat.mode & 0o001) === 0) {
			chmodSync(current, (stat.mode & 0o7777) | 0o001);
			log(`queue: ${current}: search permission for others, so PostgreSQL reaches its folder`);
		}
		if (dirname(current) === current) return;
	}
}

/** The postmaster's pid, first line of `postmaster.pid` in its data folder. */
function postmasterPid(data: string): number {
	const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0) throw new Error(`queue: no PostgreSQL pid in ${data}`);
	return pid;
}

/** Alive and not a zombie (an ended server whose parent, init here, has not reaped it yet). */
function running(pid: number): boolean {
	if (!alive(pid)) return false;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL, until `pid` is gone. */
async function stopPid(pid: number, log: Log): Promise<void> {
	for (const [signal, graceMs] of [
		['SIGINT', 20000],
		['SIGQUIT', 5000],
		['SIGKILL', 5000],
	] as const) {
		if (!running(pid)) return;
		try {
			process.kill(pid, signal);
		} catch {
			return;
		}
		const deadline = Date.now() + graceMs;
		while (running(pid) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 100));
	}
	if (running(pid)) log(`queue: PostgreSQL (pid ${pid}) is still running after SIGKILL`);
}

async function startPostgres(
	dir: string,
	log: Log,
): Promise<{ port: number; stop: () => Promise<void> }> {
	const data = join(dir, 'data');
	const owner = isRoot() ? postgresUid() : undefined;
	if (isRoot() && !owner)
		throw new Error('queue mode: no "postgres" user; apt-get install postgresql');
	mkdirSync(dir, { recursive: true });
	if (owner) {
		chownSync(dir, owner.uid, owner.gid);
		openPath(dirname(dir), log);
	}
	if (!existsSync(join(data, 'PG_VERSION'))) {
		rmSync(data, { recursive: true, force: true });
		const [cmd, args] = asPostgres('initdb', [
			'-D',
			data,
			'-U',
			'n8n',
			'--auth=trust',
			'-E',
			'UTF8',
		]);
		await run(cmd, args, { cwd: dir, log, label: '[initdb]', capture: true });
	}
	const port = await freePort();
	const pgLog = join(dir, 'postgres.log');
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
	const [cmd, args] = asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', pgLog, '-w', 'start']);
	await run(cmd, args, { cwd: dir, log, label: '[postgres]', capture: true });
	// pg_ctl puts the server in a session of its own, out of reach of our process group and of a
	// Ctrl-C: it is stopped by its pid, and a last-resort hook asks it to stop if this process ends
	// without stop() (a signal while starting, a crash), as n8n's and Redis's hooks do.
	const pid = postmasterPid(data);
	const onExit = () => {
		try {
			process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
		} catch {
			// Already gone.
		}
	};
	process.on('exit', onExit);
	const stop = async () => {
		const [c, a] = asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
		await run(c, a, { cwd: dir, log, label: '[postgres]', capture: true }).catch((error) =>
			log(`queue: pg_ctl stop failed, stopping PostgreSQL (pid ${pid}) by signal: ${error}`),
		);
		await stopPid(pid, log);
		process.off('exit', onExit);
	};
	try {
		const at = ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n'];
		const [psql, psqlArgs] = asPostgres('psql', [
			...at,
			'-d',
			'postgres',
			'-tAc',
			"select 1 from pg_database where datname = 'n8n'",
		]);
		const exists = (await run(psql, psqlArgs, { cwd: dir, log, capture: true })).trim() === '1';
		if (!exists) {
			const [c, a] = asPostgres('createdb', [...at, 'n8n']);
			await run(c, a, { cwd: dir, log, label: '[createdb]', capture: true });
		}
	} catch (error) {
		await stop();
		throw error;
	}
	log(`queue: PostgreSQL on 127.0.0.1:${port} (data in ${data})`);
	return { port, stop };
}

async function startRedis(
	dir: string,
	log: Log,
): Promise<{ port: number; stop: () => Promise<void> }> {
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const out = openSync(join(dir, 'redis.log'), 'a');
	const child = spawn(
		REDIS_SERVER,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ detached: true, stdio: ['ignore', out, out] },
	);
	closeSync(out);
	const pgid = child.pid as number;
	const onExit = () => {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	};
	process.on('exit', onExit);
	const stop = async () => {
		await stopProcessGroup(pgid, 5000);
		process.off('exit', onExit);
	};
	const { connect } = await import('node:net');
	const deadline = Date.now() + 20000;
	for (;;) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (ok) break;
		if (Date.now() > deadline || child.exitCode !== null) {
			await stop();
			throw new Error(`queue: redis-server did not start (see ${join(dir, 'redis.log')})`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	log(`queue: Redis on 127.0.0.1:${port}`);
	return { port, stop };
}

/** What main and every worker are started with in queue mode, on top of the usual settings. */
export function queueModeEnv(postgresPort: number, redisPort: number): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgresPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// Workers do not share a disk with main: photos and letters travel in the database.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** PostgreSQL and Redis for queue mode, their data under `stateDir`. */
export async function startQueueServices(stateDir: string, log: Log): Promise<QueueServices> {
	const postgres = await startPostgres(join(stateDir, 'postgres'), log);
	let redis: { port: number; stop: () => Promise<void> };
	try {
		redis = await startRedis(join(stateDir, 'redis'), log);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	return {
		env: queueModeEnv(postgres.port, redis.port),
		stop: async () => {
			await redis.stop();
			await postgres.stop();
		},
	};
}
