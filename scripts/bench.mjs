// Runs every benchmark in bench/ (one process each, so they don't warm each other up) and prints their figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
	.sort();
let failed = 0;
for (const file of files) {
	console.log(`\n## ${file}`);
	const run = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
