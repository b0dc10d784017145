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
const { loadSigner, signPdf } = await import('../nodes/domain/signing/index.ts');
const { officeP12, PASSWORD } = await import('../test/support/signingFixtures.ts');
const signer = loadSigner(officeP12(), PASSWORD);
const TWO_LINE_ADDRESS =
	'Jl. Pahlawan No. 123 Kelurahan Oro-Oro Ombo, Madiun 63117 · Telepon (0351) 123456 · Faksimile (0351) 654321 · Surel kelurahan.oroorombo@madiunkota.go.id';

const out = 'docs/letters';
for (const f of readdirSync(out)) if (f.endsWith('.png')) rmSync(join(out, f));
const work = mkdtempSync(join(tmpdir(), 'letters-'));
try {
	const samples = Object.keys(LETTER_TEMPLATES).map((service) => [service, sampleRequest(service)]);
	// A long inheritance letter: the heirs' table breaks across pages with its header repeated.
	const long = sampleRequest('ahli-waris');
	long.application.data.ahli_waris = heirs(30);
	samples.push(['ahli-waris-30-heirs', long]);
	// The heirs' statement's second step, once staff recorded the registration: registered and
	// e-signed (the plain sample above is the draft the heirs sign in front of the Lurah).
	const registered = sampleRequest('ahli-waris');
	registered.application.letter = {
		...registered.application.letter,
		register: { number: '474.3/017/401.301.3/2026', date: '2026-05-12' },
	};
	samples.push(['ahli-waris-registered-signed', registered, true]);
	// Signed (office certificate made here), to show the mark in the signature space.
	const a4 = sampleRequest('sktm', { paper: 'A4' });
	const f4 = sampleRequest('sktm', { paper: 'F4' });
	f4.letterhead = { ...f4.letterhead, address: TWO_LINE_ADDRESS };
	samples.push(['sktm-a4-signed', a4, true], ['sktm-f4-two-line-kop-signed', f4, true]);
	for (const [service, request, signed] of samples) {
		const letter = await renderLetter(request);
		const pdf = join(work, `${service}.pdf`);
		const bytes = signed
			? (
					await signPdf(letter.pdf, signer, {
						signingTime: new Date('2026-05-05T03:00:00Z'),
						visible: { qrText: request.verificationUrl },
					})
				).pdf
			: letter.pdf;
		writeFileSync(pdf, bytes);
		execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', pdf, join(out, service)]);
		console.log(
			`${service}: ${letter.pages} page(s), ${letter.pdf.length} bytes${letter.warnings.length ? `, warnings: ${letter.warnings.join('; ')}` : ''}`,
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
