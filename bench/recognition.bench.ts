/**
 * Recognition of first messages: the labelled corpus (test/fixtures/first-messages.tsv, written
 * the way residents write) and the held-out one (first-messages-heldout.tsv, never tuned on)
 * replayed through the step function. Prints, for each, the share handled as labelled and the
 * share of non-service messages that wrongly started a service.
 */
import { defaultCatalog } from '../nodes/domain/catalog';
import { firstMessages, score, type Corpus } from '../test/support/firstMessages';

const catalog = defaultCatalog();
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
const names: Record<Corpus, string> = {
	fixture: 'first-messages.tsv',
	heldout: 'first-messages-heldout.tsv (held out)',
};
for (const corpus of ['fixture', 'heldout'] as const) {
	const started = performance.now();
	const result = score(catalog, firstMessages(corpus));
	const ms = performance.now() - started;
	console.log(
		`${names[corpus]}: ${result.total} labelled (${result.total - result.notService} asking for a service)`,
	);
	console.log(
		`  recognised as labelled: ${pct(result.right, result.total)} (${result.right}/${result.total}; goal ≥ 95 %)`,
	);
	console.log(
		`  wrongly started a service: ${pct(result.wronglyStarted, result.notService)} (${result.wronglyStarted} of the ${result.notService} that ask for none; goal ≤ 2 %)`,
	);
	console.log(`  mean first step incl. recognition: ${((ms / result.total) * 1000).toFixed(0)} µs`);
	for (const miss of result.misses)
		console.log(`    miss: "${miss.text}" → ${miss.got} (labelled ${miss.intent})`);
}
