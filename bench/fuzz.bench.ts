/**
 * The fuzz suite of `npm test` (test/fuzz), run longer: each target's corpus (past failures), then
 * 10× its cases (or PECELAN_FUZZ_FACTOR×) from this run's seed (new each run; PECELAN_FUZZ_SEED
 * repeats one) and from a second one. Prints the seeds, cases, cases/s and the count of each
 * outcome; a failure prints its seed and the corpus entry that keeps it. Run: npm run bench -- fuzz
 *
 * Bundled by esbuild with the loaders of scripts/bundle.mjs, since the engine imports templates.
 */

import { loadBundled } from './bundle';
type Targets = typeof import('../test/fuzz/targets/all');

function bundledTargets(): { targets: Targets; cleanUp: () => void } {
	const { code, cleanUp } = loadBundled<Targets>(["export * from './test/fuzz/targets/all';"]);
	return { targets: code, cleanUp };
}

async function main(): Promise<void> {
	const factor = Number(process.env.PECELAN_FUZZ_FACTOR ?? 10);
	const { targets, cleanUp } = bundledTargets();
	let failed = 0;
	try {
		const seeds = [targets.RUN_SEED, (targets.RUN_SEED % (2 ** 31 - 2)) + 1];
		console.log(`seeds ${seeds.join(', ')} (repeat with PECELAN_FUZZ_SEED=${seeds[0]})`);
		for (const target of targets.ALL_TARGETS) {
			for (const [i, seed] of seeds.entries()) {
				const runs = target.runs * (i === 0 ? factor : factor / 2);
				const started = process.hrtime.bigint();
				try {
					const counts = await targets.runTarget(target, runs, seed);
					const seconds = Number(process.hrtime.bigint() - started) / 1e9;
					const outcomes = [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
					console.log(
						`${target.name} (seed ${seed}): ${runs} cases, ${Math.round(runs / seconds)}/s — ${outcomes}`,
					);
				} catch (error) {
					failed++;
					console.log(`${target.name} (seed ${seed}): FAILED\n${(error as Error).message}`);
				}
			}
		}
	} finally {
		cleanUp();
	}
	process.exit(failed ? 1 : 0);
}

void main();
