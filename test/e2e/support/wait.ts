// Polling instead of fixed sleeps: deadlines are generous (a busy CI machine runs a real n8n),
// and a timeout says what was awaited and what was last seen.
export interface WaitOptions {
	timeoutMs?: number;
	intervalMs?: number;
	description?: string;
}

/** Resolves with the first truthy value `condition` returns; rejects after the deadline. */
export async function waitFor<T>(
	condition: () => Promise<T | undefined | null | false> | T | undefined | null | false,
	options: WaitOptions = {},
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 30000;
	const intervalMs = options.intervalMs ?? 250;
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await condition();
			if (value) return value;
			lastError = undefined;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'}${reason}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
