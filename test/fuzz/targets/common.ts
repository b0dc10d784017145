/**
 * Shared pieces of the fuzz suite: the seeds, the corpus of past failures, the target shape, and
 * generators for the text and JSON an outsider can send (emoji, lone surrogates, NUL, HTML,
 * Object.prototype names). No jest here: `npm run bench -- fuzz` runs the same targets longer.
 *
 * Every run draws a fresh seed (PECELAN_FUZZ_SEED=<n> repeats one) and first replays the corpus:
 * the inputs that once failed (test/fuzz/corpus/<target>.json) and the seeds kept there. A failure
 * names its seed and the input to add to the corpus.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import fc from 'fast-check';

/** The seed every run used before seeds changed per run; kept in each target's corpus. */
export const FUZZ_SEED = 20261130;

/** This run's seed: PECELAN_FUZZ_SEED, or a new one each run. */
export const RUN_SEED = Number(process.env.PECELAN_FUZZ_SEED) || randomInt(1, 2 ** 31 - 1);

/** test/fuzz/corpus (found from the working directory too: the bench runs a bundled copy). */
export const CORPUS_DIR =
	[join(__dirname, '..', 'corpus'), join(process.cwd(), 'test', 'fuzz', 'corpus')].find((dir) =>
		existsSync(dir),
	) ?? join(process.cwd(), 'test', 'fuzz', 'corpus');

export interface FuzzTarget<T> {
	name: string;
	/** Cases in `npm test`; the bench multiplies this. */
	runs: number;
	arbitrary: fc.Arbitrary<T>;
	/** Throws when the property fails; otherwise names the outcome (for the bench's counts). */
	check(input: T): string | Promise<string>;
}

/** Past failures of a target: inputs replayed as they are, seeds run with a tenth of the cases. */
export interface Corpus {
	seeds: number[];
	cases: Array<{ found: string; why: string; input: unknown }>;
}

export class PropertyFailure extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new PropertyFailure(message);
}

/** The corpus file of a target: its name in lower case, words joined by '-'. */
export function corpusFile(target: { name: string }): string {
	const slug = target.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return join(CORPUS_DIR, `${slug}.json`);
}

export function readCorpus(target: { name: string }): Corpus {
	const file = corpusFile(target);
	if (!existsSync(file)) return { seeds: [], cases: [] };
	const corpus = JSON.parse(readFileSync(file, 'utf8')) as Partial<Corpus>;
	return { seeds: corpus.seeds ?? [], cases: corpus.cases ?? [] };
}

/** What a failure prints: the seed to repeat it with and the corpus entry that keeps it. */
function failureReport(target: { name: string }, seed: number, details: fc.RunDetails<unknown>) {
	const input = details.counterexample?.[0];
	const entry = JSON.stringify({
		found: new Date().toISOString().slice(0, 10),
		why: String((details.errorInstance as Error | undefined)?.message ?? '').slice(0, 300),
		input,
	});
	const why = (details.errorInstance as Error | undefined)?.message ?? '';
	return [
		`fuzz target "${target.name}" failed with seed ${seed} (repeat: PECELAN_FUZZ_SEED=${seed}): ${why}`,
		fc.defaultReportMessage(details) ?? '',
		`To keep this case, add to "cases" in ${relative(process.cwd(), corpusFile(target))}:`,
		entry,
	].join('\n');
}

async function runSeed<T>(
	target: FuzzTarget<T>,
	numRuns: number,
	seed: number,
	counts: Map<string, number>,
): Promise<void> {
	const details = await fc.check(
		fc.asyncProperty(target.arbitrary, async (input) => {
			const outcome = await target.check(input);
			counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
		}),
		{ seed, numRuns },
	);
	if (details.failed) throw new PropertyFailure(failureReport(target, seed, details));
}

/**
 * Runs a target and counts its outcomes: the corpus's inputs, then its seeds (a tenth of the
 * cases each), then `seed` (this run's) with `numRuns`. Throws on the first failure, naming the
 * seed and the input.
 */
export async function runTarget<T>(
	target: FuzzTarget<T>,
	numRuns = target.runs,
	seed = RUN_SEED,
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const corpus = readCorpus(target);
	for (const [i, kept] of corpus.cases.entries()) {
		try {
			const outcome = await target.check(kept.input as T);
			counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
		} catch (error) {
			throw new PropertyFailure(
				`fuzz target "${target.name}": corpus case ${i} (found ${kept.found}: ${kept.why}) fails again: ${(error as Error).message}`,
			);
		}
	}
	for (const kept of corpus.seeds)
		await runSeed(target, Math.max(1, Math.ceil(target.runs / 10)), kept, counts);
	await runSeed(target, numRuns, seed, counts);
	return counts;
}

/** Names that find Object.prototype members when used as keys. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

const ODD_CHARS = [
	'\uD83D',
	'\uDE00',
	'😀',
	'👨‍👩‍👧',
	'<',
	'>',
	'&',
	'"',
	"'",
	'\u0000',
	'\n',
	' ',
	'é',
	'\u202E',
];

/** Short text of any code units: emoji, lone surrogates, markup, control characters. */
export const anyText = fc.string({
	unit: fc.oneof(
		{ weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
		{ weight: 1, arbitrary: fc.constantFrom(...ODD_CHARS) },
	),
	maxLength: 40,
});

/** Text up to two thousand units (paragraph-sized answers, long names). */
export const longText = fc
	.tuple(anyText, fc.integer({ min: 1, max: 60 }))
	.map(([text, times]) => (text || 'x').repeat(times).slice(0, 2000));

/** Any JSON value, plus the values that once crashed: huge numbers, numeric strings, hostile names. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
	fc.jsonValue({ maxDepth: 2 }),
	anyText,
	fc.constantFrom(1e16, 1e300, -1, 0, 1.5, '1e+300', '1e16', 'NaN', '', null, true, [], {}),
	fc.constantFrom(...PROTO_NAMES),
	fc
		.constantFrom(...PROTO_NAMES)
		.map((key) => JSON.parse(`{"${key}": {"toString": 1, "valueOf": 1}}`)),
);

/** `weird` or a value from `usual`, mostly the usual one (`odds` to 1). */
export function mostly<T>(usual: fc.Arbitrary<T>, odds = 3): fc.Arbitrary<unknown> {
	return fc.oneof({ weight: odds, arbitrary: usual }, { weight: 1, arbitrary: weird });
}

/** `weird` now and then in a place that shapes the whole body. */
export const rarely = <T>(usual: fc.Arbitrary<T>) => mostly(usual, 15);

/** A record whose keys are optional, except `required` (which are still sometimes weird). */
export function some<T extends Record<string, fc.Arbitrary<unknown>>>(
	model: T,
	required: Array<keyof T> = [],
) {
	return fc.record(model, { requiredKeys: required });
}

/** True when the string has no lone surrogate (is well-formed UTF-16). */
export function wellFormed(text: string): boolean {
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Every string inside a value (replies, items). */
export function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
	return [];
}
