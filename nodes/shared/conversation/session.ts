/**
 * The stored session: created, checked when loaded (anything unknown or corrupt starts afresh)
 * and copied before a step changes it, so the caller's object is never mutated.
 */
import type { InboundMessage } from '../messaging/types';
import { SESSION_STATES, SURVEY_ELEMENTS, type Session, type SessionState } from './types';

/** Message ids kept for de-duplication, and back steps kept for `kembali`. */
export const SEEN_LIMIT = 20;
export const HISTORY_LIMIT = 30;
/** Survey tickets remembered as already invited. */
export const INVITED_LIMIT = 10;

const STATES = new Set<SessionState>(SESSION_STATES);

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
	const s = copySession(raw as unknown as Session);
	saneOutcomes(s);
	return s;
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
		...(s.pos ? { pos: { ...s.pos } } : {}),
		...(s.survey ? { survey: { ...s.survey, scores: { ...s.survey.scores } } } : {}),
		...(s.invite ? { invite: { ...s.invite } } : {}),
		...(Array.isArray(s.invited) ? { invited: s.invited.slice() } : {}),
		...(s.complaint ? { complaint: { ...s.complaint } } : {}),
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
	delete s.survey;
	delete s.complaint;
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
