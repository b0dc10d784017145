/**
 * Shared pieces of the fuzz suite: the fixed seed, the target shape, and generators for the text
 * and JSON an outsider can send (emoji, lone surrogates, NUL, HTML, Object.prototype names).
 * No jest here: `npm run bench -- fuzz` runs the same targets longer.
 */
import fc from 'fast-check';

export const FUZZ_SEED = 20261130;

export interface FuzzTarget<T> {
	name: string;
	/** Cases in `npm test`; the bench multiplies this. */
	runs: number;
	arbitrary: fc.Arbitrary<T>;
	/** Throws when the property fails; otherwise names the outcome (for the bench's counts). */
	check(input: T): string | Promise<string>;
}

export class PropertyFailure extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new PropertyFailure(message);
}

/** Runs a target and counts its outcomes; throws fast-check's report on the first failure. */
export async function runTarget<T>(
	target: FuzzTarget<T>,
	numRuns = target.runs,
	seed = FUZZ_SEED,
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	await fc.assert(
		fc.asyncProperty(target.arbitrary, async (input) => {
			const outcome = await target.check(input);
			counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
		}),
		{ seed, numRuns },
	);
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
