/* eslint-disable @typescript-eslint/no-require-imports -- a benchmark script run by tsx (never packed into dist): it prints figures and loads the targets it bundles. */
/**
 * The fuzz suite of `npm test` (test/fuzz), run longer: each target with 10× its cases (or
 * PECELAN_FUZZ_FACTOR×) from the same fixed seed plus one other seed. Prints cases, cases/s and
 * the count of each outcome. Run: npm run bench -- fuzz
 *
 * Bundled by esbuild with the loaders of scripts/bundle.mjs, since the engine imports templates.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

type Targets = typeof import('../test/fuzz/targets/all');

function bundledTargets(): { targets: Targets; cleanUp: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'fuzz-bench-'));
	const outfile = join(dir, 'targets.js');
	buildSync({
		entryPoints: ['test/fuzz/targets/all.ts'],
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		loader: { '.hbs': 'text', '.ttf': 'binary', '.png': 'binary' },
		outfile,
		logLevel: 'warning',
	});
	return {
		targets: require(outfile),
		cleanUp: () => rmSync(dir, { recursive: true, force: true }),
	};
}

async function main(): Promise<void> {
	const factor = Number(process.env.PECELAN_FUZZ_FACTOR ?? 10);
	const { targets, cleanUp } = bundledTargets();
	let failed = 0;
	try {
		for (const target of targets.ALL_TARGETS) {
			for (const seed of [targets.FUZZ_SEED, targets.FUZZ_SEED + 1]) {
				const runs = target.runs * (seed === targets.FUZZ_SEED ? factor : factor / 2);
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
