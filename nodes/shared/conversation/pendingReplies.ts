/**
 * Replies kept with the saved session until they are sent (an outbox of one message).
 *
 * A step's replies are saved in the same row update as its session, as `pendingFor` (the message
 * id) and `pendingReplies` (JSON). Once sent, the workflow clears them, on condition that they are
 * still this message's. If the run dies between the save and the send, WhatsApp delivers the
 * message again; the step recognises it as applied and answers nothing, but the replies still
 * pending for that id are sent then, once.
 *
 * The same message can also arrive twice at once (Meta retries, or batches a duplicate): the
 * second delivery then finds the replies pending while the first run is still sending them. For
 * `PENDING_LEASE_MS` after the save the first run is trusted to send them and the duplicate
 * sends nothing; if that run died, its own delivery was never answered 200, so WhatsApp delivers
 * it again after the lease and the replies leave then.
 */
import type { OutboundReply } from '../messaging/types';
import type { Session, StepResult } from './types';

/** The pending-reply columns of a session row, as stored (empty strings when none). */
export interface PendingReplies {
	pendingFor: string;
	pendingReplies: string;
}

/** How long the run that saved replies is trusted to be sending them. */
export const PENDING_LEASE_MS = 15_000;

/** The stored column: `{ at, replies }` (a bare array, as first stored, counts as old). */
function parsePending(text: string): { at?: number; replies: OutboundReply[] } {
	try {
		const value = JSON.parse(text) as unknown;
		if (Array.isArray(value)) return { replies: value as OutboundReply[] };
		const stored = (value ?? {}) as { at?: unknown; replies?: unknown };
		return {
			at: typeof stored.at === 'string' ? Date.parse(stored.at) : undefined,
			replies: Array.isArray(stored.replies) ? (stored.replies as OutboundReply[]) : [],
		};
	} catch {
		return { replies: [] };
	}
}

/**
 * What a step sends and what the row keeps pending after its save. A message the stored session
 * already holds sends the replies still pending for it (none if they left, or while the run
 * that saved them is within its lease); a message applied now keeps its own replies pending; a
 * step with nothing to say leaves the row's as they were.
 */
export function withPendingReplies(
	stored: Session | null,
	messageId: string,
	result: StepResult,
	loaded: PendingReplies,
	now: Date,
): { replies: OutboundReply[]; pending: PendingReplies } {
	const alreadyApplied =
		!!messageId && Array.isArray(stored?.seen) && stored.seen.includes(messageId);
	if (alreadyApplied) {
		const owed =
			loaded.pendingFor === messageId ? parsePending(loaded.pendingReplies) : { replies: [] };
		const leased = owed.at !== undefined && now.getTime() - owed.at < PENDING_LEASE_MS;
		return { replies: leased ? [] : owed.replies, pending: loaded };
	}
	if (result.replies.length === 0) return { replies: [], pending: loaded };
	return {
		replies: result.replies,
		pending: {
			pendingFor: messageId,
			pendingReplies: JSON.stringify({ at: now.toISOString(), replies: result.replies }),
		},
	};
}
