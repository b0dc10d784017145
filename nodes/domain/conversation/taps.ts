/**
 * A tap on a button or list row, wherever the conversation is now. A tap that answers the current
 * question goes to the state's handler with its local id; a tap on an older message does what it
 * says when it still can (start that service, that ticket's survey, submit that very summary),
 * asks first when it would drop a draft in progress, and otherwise says in one sentence why it
 * no longer applies and offers what can be done now (the current question or the main menu).
 */
import { SURVEY_ELEMENTS, type Session, type SurveyElement } from './types';
import { clearRequest, INVITED_LIMIT, REQUEST_STATES } from './session';
import {
	draftSignature,
	enterField,
	findService,
	itemSignatures,
	moveTo,
	prompt,
	reuseFields,
	type Ctx,
} from './flow';
import { parseTap, posKey, tapId, type Tap } from './ids';
import { documentItem, fieldItem } from './editItems';
import { mainMenu, servicesReply, MENU_ITEMS, type MenuItem } from './present';
import { newDraftId } from './input';
import { onMenu } from './menu';
import { emitAnswers, onSurveyInvite } from './survey';
import { COMPLAINT_STATES } from './complaint';
import { buttonsReply, say, textReply } from './texts';

/** What `step` does after `routeTap`: the handled tap, or the local id for the state's handler. */
export type TapRoute = { done: true } | { done: false; local: string };

const DONE: TapRoute = { done: true };
const local = (id: string): TapRoute => ({ done: false, local: id });

/** A request draft or a written complaint that a tap elsewhere would throw away. */
export function busy(session: Session): boolean {
	if (REQUEST_STATES.has(session.state) || session.fix) return true;
	return COMPLAINT_STATES.has(session.state) && !!session.complaint?.text;
}

/** The main menu when nothing is going on, else the current question. */
export function showNow(ctx: Ctx, session: Session): void {
	if (session.state === 'idle' || session.state === 'menu') {
		session.state = 'menu';
		ctx.replies.push(mainMenu(ctx.texts));
	} else ctx.replies.push(...prompt(ctx, session));
}

function stale(ctx: Ctx, session: Session, key: string, params?: Record<string, string>): TapRoute {
	ctx.replies.push(textReply(say(ctx.texts, key, params)));
	showNow(ctx, session);
	return DONE;
}

/** Asks whether to leave the draft in progress; `id` is carried out on "Ya, tinggalkan". */
function askLeave(ctx: Ctx, session: Session, id: string): TapRoute {
	if (!session.draft && session.complaint?.id) session.draft = session.complaint.id;
	if (session.state !== 'leave_ask') moveTo(session, 'leave_ask');
	session.pending = id;
	ctx.replies.push(...prompt(ctx, session));
	return DONE;
}

/** Routes a tapped id; `undefined` for an id of an earlier version (the state handles it). */
export function routeTap(ctx: Ctx, session: Session, id: string): TapRoute | undefined {
	if (id.startsWith('menu:') && !id.includes('~')) return onMenuTap(ctx, session, id);
	const tap = parseTap(id);
	if (!tap) return undefined;
	switch (tap.kind) {
		case 'svc':
			return onServiceTap(ctx, session, tap, id);
		case 'req':
			return onRequirementsTap(ctx, session, tap, id);
		case 'reuse':
		case 'fld':
		case 'nik':
		case 'rec':
		case 'doc':
		case 'leave':
			return onDraftQuestionTap(ctx, session, tap);
		case 'sum':
			return onSummaryTap(ctx, session, tap);
		case 'inv':
			return onInvitationTap(ctx, session, tap, id);
		case 'ikm':
		case 'sug':
			return onSurveyTap(ctx, session, tap);
		case 'cmp':
			return onComplaintTap(ctx, session, tap);
	}
}

/** A row of a main menu list, from any state. */
function onMenuTap(ctx: Ctx, session: Session, id: string): TapRoute {
	const item = id.slice(5) as MenuItem;
	if (!MENU_ITEMS.includes(item) || session.state === 'idle' || session.state === 'menu')
		return local(id);
	if (session.state === 'survey_invite') return local(id);
	if (item === 'status') {
		// Asking for the status leaves whatever is in progress as it is.
		ctx.events.push({
			type: 'status_requested',
			waId: session.waId,
			name: session.name,
			...(session.lastTicket ? { ticket: session.lastTicket } : {}),
		});
		return DONE;
	}
	if (busy(session)) return askLeave(ctx, session, id);
	clearRequest(session);
	session.state = 'menu';
	onMenu(ctx, session, item);
	return DONE;
}

