// Runs every benchmark in bench/ (one process each, so they don't warm each other up) and prints their figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
// These start a whole office (n8n, the sandbox; queue mode: PostgreSQL, Redis) and take many
// minutes: they run only when named (`npm run bench -- load`).
const STACK_BENCHES = [
	'approvals.bench.ts',
	'load.bench.ts',
	'intake-nodes.bench.ts',
	'decision-nodes.bench.ts',
];
const files = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => (only ? f.includes(only) : !STACK_BENCHES.includes(f)))
	.sort();
let failed = 0;
for (const file of files) {
	console.log(`\n## ${file}`);
	const run = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
