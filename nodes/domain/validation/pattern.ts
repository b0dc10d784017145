/** An admin's answer pattern from the catalog (`validation.pattern`), compiled once. */
const patternCache = new Map<string, RegExp | null>();

/** The admin's pattern, anchored to the whole answer; null when it does not compile. */
export function compilePattern(pattern: string): RegExp | null {
	if (!patternCache.has(pattern)) {
		let compiled: RegExp | null = null;
		try {
			compiled = new RegExp(`^(?:${pattern})$`);
		} catch {
			compiled = null;
		}
		patternCache.set(pattern, compiled);
	}
	return patternCache.get(pattern) ?? null;
}
