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
 * `PENDING_LEASE_MS` after the save the first run is trusted to send them: the duplicate saves
 * nothing, sends nothing, and is not answered 200 (`sendingElsewhere`), so if that run died
 * WhatsApp delivers the message again, and after the lease the replies leave then.
 *
 * A status question is owed the same way: its answer is read from the sheet after the save, so
 * the question itself (`status`) is kept pending until the answer has left, and a redelivery
 * asks the sheet again.
 */
import type { OutboundReply } from '../messaging/types';
import type { DeskEvent, Session, StepResult } from './types';

export type StatusQuestion = Extract<DeskEvent, { type: 'status_requested' }>;

/** The pending-reply columns of a session row, as stored (empty strings when none). */
export interface PendingReplies {
	pendingFor: string;
	pendingReplies: string;
}

/** How long the run that saved replies is trusted to be sending them. */
export const PENDING_LEASE_MS = 15_000;

interface Owed {
	at?: number;
	replies: OutboundReply[];
	status?: StatusQuestion;
}

/** The stored column: `{ at, replies, status? }` (a bare array, as first stored, counts as old). */
function parsePending(text: string): Owed {
	try {
		const value = JSON.parse(text) as unknown;
		if (Array.isArray(value)) return { replies: value as OutboundReply[] };
		const stored = (value ?? {}) as { at?: unknown; replies?: unknown; status?: unknown };
		const status = stored.status as StatusQuestion | undefined;
		return {
			at: typeof stored.at === 'string' ? Date.parse(stored.at) : undefined,
			replies: Array.isArray(stored.replies) ? (stored.replies as OutboundReply[]) : [],
			...(status?.type === 'status_requested' ? { status } : {}),
		};
	} catch {
		return { replies: [] };
	}
}

/**
 * What a step sends (its replies, and a status question to answer) and what the row keeps
 * pending after its save. A message the stored session already holds sends what is still owed
 * for it (nothing if it left, or while the run that saved it is within its lease); a message
 * applied now keeps its own pending; a step with nothing to send leaves the row's as they were.
 */
export function withPendingReplies(
	stored: Session | null,
	messageId: string,
	result: StepResult,
	loaded: PendingReplies,
	now: Date,
): {
	replies: OutboundReply[];
	status?: StatusQuestion;
	pending: PendingReplies;
	/** Owed, but within the lease of the run that saved it: that run is still sending it. */
	sendingElsewhere?: boolean;
} {
	const alreadyApplied =
		!!messageId && Array.isArray(stored?.seen) && stored.seen.includes(messageId);
	if (alreadyApplied) {
		const owed: Owed =
			loaded.pendingFor === messageId ? parsePending(loaded.pendingReplies) : { replies: [] };
		const leased = owed.at !== undefined && now.getTime() - owed.at < PENDING_LEASE_MS;
		if (leased) {
			const owing = owed.replies.length > 0 || owed.status !== undefined;
			return { replies: [], pending: loaded, ...(owing ? { sendingElsewhere: true } : {}) };
		}
		return { replies: owed.replies, status: owed.status, pending: loaded };
	}
	const status = result.events.find((e): e is StatusQuestion => e.type === 'status_requested');
	if (result.replies.length === 0 && !status) return { replies: [], pending: loaded };
	const owed = { at: now.toISOString(), replies: result.replies, ...(status ? { status } : {}) };
	return {
		replies: result.replies,
		status,
		pending: { pendingFor: messageId, pendingReplies: JSON.stringify(owed) },
	};
}
