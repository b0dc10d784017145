/**
 * Meta's at-least-once delivery: a webhook that is not answered 200 in time (an error status, a
 * refused connection, no answer before the timeout) is delivered again, the same body with the
 * same message id, with growing delays, until it gets a 200 or the schedule runs out. Meta
 * retries for hours to days; the sandbox keeps the same rule on a schedule of seconds.
 */

export interface DeliveryPolicy {
	/** How long one attempt waits for the answer. */
	timeoutMs: number;
	/** The waits before the 2nd, 3rd, … attempt. */
	delaysMs: number[];
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
	timeoutMs: 30_000,
	delaysMs: [1_000, 2_000, 4_000, 8_000, 16_000, 32_000],
};

export interface DeliveryAttempt {
	/** The message id in the body (`entry[].changes[].value.messages[].id`), or '' if none. */
	messageId: string;
	attempt: number;
	webhookStatus: number;
	webhookError?: string;
	at: string;
}

export type Attempt = (
	timeoutMs: number,
) => Promise<{ webhookStatus: number; webhookError?: string }>;

/** The message ids a webhook body carries (Meta may batch several), for the delivery log. */
export function messageIdsOf(rawBody: string): string[] {
	try {
		const body = JSON.parse(rawBody) as {
			entry?: Array<{ changes?: Array<{ value?: { messages?: Array<{ id?: unknown }> } }> }>;
		};
		return (body.entry ?? [])
			.flatMap((e) => e.changes ?? [])
			.flatMap((c) => c.value?.messages ?? [])
			.map((m) => (typeof m.id === 'string' ? m.id : ''))
			.filter(Boolean);
	} catch {
		return [];
	}
}

export class Redelivery {
	private readonly timers = new Set<NodeJS.Timeout>();
	/** Every attempt, newest last (bounded). */
	readonly log: DeliveryAttempt[] = [];
	private stopped = false;

	constructor(public policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY) {}

	/**
	 * The first attempt, answered to the caller; if it was not a 200, the later attempts run in
	 * the background on the policy's schedule.
	 */
	async deliver(rawBody: string, attempt: Attempt, timeoutMs = this.policy.timeoutMs) {
		const messageId = messageIdsOf(rawBody)[0] ?? '';
		const first = await this.record(messageId, 1, attempt, timeoutMs);
		if (first.webhookStatus !== 200) this.retry(messageId, attempt, 0);
		return first.webhookStatus === 200 || this.stopped ? first : { ...first, redelivering: true };
	}

	attemptsFor(messageId: string): DeliveryAttempt[] {
		return this.log.filter((a) => a.messageId === messageId);
	}

	/** No further attempts (the sandbox is stopping). */
	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	private retry(messageId: string, attempt: Attempt, index: number): void {
		const delay = this.policy.delaysMs[index];
		if (delay === undefined || this.stopped) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.record(messageId, index + 2, attempt, this.policy.timeoutMs).then((result) => {
				if (result.webhookStatus !== 200) this.retry(messageId, attempt, index + 1);
			});
		}, delay);
		timer.unref();
		this.timers.add(timer);
	}

	private async record(messageId: string, n: number, attempt: Attempt, timeoutMs: number) {
		const result = await attempt(timeoutMs);
		this.log.push({ messageId, attempt: n, ...result, at: new Date().toISOString() });
		if (this.log.length > 5000) this.log.splice(0, this.log.length - 5000);
		return result;
	}
}
