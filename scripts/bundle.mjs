// Bundles each node listed in package.json's n8n section with the libraries it uses
// (handlebars, pdf-lib, fonts, QR encoder) into one file in dist, replacing tsc's output.
// n8n community packages may have no runtime dependencies; n8n-workflow is the peer dependency.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = pkg.n8n.nodes.map((out) => ({
	out,
	source: out.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
}));

const missing = entries.filter((e) => !existsSync(e.source));
if (missing.length) {
	console.error(`bundle: sources missing for ${missing.map((e) => e.source).join(', ')}`);
	process.exit(1);
}

await Promise.all(
	entries.map((e) =>
		build({
			entryPoints: [e.source],
			outfile: e.out,
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			external: ['n8n-workflow'],
			loader: { '.hbs': 'text', '.ttf': 'binary', '.png': 'binary' },
			sourcemap: false,
			legalComments: 'external',
			logLevel: 'warning',
		}),
	),
);

// The OCR worker thread of Service Desk's Read KTP Photo: tesseract.js's worker, Tesseract's
// LSTM engine (SIMD WebAssembly) and the Indonesian language data (@tesseract.js-data/ind, integer
// LSTM model) in one file beside the node's bundle; it reads no file and fetches nothing.
await build({
	entryPoints: ['nodes/ServiceDesk/ocr/ocrWorker.ts'],
	outfile: 'dist/nodes/ServiceDesk/ocrWorker.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	loader: { '.gz': 'binary' },
	sourcemap: false,
	legalComments: 'external',
	logLevel: 'warning',
});
// Tesseract and tesseract.js are Apache-2.0 (the language data package is MIT).
copyFileSync('node_modules/tesseract.js-core/LICENSE', 'dist/nodes/ServiceDesk/LICENSE-tesseract.txt');

// What n8n loads is the bundles, the credentials, the icons and the codex files: drop tsc's
// per-module output (now inside the bundles), its maps and declarations, and the screenshots the
// static-file copy of `n8n-node build` picked up.
for (const dir of [
	'dist/docs',
	'dist/sandbox',
	'dist/test',
	'dist/bench',
	'dist/templates',
	'dist/nodes/domain',
	'dist/workflows',
])
	rmSync(dir, { recursive: true, force: true });
// The fonts embedded in the letter bundles travel with their licence.
for (const e of entries)
	if (/LetterPdf|ServiceReport/.test(e.out))
		copyFileSync('templates/fonts/LICENSE-DejaVu.txt', join(dirname(e.out), 'LICENSE-DejaVu.txt'));
rmSync('dist/tsconfig.tsbuildinfo', { force: true });
const keep = new Set(entries.map((e) => e.out));
for (const file of readdirSync('dist', { recursive: true }).map((f) => join('dist', String(f)))) {
	const isModule =
		file.endsWith('.js') &&
		file.startsWith('dist/nodes/') &&
		!keep.has(file) &&
		file !== 'dist/nodes/ServiceDesk/ocrWorker.js';
	if (file.endsWith('.map') || file.endsWith('.d.ts') || isModule) rmSync(file, { force: true });
}
console.log(`bundle: ${entries.length} node(s) bundled`);
