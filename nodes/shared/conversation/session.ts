/**
 * The stored session: created, checked when loaded (anything unknown or corrupt starts afresh)
 * and copied before a step changes it, so the caller's object is never mutated.
 */
import type { Catalog } from '../catalog/types';
import type { InboundMessage } from '../messaging/types';
import { isObject } from '../values';
import { shortHash } from './ids';
import { keepIdentity } from './identity';
import { upgradeSession } from './sessionUpgrade';
import {
	SESSION_STATES,
	SESSION_VERSION,
	SURVEY_ELEMENTS,
	type SentItem,
	type Session,
	type SessionState,
	type ShownSummary,
} from './types';

/** Message ids kept for de-duplication, and back steps kept for `kembali`. */
export const SEEN_LIMIT = 20;
export const HISTORY_LIMIT = 30;
/** Survey tickets remembered as already invited. */
export const INVITED_LIMIT = 10;
/** Sent drafts/complaints, completed surveys and shown summaries remembered for old taps. */
export const SENT_LIMIT = 10;
export const SURVEYED_LIMIT = 10;
export const SHOWN_LIMIT = 3;

const STATES = new Set<SessionState>(SESSION_STATES);

/** States in which a request is half-filled (cancelling it emits `cancelled`). */
export const REQUEST_STATES = new Set<SessionState>([
	'reuse',
	'field',
	'nik_confirm',
	'record_more',
	'document',
	'summary',
	'change',
	'leave_ask',
]);

/** Hours a half-filled request waits for the resident (fetching an RT letter takes a while). */
export const DRAFT_TIMEOUT_HOURS = 24;

/** How long the conversation may stay silent before it is closed: a draft waits longer. */
export function idleLimitMs(s: Session, catalog: Catalog): number {
	if (REQUEST_STATES.has(s.state) || s.fix)
		return Math.max(1, catalog.settings?.draftTimeoutHours ?? DRAFT_TIMEOUT_HOURS) * 3_600_000;
	return Math.max(1, catalog.settings?.sessionTimeoutMinutes ?? 30) * 60_000;
}

