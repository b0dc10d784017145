// Benchmarks measure code as n8n runs it: bundled by esbuild with the loaders of
// scripts/bundle.mjs (tsx's on-the-fly transform adds wrappers that cost ~30 % here).
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** Bundles a module made of `exportLines` (paths from the repository root) and loads it. */
export function loadBundled<T>(exportLines: string[]): { code: T; cleanUp: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'pecelan-bench-'));
	const outfile = join(dir, 'bundle.js');
	buildSync({
		stdin: { contents: exportLines.join('\n'), resolveDir: process.cwd(), loader: 'ts' },
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		loader: { '.hbs': 'text', '.ttf': 'binary', '.png': 'binary' },
		outfile,
		logLevel: 'warning',
	});
	return { code: require(outfile) as T, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}
