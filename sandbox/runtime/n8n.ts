// Starts the pinned n8n quietly and offline (see shared/N8N-RUNTIME.md), in its own process
// group so that stop() ends n8n and its task runner together.
import { ChildProcess, spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { N8nRuntime } from './install';
import { defaultLog, freePort, Log } from './run';
import { alive, groupMembers, rssOf, stopProcessGroup } from './process-group';
import { loadOrCreateSecrets, OwnerLogin } from './secrets';

export interface StartN8nOptions {
	runtime: N8nRuntime;
	userFolder: string;
	/** 0 or absent: a free port. */
	port?: number;
	/** The task runners' broker port (n8n's default 5679 clashes with a second n8n). */
	brokerPort?: number;
	/** The sandbox's CONNECT proxy; every outside request of n8n goes there. */
	proxyUrl?: string;
	/** The sandbox's CA, trusted by n8n for the hosts the sandbox stands in for. */
	caCertPath?: string;
	extraEnv?: Record<string, string>;
	/** Save successful executions (the e2e tests read them); otherwise only failures are kept. */
	keepSuccessfulExecutions?: boolean;
	log?: Log;
	readyTimeoutMs?: number;
	/** Queue mode: `worker` runs a worker (jobs from Redis) instead of the main process. */
	role?: 'main' | 'worker';
	/** A worker's name, for its log and pid files (`worker-1.log`); several share the folder. */
	name?: string;
	/** Jobs a worker runs at once. */
	workerConcurrency?: number;
}

export interface N8nInstance {
	url: string;
	port: number;
	userFolder: string;
	logFile: string;
	owner: OwnerLogin;
	process: ChildProcess;
	/** Resident memory of n8n and its task runner, in bytes. */
	rssBytes(): number;
	stop(): Promise<void>;
}

const PID_FILE = 'n8n.pid';

/**
 * How long n8n keeps a saved (failed) run with its data: messages, NIKs, photos, letters. n8n marks
 * runs older than EXECUTIONS_DATA_MAX_AGE hours deleted (checked every ..._SOFT_DELETE_INTERVAL
 * minutes) and erases them with their binary data ..._HARD_DELETE_BUFFER hours later (checked
 * every ..._HARD_DELETE_INTERVAL minutes). Kept 69 hours (a failure on Friday evening is still
 * there on Monday morning), gone within 69 h + 30 min + 1 h + 15 min < 72 h. Main and workers,
 * default and queue mode, get the same; nothing overrides it. Names as n8n 2.41 reads them
 * (@n8n/config, ExecutionsConfig).
 */
export const EXECUTION_RETENTION_ENV = {
	EXECUTIONS_DATA_PRUNE: 'true',
	EXECUTIONS_DATA_MAX_AGE: '69',
	EXECUTIONS_DATA_PRUNE_SOFT_DELETE_INTERVAL: '30',
	EXECUTIONS_DATA_HARD_DELETE_BUFFER: '1',
	EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '15',
	EXECUTIONS_DATA_PRUNE_MAX_COUNT: '10000',
} as const;

/** The longest a run's data can stay under these settings, in hours (null: never pruned). */
export function longestExecutionLifetimeHours(
	env: Record<string, string | undefined>,
): number | null {
	if (env.EXECUTIONS_DATA_PRUNE !== 'true') return null;
	const n = (name: string, fallback: number) => Number(env[name] ?? fallback);
	return (
		n('EXECUTIONS_DATA_MAX_AGE', 336) +
		n('EXECUTIONS_DATA_PRUNE_SOFT_DELETE_INTERVAL', 60) / 60 +
		n('EXECUTIONS_DATA_HARD_DELETE_BUFFER', 1) +
		n('EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL', 15) / 60
	);
}

function quietOfflineEnv(
	port: number,
	brokerPort: number,
	userFolder: string,
	keepSuccessfulExecutions = false,
): Record<string, string> {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// The MCP registry module fetches a remote registry at start-up.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		// Set explicitly where n8n warns that a default will change.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		// Executions carry personal data (messages, NIKs, the requests sheet): successes are not
		// saved (the ready workflows say so too), failures are kept to debug for less than three
		// days (EXECUTION_RETENTION_ENV, set last below). The e2e stack keeps successes: its tests
		// read them through the public API.
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: keepSuccessfulExecutions ? 'all' : 'none',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
		GENERIC_TIMEZONE: 'Asia/Jakarta',
		// n8n evaluates expressions in isolates from a pool of warm ones (1 by default). A community
		// trigger (ours) takes one for the webhook phase, so the run that follows found the pool
		// empty and built a fresh isolate: ~100 ms on every message. Two keep one warm for the run.
		N8N_EXPRESSION_ENGINE_POOL_SIZE: '2',
		// N8N_CONCURRENCY_PRODUCTION_LIMIT is no correctness requirement: a resident's messages may
		// run at the same time; the intake saves each session on condition of its version and takes
		// the step again if not. (The default mode caps it for SQLite's sake: see stack.ts.)
		N8N_LOG_LEVEL: 'warn',
	};
}

