/**
 * The stored session: created, checked when loaded (anything unknown or corrupt starts afresh)
 * and copied before a step changes it, so the caller's object is never mutated.
 */
import type { InboundMessage } from '../messaging/types';
import type { Session, SessionState } from './types';

/** Message ids kept for de-duplication, and back steps kept for `kembali`. */
export const SEEN_LIMIT = 20;
export const HISTORY_LIMIT = 30;

const STATES = new Set<SessionState>([
	'idle',
	'menu',
	'services',
	'requirements',
	'reuse',
	'field',
	'record_more',
	'document',
	'summary',
	'change',
	'handoff_ask',
	'handoff',
]);

/** States in which a request is half-filled (cancelling it emits `cancelled`). */
export const REQUEST_STATES = new Set<SessionState>([
	'reuse',
	'field',
	'record_more',
	'document',
	'summary',
	'change',
]);

export function newSession(waId: string, name: string, now: Date): Session {
	return {
		v: 1,
		waId,
		name,
		state: 'idle',
		at: now.toISOString(),
		seen: [],
		values: {},
		docs: {},
		history: [],
	};
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** A usable session for this sender, or a new one when `raw` is missing, foreign or malformed. */
export function loadSession(raw: unknown, waId: string, name: string, now: Date): Session {
	if (
		!isObject(raw) ||
		raw.v !== 1 ||
		raw.waId !== waId ||
		!STATES.has(raw.state as SessionState) ||
		typeof raw.at !== 'string' ||
		Number.isNaN(Date.parse(raw.at)) ||
		!Array.isArray(raw.seen) ||
		!isObject(raw.values) ||
		!isObject(raw.docs) ||
		!Array.isArray(raw.history) ||
		(raw.edit !== undefined && !Array.isArray(raw.edit)) ||
		(raw.pos !== undefined && !isObject(raw.pos))
	) {
		const fresh = newSession(waId, name, now);
		// Keep what a returning resident benefits from, when it looks sane.
		if (isObject(raw) && raw.waId === waId) {
			if (isObject(raw.remembered)) fresh.remembered = raw.remembered;
			if (typeof raw.lastTicket === 'string') fresh.lastTicket = raw.lastTicket;
		}
		return fresh;
	}
	return copySession(raw as unknown as Session);
}

/** Copy deep enough that the step can change the session without touching its input. */
export function copySession(s: Session): Session {
	return {
		...s,
		seen: s.seen.slice(),
		values: { ...s.values },
		docs: { ...s.docs },
		history: s.history.slice(),
		...(s.edit ? { edit: s.edit.slice() } : {}),
		...(s.pos ? { pos: { ...s.pos } } : {}),
	};
}

/** Back to the idle state, keeping only what outlives a request. */
export function clearRequest(s: Session): void {
	s.state = 'idle';
	s.values = {};
	s.docs = {};
	s.history = [];
	delete s.service;
	delete s.mode;
	delete s.pos;
	delete s.reused;
	delete s.edit;
	delete s.fix;
	delete s.handoffUntil;
}

export function markSeen(s: Session, messageId: string): void {
	if (!messageId) return;
	s.seen.push(messageId);
	if (s.seen.length > SEEN_LIMIT) s.seen.splice(0, s.seen.length - SEEN_LIMIT);
}

export function pushHistory(s: Session): void {
	s.history.push({
		state: s.state,
		...(s.pos ? { pos: { ...s.pos } } : {}),
		...(s.edit ? { edit: s.edit.slice() } : {}),
	});
	if (s.history.length > HISTORY_LIMIT) s.history.splice(0, s.history.length - HISTORY_LIMIT);
}

export function isInbound(x: unknown): x is InboundMessage {
	return isObject(x) && typeof x.from === 'string' && typeof x.type === 'string';
}
