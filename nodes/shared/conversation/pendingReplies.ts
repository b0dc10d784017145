/**
 * Replies kept with the saved session until they are sent (an outbox of one message).
 *
 * A step's replies are saved in the same row update as its session, as `pendingFor` (the message
 * id) and `pendingReplies` (JSON). Once sent, the workflow clears them, on condition that they are
 * still this message's. If the run dies between the save and the send, WhatsApp delivers the
 * message again; the step recognises it as applied and answers nothing, but the replies still
 * pending for that id are sent then, once.
 */
import type { OutboundReply } from '../messaging/types';
import type { Session, StepResult } from './types';

/** The pending-reply columns of a session row, as stored (empty strings when none). */
export interface PendingReplies {
	pendingFor: string;
	pendingReplies: string;
}

function parseReplies(text: string): OutboundReply[] {
	try {
		const replies = JSON.parse(text) as unknown;
		return Array.isArray(replies) ? (replies as OutboundReply[]) : [];
	} catch {
		return [];
	}
}

/**
 * What a step sends and what the row keeps pending after its save. A message the stored session
 * already holds sends the replies still pending for it (none if they left); a message applied
 * now keeps its own replies pending; a step with nothing to say leaves the row's as they were.
 */
export function withPendingReplies(
	stored: Session | null,
	messageId: string,
	result: StepResult,
	loaded: PendingReplies,
): { replies: OutboundReply[]; pending: PendingReplies } {
	const alreadyApplied =
		!!messageId && Array.isArray(stored?.seen) && stored.seen.includes(messageId);
	if (alreadyApplied) {
		const owed = loaded.pendingFor === messageId ? parseReplies(loaded.pendingReplies) : [];
		return { replies: owed, pending: loaded };
	}
	if (result.replies.length === 0) return { replies: [], pending: loaded };
	return {
		replies: result.replies,
		pending: { pendingFor: messageId, pendingReplies: JSON.stringify(result.replies) },
	};
}
