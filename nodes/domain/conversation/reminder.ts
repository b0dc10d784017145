/**
 * One reminder for a draft that waits: a scheduled run asks, for each stored session, whether a
 * reminder is due. Due once per draft, after half the draft's waiting time (12 h of the default
 * 24) and while Meta still lets the office write freely (inside 24 h of the resident's message).
 */
import type { Catalog } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import { findService } from './flow';
import { copySession, DRAFT_TIMEOUT_HOURS, loadSession, REQUEST_STATES } from './session';
import { say, textReply, textsFor } from './texts';
import type { Session } from './types';

/** Meta's customer-service window: free-form messages only within 24 h of the last inbound. */
const WINDOW_MS = 24 * 3_600_000;

export interface ReminderDecision {
	/** The session to save (marked as reminded), or undefined when nothing is due. */
	session?: Session;
	replies: OutboundReply[];
}

/**
 * The reminder due for a stored session now, if any. `stored` is the session as read from its row
 * (unchecked): anything that is not a resident's session gives none. `lastInboundAt` (the row's
 * column, when kept) is when the resident last wrote: a draft staff reopened for a fix has its
 * `at` from the reopening, while Meta's window counts from the resident's own message.
 */
export function draftReminder(
	stored: Session | null,
	catalog: Catalog,
	now: Date,
	lastInboundAt?: string,
): ReminderDecision {
	const none: ReminderDecision = { replies: [] };
	if (!stored || typeof stored.waId !== 'string' || !stored.waId) return none;
	const session = loadSession(stored, stored.waId, stored.name, now);
	if (!(REQUEST_STATES.has(session.state) || session.fix) || !session.draft) return none;
	if (session.reminded === session.draft) return none;
	const service = findService(catalog, session.service);
	if (!service) return none;
	const hours = Math.max(1, catalog.settings?.draftTimeoutHours ?? DRAFT_TIMEOUT_HOURS);
	const quiet = now.getTime() - Date.parse(session.at);
	if (!(quiet >= (hours * 3_600_000) / 2) || quiet >= hours * 3_600_000 || quiet >= WINDOW_MS)
		return none;
	const inbound = lastInboundAt ? Date.parse(lastInboundAt) : NaN;
	if (now.getTime() - inbound >= WINDOW_MS) return none;
	// Marked on a copy of the row's session: `at` stays the resident's last message.
	const next = copySession(session);
	next.reminded = session.draft;
	const left = Math.max(1, Math.floor((hours * 3_600_000 - quiet) / 3_600_000));
	return {
		session: next,
		replies: [
			textReply(say(textsFor(catalog), 'draft.reminder', { title: service.title, hours: left })),
		],
	};
}