export function newSession(waId: string, name: string, now: Date): Session {
	return {
		v: SESSION_VERSION,
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

/**
 * A usable session for this sender, or a new one when `raw` is missing, foreign or malformed.
 * A session saved by version 1 is upgraded first (sessionUpgrade.ts).
 */
export function loadSession(stored: unknown, waId: string, name: string, now: Date): Session {
	const raw = isObject(stored) ? upgradeSession(stored) : stored;
	if (
		!isObject(raw) ||
		raw.v !== SESSION_VERSION ||
		raw.waId !== waId ||
		!STATES.has(raw.state as SessionState) ||
		typeof raw.at !== 'string' ||
		Number.isNaN(Date.parse(raw.at)) ||
		!Array.isArray(raw.seen) ||
		!isObject(raw.values) ||
		!isObject(raw.docs) ||
		!Array.isArray(raw.history) ||
		(raw.edit !== undefined && !Array.isArray(raw.edit)) ||
		(raw.derived !== undefined && !Array.isArray(raw.derived)) ||
		(raw.pos !== undefined && !isObject(raw.pos))
	) {
		const fresh = newSession(waId, name, now);
		// Keep what a returning resident benefits from, when it looks sane.
		if (isObject(raw) && raw.waId === waId) {
			keepIdentity(raw as Partial<Session>, fresh);
			if (typeof raw.lastTicket === 'string') fresh.lastTicket = raw.lastTicket;
		}
		return fresh;
	}
	const s = copySession(raw as unknown as Session);
	saneOutcomes(s);
	saneTapMemory(s);
	return s;
}

/**
 * What old taps are checked against: dropped when malformed; a draft or complaint stored by an
 * earlier version (no id yet) gets one, so its buttons from now on carry it.
 */
function saneTapMemory(s: Session): void {
	const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
	if (s.draft !== undefined && !str(s.draft)) delete s.draft;
	if (!s.draft && (REQUEST_STATES.has(s.state) || s.fix)) s.draft = shortHash(`${s.waId}|${s.at}`);
	if (s.complaint && !str(s.complaint.id)) s.complaint.id = shortHash(`${s.waId}|${s.at}|c`);
	if (s.pending !== undefined && !str(s.pending)) delete s.pending;
	if (s.reminded !== undefined && !str(s.reminded)) delete s.reminded;
	const sent = s.sent as unknown;
	if (sent !== undefined) {
		s.sent = Array.isArray(sent)
			? sent
					.filter((x): x is SentItem => isObject(x) && str(x.id) && str(x.ticket))
					.map((x) => ({ id: x.id, ticket: x.ticket }))
					.slice(-SENT_LIMIT)
			: [];
	}
	const surveyed = s.surveyed as unknown;
	if (surveyed !== undefined)
		s.surveyed = Array.isArray(surveyed) ? surveyed.filter(str).slice(-SURVEYED_LIMIT) : [];
	const shown = s.shown as unknown;
	if (shown !== undefined) {
		s.shown = Array.isArray(shown)
			? shown
					.filter((x): x is ShownSummary => isObject(x) && str(x.signature) && isObject(x.items))
					.map((x) => ({ signature: x.signature, items: { ...x.items } }))
					.slice(-SHOWN_LIMIT)
			: [];
	}
}

/** Remembers that a draft or complaint was sent under `ticket`. */
export function markSent(s: Session, id: string | undefined, ticket: string): void {
	if (!id) return;
	s.sent = [...(s.sent ?? []).filter((x) => x.id !== id), { id, ticket }].slice(-SENT_LIMIT);
}

/** Drops survey and complaint data that does not have the expected shape (hand-edited cells). */
function saneOutcomes(s: Session): void {
	const str = (x: unknown): x is string => typeof x === 'string';
	const survey = s.survey as unknown;
	if (survey !== undefined) {
		if (isObject(survey) && str(survey.ticket) && str(survey.service) && isObject(survey.scores)) {
			const scores: Record<string, number> = {};
			for (const element of SURVEY_ELEMENTS) {
				const score = survey.scores[element];
				if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 4)
					scores[element] = score;
			}
			s.survey = {
				ticket: survey.ticket,
				service: survey.service,
				scores,
				...(str(survey.suggestion) ? { suggestion: survey.suggestion } : {}),
				...(survey.done === true ? { done: true } : {}),
			};
		} else delete s.survey;
	}
	const invite = s.invite as unknown;
	if (
		invite !== undefined &&
		!(isObject(invite) && str(invite.ticket) && str(invite.service) && str(invite.at))
	)
		delete s.invite;
	const invited = s.invited as unknown;
	if (invited !== undefined) {
		if (Array.isArray(invited)) s.invited = invited.filter(str).slice(-INVITED_LIMIT);
		else delete s.invited;
	}
	const complaint = s.complaint as unknown;
	if (complaint !== undefined) {
		if (
			isObject(complaint) &&
			(complaint.text === undefined || str(complaint.text)) &&
			(complaint.photo === undefined ||
				(isObject(complaint.photo) && str(complaint.photo.mimeType)))
		)
			s.complaint = { ...(complaint as Session['complaint']) };
		else delete s.complaint;
	}
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
		...(s.derived ? { derived: s.derived.slice() } : {}),
		...(s.pos ? { pos: { ...s.pos } } : {}),
		...(s.survey ? { survey: { ...s.survey, scores: { ...s.survey.scores } } } : {}),
		...(s.invite ? { invite: { ...s.invite } } : {}),
		...(Array.isArray(s.invited) ? { invited: s.invited.slice() } : {}),
		...(s.complaint ? { complaint: { ...s.complaint } } : {}),
		...(Array.isArray(s.sent) ? { sent: s.sent.slice() } : {}),
		...(Array.isArray(s.surveyed) ? { surveyed: s.surveyed.slice() } : {}),
		...(Array.isArray(s.shown) ? { shown: s.shown.slice() } : {}),
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
	delete s.derived;
	delete s.edit;
	delete s.fix;
	delete s.handoffUntil;
	delete s.survey;
	delete s.complaint;
	delete s.draft;
	delete s.reminded;
	delete s.shown;
	delete s.pending;
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