/**
 * An n8n left running by an earlier run that died holds the port and the database: stop it.
 * One whose starter still runs belongs to another `npm start` on the same folder: refuse.
 */
export async function claimUserFolder(
	userFolder: string,
	entry: string,
	log: Log,
	pidName = PID_FILE,
): Promise<void> {
	const pidFile = join(userFolder, pidName);
	if (!existsSync(pidFile)) return;
	const [pid, owner] = readFileSync(pidFile, 'utf8').split(/\s+/).map(Number);
	let cmdline = '';
	try {
		cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		// Not running any more.
	}
	if (pid > 0 && cmdline.includes(entry)) {
		if (owner > 0 && owner !== process.pid && alive(owner)) {
			throw new Error(
				`another process (pid ${owner}) is running n8n (pid ${pid}) on ${userFolder}; stop it first`,
			);
		}
		log(`n8n: stopping the n8n left running by an earlier run (pid ${pid})`);
		await stopProcessGroup(pid);
	}
	rmSync(pidFile, { force: true });
}

function logTail(file: string, lines = 40): string {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const log = options.log ?? defaultLog;
	const { runtime, userFolder } = options;
	const worker = options.role === 'worker';
	const name = worker ? (options.name ?? 'worker') : 'n8n';
	const pidFile = `${name}.pid`;
	mkdirSync(userFolder, { recursive: true });
	await claimUserFolder(userFolder, runtime.entry, log, pidFile);
	const secrets = loadOrCreateSecrets(userFolder, runtime.modulesDir);
	const port = options.port || (await freePort());
	const brokerPort = options.brokerPort || (await freePort());
	const url = `http://127.0.0.1:${port}`;

	// Inherited NODE_ENV=test (jest) makes n8n exit silently; NODE_OPTIONS may carry tsx's loader.
	const inherited = { ...process.env };
	for (const name of ['NODE_ENV', 'NODE_OPTIONS', 'JEST_WORKER_ID']) delete inherited[name];
	const env: NodeJS.ProcessEnv = {
		...inherited,
		PATH: `${runtime.node.binDir}:${process.env.PATH ?? ''}`,
		...quietOfflineEnv(port, brokerPort, userFolder, options.keepSuccessfulExecutions),
		N8N_ENCRYPTION_KEY: secrets.encryptionKey,
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: secrets.owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: secrets.owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: secrets.owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: secrets.owner.passwordHash,
		NO_PROXY: '127.0.0.1,localhost,::1',
		no_proxy: '127.0.0.1,localhost,::1',
		// A worker answers readiness on its own port (same path as main).
		...(worker
			? {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}
			: {}),
		...options.extraEnv,
		...EXECUTION_RETENTION_ENV,
	};
	if (options.proxyUrl) {
		for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy']) {
			env[name] = options.proxyUrl;
		}
	}
	if (options.caCertPath) env.NODE_EXTRA_CA_CERTS = options.caCertPath;

	const logFile = join(userFolder, `${name}.log`);
	const out = openSync(logFile, 'a');
	const command = worker
		? ['worker', `--concurrency=${options.workerConcurrency ?? 10}`]
		: ['start'];
	const child = spawn(runtime.node.bin, [runtime.entry, ...command], {
		cwd: userFolder,
		env,
		detached: true,
		stdio: ['ignore', out, out],
	});
	closeSync(out);
	const pgid = child.pid as number;
	writeFileSync(join(userFolder, pidFile), `${pgid} ${process.pid}`);
	// Last resort if this process ends without stop(): never leave n8n behind.
	const onExit = () => {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	};
	process.on('exit', onExit);
	let exited = false;
	child.on('exit', () => (exited = true));

	const stop = async () => {
		await stopProcessGroup(pgid);
		process.off('exit', onExit);
		rmSync(join(userFolder, pidFile), { force: true });
	};

	log(`n8n: starting ${runtime.version}${worker ? ` ${name}` : ''} on ${url} (log: ${logFile})`);
	const deadline = Date.now() + (options.readyTimeoutMs ?? 180000);
	for (;;) {
		if (exited) {
			await stop();
			throw new Error(
				`n8n exited before it was ready. Last lines of ${logFile}:\n${logTail(logFile)}`,
			);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`n8n was not ready after ${options.readyTimeoutMs ?? 180000} ms:\n${logTail(logFile)}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		url,
		port,
		userFolder,
		logFile,
		owner: secrets.owner,
		process: child,
		rssBytes: () => groupMembers(pgid).reduce((sum, pid) => sum + rssOf(pid), 0),
		stop,
	};
}
