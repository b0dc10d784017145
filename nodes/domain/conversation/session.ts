/**
 * The stored session: created, checked when loaded (anything unknown or corrupt starts afresh)
 * and copied before a step changes it, so the caller's object is never mutated.
 */
import type { Catalog } from '../catalog/types';
import { isObject } from '../values';
import { shortHash } from './ids';
import { keepIdentity } from './identity';
import { upgradeSession } from './sessionUpgrade';
import {
	FILLING_STATES,
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
export const REQUEST_STATES = new Set<SessionState>([...FILLING_STATES, 'leave_ask']);

/** Hours a half-filled request waits for the resident (fetching an RT letter takes a while). */
export const DRAFT_TIMEOUT_HOURS = 24;

/** How long the conversation may stay silent before it is closed: a draft waits longer. */
export function idleLimitMs(session: Session, catalog: Catalog): number {
	if (REQUEST_STATES.has(session.state) || session.fix)
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
	const session = copySession(raw as unknown as Session);
	saneOutcomes(session);
	saneTapMemory(session);
	return session;
}

/**
 * What old taps are checked against: dropped when malformed; a draft or complaint stored by an
 * earlier version (no id yet) gets one, so its buttons from now on carry it.
 */
function saneTapMemory(session: Session): void {
	const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
	if (session.draft !== undefined && !str(session.draft)) delete session.draft;
	if (!session.draft && (REQUEST_STATES.has(session.state) || session.fix))
		session.draft = shortHash(`${session.waId}|${session.at}`);
	if (session.complaint && !str(session.complaint.id))
		session.complaint.id = shortHash(`${session.waId}|${session.at}|c`);
	if (session.pending !== undefined && !str(session.pending)) delete session.pending;
	if (session.reminded !== undefined && !str(session.reminded)) delete session.reminded;
	const sent = session.sent as unknown;
	if (sent !== undefined) {
		session.sent = Array.isArray(sent)
			? sent
					.filter((x): x is SentItem => isObject(x) && str(x.id) && str(x.ticket))
					.map((x) => ({ id: x.id, ticket: x.ticket }))
					.slice(-SENT_LIMIT)
			: [];
	}
	const surveyed = session.surveyed as unknown;
	if (surveyed !== undefined)
		session.surveyed = Array.isArray(surveyed) ? surveyed.filter(str).slice(-SURVEYED_LIMIT) : [];
	const shown = session.shown as unknown;
	if (shown !== undefined) {
		session.shown = Array.isArray(shown)
			? shown
					.filter((x): x is ShownSummary => isObject(x) && str(x.signature) && isObject(x.items))
					.map((x) => ({ signature: x.signature, items: { ...x.items } }))
					.slice(-SHOWN_LIMIT)
			: [];
	}
}

/** Remembers that a draft or complaint was sent under `ticket`. */
export function markSent(session: Session, id: string | undefined, ticket: string): void {
	if (!id) return;
	session.sent = [...(session.sent ?? []).filter((x) => x.id !== id), { id, ticket }].slice(
		-SENT_LIMIT,
	);
}

/** Drops survey and complaint data that does not have the expected shape (hand-edited cells). */
function saneOutcomes(session: Session): void {
	const str = (x: unknown): x is string => typeof x === 'string';
	const survey = session.survey as unknown;
	if (survey !== undefined) {
		if (isObject(survey) && str(survey.ticket) && str(survey.service) && isObject(survey.scores)) {
			const scores: Record<string, number> = {};
			for (const element of SURVEY_ELEMENTS) {
				const score = survey.scores[element];
				if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 4)
					scores[element] = score;
			}
			session.survey = {
				ticket: survey.ticket,
				service: survey.service,
				scores,
				...(str(survey.suggestion) ? { suggestion: survey.suggestion } : {}),
				...(survey.done === true ? { done: true } : {}),
			};
		} else delete session.survey;
	}
	const invite = session.invite as unknown;
	if (
		invite !== undefined &&
		!(isObject(invite) && str(invite.ticket) && str(invite.service) && str(invite.at))
	)
		delete session.invite;
	const invited = session.invited as unknown;
	if (invited !== undefined) {
		if (Array.isArray(invited)) session.invited = invited.filter(str).slice(-INVITED_LIMIT);
		else delete session.invited;
	}
	const complaint = session.complaint as unknown;
	if (complaint !== undefined) {
		if (
			isObject(complaint) &&
			(complaint.text === undefined || str(complaint.text)) &&
			(complaint.photo === undefined ||
				(isObject(complaint.photo) && str(complaint.photo.mimeType)))
		)
			session.complaint = { ...(complaint as Session['complaint']) };
		else delete session.complaint;
	}
}

/** Copy deep enough that the step can change the session without touching its input. */
export function copySession(session: Session): Session {
	return {
		...session,
		seen: session.seen.slice(),
		values: { ...session.values },
		docs: { ...session.docs },
		history: session.history.slice(),
		...(session.edit ? { edit: session.edit.slice() } : {}),
		...(session.derived ? { derived: session.derived.slice() } : {}),
		...(isObject(session.ktp) ? { ktp: { ...session.ktp } } : {}),
		...(session.pos ? { pos: { ...session.pos } } : {}),
		...(session.survey
			? { survey: { ...session.survey, scores: { ...session.survey.scores } } }
			: {}),
		...(session.invite ? { invite: { ...session.invite } } : {}),
		...(Array.isArray(session.invited) ? { invited: session.invited.slice() } : {}),
		...(session.complaint ? { complaint: { ...session.complaint } } : {}),
		...(Array.isArray(session.sent) ? { sent: session.sent.slice() } : {}),
		...(Array.isArray(session.surveyed) ? { surveyed: session.surveyed.slice() } : {}),
		...(Array.isArray(session.shown) ? { shown: session.shown.slice() } : {}),
	};
}

/** Back to the idle state, keeping only what outlives a request. */
export function clearRequest(session: Session): void {
	session.state = 'idle';
	session.values = {};
	session.docs = {};
	session.history = [];
	delete session.service;
	delete session.mode;
	delete session.pos;
	delete session.reused;
	delete session.derived;
	delete session.ktp;
	delete session.ktpPhotoFiled;
	delete session.edit;
	delete session.fix;
	delete session.handoffUntil;
	delete session.survey;
	delete session.complaint;
	delete session.draft;
	delete session.reminded;
	delete session.shown;
	delete session.pending;
	delete session.resend;
}

export function markSeen(session: Session, messageId: string): void {
	if (!messageId) return;
	session.seen.push(messageId);
	if (session.seen.length > SEEN_LIMIT) session.seen.splice(0, session.seen.length - SEEN_LIMIT);
}

export function pushHistory(session: Session): void {
	session.history.push({
		state: session.state,
		...(session.pos ? { pos: { ...session.pos } } : {}),
		...(session.edit ? { edit: session.edit.slice() } : {}),
	});
	if (session.history.length > HISTORY_LIMIT)
		session.history.splice(0, session.history.length - HISTORY_LIMIT);
}
