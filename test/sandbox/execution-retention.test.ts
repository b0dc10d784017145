// Failed runs keep personal data (messages, NIKs, photos, letters) for less than three days: the
// runtime starts n8n, main and workers, default and queue mode, with n8n's pruning settings set so,
// whatever else it is given. A stand-in for n8n's entry point records the environment it gets.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { N8nRuntime } from '../../sandbox/runtime/install';
import {
	EXECUTION_RETENTION_ENV,
	longestExecutionLifetimeHours,
	startN8n,
	type N8nInstance,
} from '../../sandbox/runtime/n8n';
import { queueModeEnv } from '../../sandbox/runtime/queue';

jest.setTimeout(60_000);

/** Writes its environment to <user folder>/<main|worker>-env.json and answers readiness. */
const FAKE_N8N = `
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const role = process.argv.includes('worker') ? 'worker' : 'main';
writeFileSync(join(process.env.N8N_USER_FOLDER, role + '-env.json'), JSON.stringify(process.env));
require('node:http')
	.createServer((req, res) => res.end('ok'))
	.listen(Number(process.env.N8N_PORT), '127.0.0.1');
`;

let root: string;
let runtime: N8nRuntime;
const started: N8nInstance[] = [];

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'pecelan-retention-'));
	const modulesDir = join(root, 'node_modules');
	const entry = join(modulesDir, 'n8n', 'bin', 'n8n');
	mkdirSync(dirname(entry), { recursive: true });
	writeFileSync(join(modulesDir, 'n8n', 'package.json'), '{"name":"n8n"}');
	writeFileSync(entry, FAKE_N8N);
	mkdirSync(join(modulesDir, 'bcryptjs'));
	writeFileSync(join(modulesDir, 'bcryptjs', 'index.js'), 'exports.hashSync = () => "hash";');
	runtime = {
		version: 'stand-in',
		dir: root,
		entry,
		modulesDir,
		node: {
			version: process.version,
			bin: process.execPath,
			binDir: dirname(process.execPath),
			headersDir: '',
		},
	};
});

afterAll(async () => {
	await Promise.all(started.map((n) => n.stop()));
	rmSync(root, { recursive: true, force: true });
});

async function envOf(
	folder: string,
	role: 'main' | 'worker',
	extraEnv: Record<string, string>,
): Promise<Record<string, string>> {
	const userFolder = join(root, folder);
	const n8n = await startN8n({
		runtime,
		userFolder,
		role,
		extraEnv,
		log: () => undefined,
		readyTimeoutMs: 30_000,
	});
	started.push(n8n);
	return JSON.parse(readFileSync(join(userFolder, `${role}-env.json`), 'utf8'));
}

const PRUNING = {
	EXECUTIONS_DATA_PRUNE: 'true',
	EXECUTIONS_DATA_MAX_AGE: '69',
	EXECUTIONS_DATA_PRUNE_SOFT_DELETE_INTERVAL: '30',
	EXECUTIONS_DATA_HARD_DELETE_BUFFER: '1',
	EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '15',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
	EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
};

describe('n8n is started with a retention for failed runs of less than 72 hours', () => {
	it('in the default mode', async () => {
		const env = await envOf('default', 'main', { N8N_CONCURRENCY_PRODUCTION_LIMIT: '8' });
		expect(env).toMatchObject(PRUNING);
		expect(longestExecutionLifetimeHours(env)).toBeLessThanOrEqual(72);
	});

	it('in queue mode, main and worker alike', async () => {
		for (const role of ['main', 'worker'] as const) {
			const env = await envOf(`queue-${role}`, role, queueModeEnv(5432, 6379));
			expect(env).toMatchObject({ ...PRUNING, EXECUTIONS_MODE: 'queue' });
			expect(longestExecutionLifetimeHours(env)).toBeLessThanOrEqual(72);
		}
	});

	it('even when the caller passes a longer one', async () => {
		const env = await envOf('override', 'main', {
			EXECUTIONS_DATA_MAX_AGE: '336',
			EXECUTIONS_DATA_PRUNE: 'false',
		});
		expect(env).toMatchObject(PRUNING);
	});
});

describe('the longest a failed run stays', () => {
	it('is the age, the soft-delete check, the hard-delete buffer and its check added up', () => {
		expect(longestExecutionLifetimeHours(EXECUTION_RETENTION_ENV)).toBe(69 + 0.5 + 1 + 0.25);
		// n8n 2.41's defaults: two weeks and more.
		expect(longestExecutionLifetimeHours({ EXECUTIONS_DATA_PRUNE: 'true' })).toBe(
			336 + 1 + 1 + 0.25,
		);
		expect(longestExecutionLifetimeHours({ EXECUTIONS_DATA_PRUNE: 'false' })).toBeNull();
	});
});