function onServiceTap(ctx: Ctx, session: Session, tap: Tap, id: string): TapRoute {
	const mode = tap.args[0] === 'i' ? 'info' : 'request';
	if (!findService(ctx.catalog, tap.local)) return stale(ctx, session, 'tap.service.gone');
	if (session.state === 'services') {
		session.mode = mode;
		return local(tap.local);
	}
	if (busy(session)) {
		if (session.service === tap.local && !session.fix) return sameDraft(ctx, session);
		return askLeave(ctx, session, id);
	}
	clearRequest(session);
	session.mode = mode;
	session.service = tap.local;
	session.state = 'services';
	moveTo(session, 'requirements');
	ctx.replies.push(...prompt(ctx, session));
	return DONE;
}

function sameDraft(ctx: Ctx, session: Session): TapRoute {
	const title = findService(ctx.catalog, session.service)?.title ?? '';
	return stale(ctx, session, 'tap.draft.same', { title });
}

function onRequirementsTap(ctx: Ctx, session: Session, tap: Tap, id: string): TapRoute {
	const [key, mode] = tap.args;
	const service = findService(ctx.catalog, key);
	const go = tap.local === 'continue' || tap.local === 'request';
	if (session.state === 'requirements' && session.service === key) {
		// The card was shown in the other mode (info ↔ request): same meaning, the current buttons.
		if (session.mode === 'info') return local(go ? 'request' : 'menu');
		return local(go ? 'continue' : 'back');
	}
	if (busy(session)) {
		if (!go) return stale(ctx, session, 'tap.passed');
		if (session.service === key && !session.fix) return sameDraft(ctx, session);
		return askLeave(ctx, session, id);
	}
	if (!go) {
		clearRequest(session);
		if (tap.local === 'back') {
			session.mode = mode === 'i' ? 'info' : 'request';
			session.state = 'services';
			ctx.replies.push(servicesReply(ctx.catalog, session.mode));
		} else showNow(ctx, session);
		return DONE;
	}
	if (!service) return stale(ctx, session, 'tap.service.gone');
	clearRequest(session);
	session.service = service.key;
	session.mode = 'request';
	session.state = 'services';
	moveTo(session, 'requirements');
	session.values = {};
	session.docs = {};
	session.draft = newDraftId(ctx, session);
	if (reuseFields(service, session).length > 0) moveTo(session, 'reuse');
	else enterField(session, service, 0);
	ctx.replies.push(...prompt(ctx, session));
	return DONE;
}

/** Position of the question each kind answers, as written in its id. */
function currentPosition(session: Session, kind: Tap['kind']): string | undefined {
	switch (kind) {
		case 'reuse':
			return session.state === 'reuse' ? '' : undefined;
		case 'fld':
			return session.state === 'field' ? posKey(session.pos) : undefined;
		case 'nik':
			return session.state === 'nik_confirm' ? posKey(session.pos) : undefined;
		case 'rec':
			return session.state === 'record_more' ? posKey(session.pos) : undefined;
		case 'doc':
			return session.state === 'document' ? String(session.pos?.document ?? '') : undefined;
		case 'leave':
			return session.state === 'leave_ask' ? '' : undefined;
		default:
			return undefined;
	}
}

/** A question inside a draft: answered only while it is the question being asked. */
function onDraftQuestionTap(ctx: Ctx, session: Session, tap: Tap): TapRoute {
	const [draft, where = ''] = tap.args;
	if (draft && draft === session.draft) {
		if (currentPosition(session, tap.kind) === where) return local(tap.local);
		return stale(ctx, session, 'tap.passed');
	}
	return goneDraft(ctx, session, draft);
}

function goneDraft(ctx: Ctx, session: Session, draft: string | undefined): TapRoute {
	const sent = session.sent?.find((x) => x.id === draft);
	if (sent) return stale(ctx, session, 'tap.draft.sent', { ticket: sent.ticket });
	return stale(ctx, session, 'tap.draft.gone');
}

