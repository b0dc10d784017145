/**
 * Sending at a human pace on a QR-linked number: a number that sends many messages in a second
 * gets banned by WhatsApp. Every send through one Fonnte device (one office number) takes the
 * next free slot of that number's queue: the first at once, each next one a delay plus a random
 * jitter after the one before, in the order they asked. A burst of 30 approvals therefore leaves
 * one message every few seconds instead of 30 in one second. The Fonnte API credential sets the
 * pace (default 5 s, Fonnte's own spacing between contacts, plus up to 2 s at random).
 *
 * The queue is kept by the process that sends; the wait happens inside the node's run, so
 * nothing is held after a run ends and a stopped worker loses no message (its items fail or were
 * sent). In queue mode each worker paces its own sends: see docs/nodes for the setting to use
 * with several workers.
 */
import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

export interface SendPace {
	delayMs: number;
	jitterMs: number;
}

/** The pace a credential asks for: seconds as typed, negative or unreadable values as 0. */
export function paceOf(delaySeconds: unknown, jitterSeconds: unknown): SendPace {
	const ms = (value: unknown) => {
		const n = Number(value ?? 0);
		return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : 0;
	};
	return { delayMs: ms(delaySeconds), jitterMs: ms(jitterSeconds) };
}

/** When each number's next message may leave (epoch ms), by a hash of its device token. */
const nextSlot = new Map<string, number>();

/** The queue's key for a device token (the token itself is not kept). */
export function numberKey(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 24);
}

/**
 * Takes the number's next slot and returns how long to wait for it (ms). `random` in [0, 1).
 * Pure apart from the queue itself, so tests can drive the clock.
 */
export function takeSlot(
	key: string,
	pace: SendPace,
	now: number,
	random: () => number = Math.random,
): number {
	const slot = Math.max(now, nextSlot.get(key) ?? 0);
	const gap = pace.delayMs + Math.floor(random() * pace.jitterMs);
	nextSlot.set(key, slot + gap);
	// A queue left idle is forgotten, so the map does not grow with numbers seen once.
	if (nextSlot.size > 1000)
		for (const [k, at] of nextSlot) if (at < now && k !== key) nextSlot.delete(k);
	return slot - now;
}

/** Waits for the number's next slot (no wait when the pace is zero or the queue idle). */
export async function waitForSlot(key: string, pace: SendPace): Promise<number> {
	if (pace.delayMs <= 0 && pace.jitterMs <= 0) return 0;
	const wait = takeSlot(key, pace, Date.now());
	if (wait > 0) await sleep(wait);
	return wait;
}

/** Forgets every queue (tests). */
export function resetSendQueues(): void {
	nextSlot.clear();
}
