// Renders the monthly indicator report of the test fixture (May 2026) to PNG pages under
// docs/report, for docs/nodes/service-report.md. Usage: node --import tsx scripts/report-sample.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Templates are text modules, as esbuild's text loader bundles them (see letter-samples.mjs).
await import('handlebars');
Module._extensions['.hbs'] = (module, filename) => {
	module.exports = readFileSync(filename, 'utf8');
};
const { monthlyIndicators, renderReport } = await import('../nodes/domain/outcomes/index.ts');
const fixture = await import('../test/support/outcomeFixture.ts');

const work = mkdtempSync(join(tmpdir(), 'report-'));
try {
	const figures = monthlyIndicators({ ...fixture, month: '2026-05' });
	const { pdf, pages } = await renderReport(figures, {});
	const file = join(work, 'report.pdf');
	writeFileSync(file, pdf);
	execFileSync('pdftoppm', ['-r', '70', '-png', file, 'docs/report/report']);
	console.log(`docs/report: ${pages} page(s), ${pdf.length} bytes`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