function onSummaryTap(ctx: Ctx, session: Session, tap: Tap): TapRoute {
	const [key, draft, signature] = tap.args;
	const service = findService(ctx.catalog, key);
	if (draft && draft === session.draft && service && session.service === key) {
		if (tap.local === 'cancel') return local('cancel');
		if (session.state !== 'summary') {
			return stale(ctx, session, tap.local === 'confirm' ? 'tap.summary.editing' : 'tap.passed');
		}
		if (signature === draftSignature(session)) return local(tap.local);
		const then = session.shown?.find((x) => x.signature === signature);
		const now = itemSignatures(service, session);
		const changed = then
			? [
					...service.fields.map((f) => [fieldItem(f.key), f.label] as const),
					...service.documents.map((d) => [documentItem(d.key), d.label] as const),
				]
					.filter(([item]) => then.items[item] !== now[item])
					.map(([, label]) => label)
			: [];
		ctx.replies.push(
			textReply(
				changed.length > 0
					? say(ctx.texts, 'tap.summary.changed', { changes: changed.join(', ') })
					: say(ctx.texts, 'tap.summary.changed.some'),
			),
		);
		ctx.replies.push(...prompt(ctx, session));
		return DONE;
	}
	const sent = session.sent?.find((x) => x.id === draft);
	if (sent) return stale(ctx, session, 'tap.draft.sent', { ticket: sent.ticket });
	if (!service || busy(session) || tap.local !== 'confirm')
		return stale(ctx, session, 'tap.draft.gone');
	// The draft is gone (cancelled or expired): offer to start that service again.
	if (session.state === 'idle') session.state = 'menu';
	ctx.replies.push(
		buttonsReply(say(ctx.texts, 'tap.summary.gone', { title: service.title }), [
			{ id: tapId('continue', 'req', service.key, 'r'), title: say(ctx.texts, 'button.again') },
			{ id: tapId('menu', 'req', service.key, 'r'), title: say(ctx.texts, 'button.menu') },
		]),
	);
	return DONE;
}

function onInvitationTap(ctx: Ctx, session: Session, tap: Tap, id: string): TapRoute {
	const [ticket, title = ''] = tap.args;
	const start = tap.local === 'survey:start';
	if (!ticket) return stale(ctx, session, 'tap.survey.gone');
	if (session.state === 'survey_invite' && session.survey?.ticket === ticket)
		return local(tap.local);
	if (session.surveyed?.includes(ticket)) return stale(ctx, session, 'tap.survey.done', { ticket });
	const running = session.state === 'survey' || session.state === 'survey_suggestion';
	if (running && session.survey?.ticket === ticket)
		return stale(ctx, session, start ? 'tap.survey.running' : 'tap.passed', { ticket });
	if (!start) {
		if (session.invite?.ticket === ticket) delete session.invite;
		ctx.replies.push(textReply(say(ctx.texts, 'survey.skipped')));
		showNow(ctx, session);
		return DONE;
	}
	if (busy(session)) return askLeave(ctx, session, id);
	clearRequest(session);
	if (session.invite?.ticket === ticket) delete session.invite;
	if (!session.invited?.includes(ticket))
		session.invited = [...(session.invited ?? []), ticket].slice(-INVITED_LIMIT);
	session.state = 'survey_invite';
	session.survey = { ticket, service: title, scores: {} };
	onSurveyInvite(ctx, session, { text: '', replyId: 'survey:start' });
	return DONE;
}

/** A score row or the suggestion's *Lewati*: an earlier element of the running survey is re-scored. */
function onSurveyTap(ctx: Ctx, session: Session, tap: Tap): TapRoute {
	const [ticket, element] = tap.args;
	const survey = session.survey;
	const running = (session.state === 'survey' || session.state === 'survey_suggestion') && survey;
	if (running && survey.ticket === ticket) {
		if (tap.kind === 'sug')
			return session.state === 'survey_suggestion'
				? local('skip')
				: stale(ctx, session, 'tap.passed');
		const q = SURVEY_ELEMENTS.indexOf(element as SurveyElement);
		const current = session.state === 'survey' ? (session.pos?.field ?? 0) : SURVEY_ELEMENTS.length;
		if (q === current) return local(tap.local);
		const score = Number(tap.local.slice('score:'.length));
		if (q < 0 || q > current || !Number.isInteger(score) || score < 1 || score > 4)
			return stale(ctx, session, 'tap.passed');
		survey.scores[element as SurveyElement] = score;
		emitAnswers(ctx, session);
		return stale(ctx, session, 'tap.survey.updated');
	}
	if (session.surveyed?.includes(ticket)) return stale(ctx, session, 'tap.survey.done', { ticket });
	return stale(ctx, session, 'tap.survey.gone');
}

function onComplaintTap(ctx: Ctx, session: Session, tap: Tap): TapRoute {
	const [id] = tap.args;
	if (id && COMPLAINT_STATES.has(session.state) && session.complaint?.id === id) {
		if (tap.local === 'skip' && session.state !== 'complaint_photo')
			return stale(ctx, session, 'tap.passed');
		if (tap.local !== 'skip' && session.state !== 'complaint_confirm')
			return stale(ctx, session, 'tap.passed');
		return local(tap.local);
	}
	const sent = session.sent?.find((x) => x.id === id);
	if (sent) return stale(ctx, session, 'tap.complaint.sent', { ticket: sent.ticket });
	if (tap.local === 'confirm') return stale(ctx, session, 'tap.complaint.gone');
	return stale(ctx, session, 'tap.draft.gone');
}
