// Runs the long commands of the runtime (npm install, npm rebuild, npm pack) with visible
// progress: every output line goes to the log, and a heartbeat when the command is quiet.
import { spawn } from 'node:child_process';

export type Log = (line: string) => void;

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	log?: Log;
	/** Prefix of forwarded output lines, e.g. `[npm]`. */
	label?: string;
	/** How far the command got, shown in its heartbeat (e.g. packages in place). */
	progress?: () => string;
	/** Seconds of silence before a heartbeat line. */
	heartbeatSeconds?: number;
	/** Keep the output instead of forwarding it (for commands whose output is the result). */
	capture?: boolean;
}

export const defaultLog: Log = (line) => console.log(line);

export async function run(command: string, args: string[], options: RunOptions): Promise<string> {
	const log = options.log ?? defaultLog;
	const label = options.label ?? `[${command}]`;
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let captured = '';
	let tail: string[] = [];
	let lastOutput = Date.now();
	// stderr is never the result, so it is always shown.
	const forward = (chunk: Buffer, isResult: boolean) => {
		lastOutput = Date.now();
		const text = chunk.toString();
		if (isResult) captured += text;
		// Spinners redraw one line with cursor escapes: show each distinct state once.
		// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
		for (const raw of text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '\n').split(/[\r\n]+/)) {
			const line = raw
				.replace(/^[◒◐◓◑]\s+/, '')
				.replace(/\.{1,3}$/, '')
				.trimEnd();
			if (!line.trim() || line === tail[tail.length - 1]) continue;
			tail = [...tail.slice(-19), line];
			if (!isResult) log(`${label} ${line}`);
		}
	};
	child.stdout.on('data', (chunk: Buffer) => forward(chunk, options.capture === true));
	child.stderr.on('data', (chunk: Buffer) => forward(chunk, false));
	const heartbeatMs = (options.heartbeatSeconds ?? 10) * 1000;
	const timer = setInterval(() => {
		if (Date.now() - lastOutput < heartbeatMs) return;
		lastOutput = Date.now();
		const progress = options.progress ? `: ${options.progress()}` : '';
		log(`${label} still running (${Math.round((Date.now() - started) / 1000)} s)${progress}…`);
	}, 1000);
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (exitCode) => resolve(exitCode));
		});
		if (code !== 0) {
			throw new Error(
				`${command} ${args.join(' ')} failed (exit ${code}) in ${options.cwd}:\n${tail.join('\n')}`,
			);
		}
		return captured;
	} finally {
		clearInterval(timer);
	}
}

/** Environment with Node 24 first on PATH and its headers for native rebuilds. */
export function node24Env(
	binDir: string,
	headersDir: string,
	base = process.env,
): NodeJS.ProcessEnv {
	return {
		...base,
		PATH: `${binDir}:${base.PATH ?? ''}`,
		npm_config_nodedir: headersDir,
		npm_config_update_notifier: 'false',
	};
}

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

/** A port free right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
