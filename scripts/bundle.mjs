// Bundles each node listed in package.json's n8n section with the libraries it uses
// (handlebars, pdf-lib, fonts, QR encoder) into one file in dist, replacing tsc's output.
// n8n community packages may have no runtime dependencies; n8n-workflow is the peer dependency.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';

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

// The static-file copy of `n8n-node build` also picks up README screenshots; the package needs none.
for (const dir of ['dist/docs', 'dist/sandbox', 'dist/test', 'dist/bench']) rmSync(dir, { recursive: true, force: true });
console.log(`bundle: ${entries.length} node(s) bundled`);
