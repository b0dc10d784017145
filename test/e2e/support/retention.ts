// How the running n8n itself reads its pruning settings: its own configuration loader
// (@n8n/config), run with the environment the process was started with.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PruningAsRead {
	mode: string;
	pruneData: boolean;
	pruneDataMaxAge: number;
	pruneDataHardDeleteBuffer: number;
	pruneDataIntervals: { softDelete: number; hardDelete: number };
	saveDataOnError: string;
	saveDataOnSuccess: string;
}

const READ_CONFIG = `
require('reflect-metadata');
const { Container } = require('@n8n/di');
const { GlobalConfig } = require('@n8n/config');
const e = Container.get(GlobalConfig).executions;
process.stdout.write(JSON.stringify({
	mode: e.mode,
	pruneData: e.pruneData,
	pruneDataMaxAge: e.pruneDataMaxAge,
	pruneDataHardDeleteBuffer: e.pruneDataHardDeleteBuffer,
	pruneDataIntervals: e.pruneDataIntervals,
	saveDataOnError: e.saveDataOnError,
	saveDataOnSuccess: e.saveDataOnSuccess,
}));
`;

/** The executions settings n8n process `pid` runs with, as n8n's own loader reads them. */
export function pruningOf(pid: number): PruningAsRead {
	const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
	const env = Object.fromEntries(
		environ.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
	// node <…/node_modules/n8n/bin/n8n> start|worker
	const [node, entry] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	const modules = dirname(dirname(dirname(entry)));
	const run = spawnSync(node, ['-e', READ_CONFIG], {
		cwd: dirname(modules),
		env,
		encoding: 'utf8',
	});
	if (run.status !== 0) throw new Error(`reading n8n's configuration failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as PruningAsRead;
}
