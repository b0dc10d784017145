/**
 * How often a signatory may try the batch-signing form: at most `max` tries in any window of
 * `windowMs`, counted from the times of the earlier tries (kept by the caller). A refused try is
 * not counted, so waiting out the window always opens the form again. Pure.
 */
export interface TryDecision {
	allowed: boolean;
	/** The tries to keep: those still inside the window, with this one when it was allowed. */
	tries: number[];
	/** When the next try is allowed again (refused tries only). */
	retryAt?: Date;
}

export function decideTry(
	earlier: unknown,
	now: Date,
	limits: { max: number; windowMs: number },
): TryDecision {
	const since = now.getTime() - limits.windowMs;
	const recent = (Array.isArray(earlier) ? earlier : [])
		.filter((t): t is number => typeof t === 'number' && Number.isFinite(t))
		.filter((t) => t > since && t <= now.getTime())
		.sort((a, b) => a - b);
	if (recent.length >= limits.max)
		return {
			allowed: false,
			tries: recent,
			retryAt: new Date(recent[recent.length - limits.max] + limits.windowMs),
		};
	return { allowed: true, tries: [...recent, now.getTime()] };
}
