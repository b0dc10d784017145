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

/**
 * Fonnte's rule: 15 attempts, a minute apart, until one is answered 200. The sandbox keeps the
 * count and the even spacing, on a schedule of seconds.
 */
export const FONNTE_DELIVERY_POLICY: DeliveryPolicy = {
	timeoutMs: 30_000,
	delaysMs: Array.from({ length: 14 }, () => 2_000),
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

/**
 * The message ids a webhook body carries (Meta may batch several; Fonnte names one `inboxid`),
 * for the delivery log.
 */
export function messageIdsOf(rawBody: string): string[] {
	try {
		const body = JSON.parse(rawBody) as {
			entry?: Array<{ changes?: Array<{ value?: { messages?: Array<{ id?: unknown }> } }> }>;
			inboxid?: unknown;
		};
		if (typeof body.inboxid === 'string' && body.inboxid) return [body.inboxid];
		return (body.entry ?? [])
			.flatMap((e) => e.changes ?? [])
			.flatMap((c) => c.value?.messages ?? [])
			.map((m) => (typeof m.id === 'string' ? m.id : ''))
			.filter(Boolean);
	} catch {
		return [];
	}
}

/** How the deliveries went so far: what a long load run prints to show where it is. */
export interface DeliveryTotals {
	attempts: number;
	/** Attempts answered 200. */
	answered: number;
	/** Attempts with no answer: the timeout passed or the connection failed (status 0). */
	unanswered: number;
	/** Attempts answered with another status or refused. */
	failed: number;
	/** Messages waiting for a later attempt now. */
	waiting: number;
}

/** Message ids whose attempts are kept (oldest dropped first); a load run sends a few thousand. */
const KEPT_MESSAGES = 50_000;

export class Redelivery {
	private readonly timers = new Set<NodeJS.Timeout>();
	/** Every attempt, newest last (bounded). */
	readonly log: DeliveryAttempt[] = [];
	/** The attempts of each message id: a message's fate is still known after the log moved on. */
	private readonly byMessage = new Map<string, DeliveryAttempt[]>();
	readonly totals: DeliveryTotals = {
		attempts: 0,
		answered: 0,
		unanswered: 0,
		failed: 0,
		waiting: 0,
	};
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
		return [...(this.byMessage.get(messageId) ?? [])];
	}

	/** No further attempts (the sandbox is stopping). */
	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.totals.waiting -= this.timers.size;
		this.timers.clear();
	}

	private retry(messageId: string, attempt: Attempt, index: number): void {
		const delay = this.policy.delaysMs[index];
		if (delay === undefined || this.stopped) return;
		this.totals.waiting++;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.totals.waiting--;
			void this.record(messageId, index + 2, attempt, this.policy.timeoutMs).then((result) => {
				if (result.webhookStatus !== 200) this.retry(messageId, attempt, index + 1);
			});
		}, delay);
		timer.unref();
		this.timers.add(timer);
	}

	private async record(messageId: string, n: number, attempt: Attempt, timeoutMs: number) {
		const result = await attempt(timeoutMs);
		const entry = { messageId, attempt: n, ...result, at: new Date().toISOString() };
		this.log.push(entry);
		if (this.log.length > 5000) this.log.splice(0, this.log.length - 5000);
		const own = this.byMessage.get(messageId) ?? [];
		if (own.length === 0) this.byMessage.set(messageId, own);
		own.push(entry);
		if (this.byMessage.size > KEPT_MESSAGES)
			this.byMessage.delete(this.byMessage.keys().next().value as string);
		this.totals.attempts++;
		if (result.webhookStatus === 200) this.totals.answered++;
		else if (result.webhookStatus === 0) this.totals.unanswered++;
		else this.totals.failed++;
		return result;
	}
}
