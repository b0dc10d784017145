// Renders one sample letter per service to PDF and PNG pages under docs/letters (small, 70 dpi).
// Usage: node --import tsx scripts/letter-samples.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Templates are text modules, as esbuild's text loader bundles them. Handlebars registers its own
// `.hbs` require hook (compiling templates) when loaded, so it is loaded first and then replaced.
await import('handlebars');
Module._extensions['.hbs'] = (module, filename) => {
	module.exports = readFileSync(filename, 'utf8');
};
const { renderLetter, LETTER_TEMPLATES } = await import('../nodes/domain/letter/index.ts');
const { sampleRequest, heirs } = await import('../test/support/letterSamples.ts');

const out = 'docs/letters';
for (const f of readdirSync(out)) if (f.endsWith('.png')) rmSync(join(out, f));
const work = mkdtempSync(join(tmpdir(), 'letters-'));
try {
	const samples = Object.keys(LETTER_TEMPLATES).map((service) => [service, sampleRequest(service)]);
	// A long inheritance letter: the heirs' table breaks across pages with its header repeated.
	const long = sampleRequest('ahli-waris');
	long.application.data.ahli_waris = heirs(30);
	samples.push(['ahli-waris-30-heirs', long]);
	for (const [service, request] of samples) {
		const letter = await renderLetter(request);
		const pdf = join(work, `${service}.pdf`);
		writeFileSync(pdf, letter.pdf);
		execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', pdf, join(out, service)]);
		console.log(
			`${service}: ${letter.pages} page(s), ${letter.pdf.length} bytes${letter.warnings.length ? `, warnings: ${letter.warnings.join('; ')}` : ''}`,
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
