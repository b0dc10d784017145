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
import { newDraftId, onMenu } from './answers';
import { emitAnswers, onSurveyInvite } from './survey';
import { COMPLAINT_STATES } from './complaint';
import { buttonsReply, say, textReply } from './texts';

/** What `step` does after `routeTap`: the handled tap, or the local id for the state's handler. */
export type TapRoute = { done: true } | { done: false; local: string };

const DONE: TapRoute = { done: true };
const local = (id: string): TapRoute => ({ done: false, local: id });

/** A request draft or a written complaint that a tap elsewhere would throw away. */
export function busy(s: Session): boolean {
	if (REQUEST_STATES.has(s.state) || s.fix) return true;
	return COMPLAINT_STATES.has(s.state) && !!s.complaint?.text;
}

/** The main menu when nothing is going on, else the current question. */
export function showNow(ctx: Ctx, s: Session): void {
	if (s.state === 'idle' || s.state === 'menu') {
		s.state = 'menu';
		ctx.replies.push(mainMenu(ctx.texts));
	} else ctx.replies.push(...prompt(ctx, s));
}

function stale(ctx: Ctx, s: Session, key: string, params?: Record<string, string>): TapRoute {
	ctx.replies.push(textReply(say(ctx.texts, key, params)));
	showNow(ctx, s);
	return DONE;
}

/** Asks whether to leave the draft in progress; `id` is carried out on "Ya, tinggalkan". */
function askLeave(ctx: Ctx, s: Session, id: string): TapRoute {
	if (!s.draft && s.complaint?.id) s.draft = s.complaint.id;
	if (s.state !== 'leave_ask') moveTo(s, 'leave_ask');
	s.pending = id;
	ctx.replies.push(...prompt(ctx, s));
	return DONE;
}

/** Routes a tapped id; `undefined` for an id of an earlier version (the state handles it). */
export function routeTap(ctx: Ctx, s: Session, id: string): TapRoute | undefined {
	if (id.startsWith('menu:') && !id.includes('~')) return onMenuTap(ctx, s, id);
	const tap = parseTap(id);
	if (!tap) return undefined;
	switch (tap.kind) {
		case 'svc':
			return onServiceTap(ctx, s, tap, id);
		case 'req':
			return onRequirementsTap(ctx, s, tap, id);
		case 'reuse':
		case 'fld':
		case 'nik':
		case 'rec':
		case 'doc':
		case 'leave':
			return onDraftQuestionTap(ctx, s, tap);
		case 'sum':
			return onSummaryTap(ctx, s, tap);
		case 'inv':
			return onInvitationTap(ctx, s, tap, id);
		case 'ikm':
		case 'sug':
			return onSurveyTap(ctx, s, tap);
		case 'cmp':
			return onComplaintTap(ctx, s, tap);
	}
}

/** A row of a main menu list, from any state. */
function onMenuTap(ctx: Ctx, s: Session, id: string): TapRoute {
	const item = id.slice(5) as MenuItem;
	if (!MENU_ITEMS.includes(item) || s.state === 'idle' || s.state === 'menu') return local(id);
	if (s.state === 'survey_invite') return local(id);
	if (item === 'status') {
		// Asking for the status leaves whatever is in progress as it is.
		ctx.events.push({
			type: 'status_requested',
			waId: s.waId,
			name: s.name,
			...(s.lastTicket ? { ticket: s.lastTicket } : {}),
		});
		return DONE;
	}
	if (busy(s)) return askLeave(ctx, s, id);
	clearRequest(s);
	s.state = 'menu';
	onMenu(ctx, s, item);
	return DONE;
}

function onServiceTap(ctx: Ctx, s: Session, tap: Tap, id: string): TapRoute {
	const mode = tap.args[0] === 'i' ? 'info' : 'request';
	if (!findService(ctx.catalog, tap.local)) return stale(ctx, s, 'tap.service.gone');
	if (s.state === 'services') {
		s.mode = mode;
		return local(tap.local);
	}
	if (busy(s)) {
		if (s.service === tap.local && !s.fix) return sameDraft(ctx, s);
		return askLeave(ctx, s, id);
	}
	clearRequest(s);
	s.mode = mode;
	s.service = tap.local;
	s.state = 'services';
	moveTo(s, 'requirements');
	ctx.replies.push(...prompt(ctx, s));
	return DONE;
}

function sameDraft(ctx: Ctx, s: Session): TapRoute {
	const title = findService(ctx.catalog, s.service)?.title ?? '';
	return stale(ctx, s, 'tap.draft.same', { title });
}

function onRequirementsTap(ctx: Ctx, s: Session, tap: Tap, id: string): TapRoute {
	const [key, mode] = tap.args;
	const service = findService(ctx.catalog, key);
	const go = tap.local === 'continue' || tap.local === 'request';
	if (s.state === 'requirements' && s.service === key) {
		// The card was shown in the other mode (info ↔ request): same meaning, the current buttons.
		if (s.mode === 'info') return local(go ? 'request' : 'menu');
		return local(go ? 'continue' : 'back');
	}
	if (busy(s)) {
		if (!go) return stale(ctx, s, 'tap.passed');
		if (s.service === key && !s.fix) return sameDraft(ctx, s);
		return askLeave(ctx, s, id);
	}
	if (!go) {
		clearRequest(s);
		if (tap.local === 'back') {
			s.mode = mode === 'i' ? 'info' : 'request';
			s.state = 'services';
			ctx.replies.push(servicesReply(ctx.catalog, s.mode));
		} else showNow(ctx, s);
		return DONE;
	}
	if (!service) return stale(ctx, s, 'tap.service.gone');
	clearRequest(s);
	s.service = service.key;
	s.mode = 'request';
	s.state = 'services';
	moveTo(s, 'requirements');
	s.values = {};
	s.docs = {};
	s.draft = newDraftId(ctx, s);
	if (reuseFields(service, s).length > 0) moveTo(s, 'reuse');
	else enterField(s, service, 0);
	ctx.replies.push(...prompt(ctx, s));
	return DONE;
}

/** Position of the question each kind answers, as written in its id. */
function currentPosition(s: Session, kind: Tap['kind']): string | undefined {
	switch (kind) {
		case 'reuse':
			return s.state === 'reuse' ? '' : undefined;
		case 'fld':
			return s.state === 'field' ? posKey(s.pos) : undefined;
		case 'nik':
			return s.state === 'nik_confirm' ? posKey(s.pos) : undefined;
		case 'rec':
			return s.state === 'record_more' ? posKey(s.pos) : undefined;
		case 'doc':
			return s.state === 'document' ? String(s.pos?.document ?? '') : undefined;
		case 'leave':
			return s.state === 'leave_ask' ? '' : undefined;
		default:
			return undefined;
	}
}

/** A question inside a draft: answered only while it is the question being asked. */
function onDraftQuestionTap(ctx: Ctx, s: Session, tap: Tap): TapRoute {
	const [draft, where = ''] = tap.args;
	if (draft && draft === s.draft) {
		if (currentPosition(s, tap.kind) === where) return local(tap.local);
		return stale(ctx, s, 'tap.passed');
	}
	return goneDraft(ctx, s, draft);
}

function goneDraft(ctx: Ctx, s: Session, draft: string | undefined): TapRoute {
	const sent = s.sent?.find((x) => x.id === draft);
	if (sent) return stale(ctx, s, 'tap.draft.sent', { ticket: sent.ticket });
	return stale(ctx, s, 'tap.draft.gone');
}

function onSummaryTap(ctx: Ctx, s: Session, tap: Tap): TapRoute {
	const [key, draft, signature] = tap.args;
	const service = findService(ctx.catalog, key);
	if (draft && draft === s.draft && service && s.service === key) {
		if (tap.local === 'cancel') return local('cancel');
		if (s.state !== 'summary') {
			return stale(ctx, s, tap.local === 'confirm' ? 'tap.summary.editing' : 'tap.passed');
		}
		if (signature === draftSignature(s)) return local(tap.local);
		const then = s.shown?.find((x) => x.signature === signature);
		const now = itemSignatures(service, s);
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
		ctx.replies.push(...prompt(ctx, s));
		return DONE;
	}
	const sent = s.sent?.find((x) => x.id === draft);
	if (sent) return stale(ctx, s, 'tap.draft.sent', { ticket: sent.ticket });
	if (!service || busy(s) || tap.local !== 'confirm') return stale(ctx, s, 'tap.draft.gone');
	// The draft is gone (cancelled or expired): offer to start that service again.
	if (s.state === 'idle') s.state = 'menu';
	ctx.replies.push(
		buttonsReply(say(ctx.texts, 'tap.summary.gone', { title: service.title }), [
			{ id: tapId('continue', 'req', service.key, 'r'), title: say(ctx.texts, 'button.again') },
			{ id: tapId('menu', 'req', service.key, 'r'), title: say(ctx.texts, 'button.menu') },
		]),
	);
	return DONE;
}

function onInvitationTap(ctx: Ctx, s: Session, tap: Tap, id: string): TapRoute {
	const [ticket, title = ''] = tap.args;
	const start = tap.local === 'survey:start';
	if (!ticket) return stale(ctx, s, 'tap.survey.gone');
	if (s.state === 'survey_invite' && s.survey?.ticket === ticket) return local(tap.local);
	if (s.surveyed?.includes(ticket)) return stale(ctx, s, 'tap.survey.done', { ticket });
	const running = s.state === 'survey' || s.state === 'survey_suggestion';
	if (running && s.survey?.ticket === ticket)
		return stale(ctx, s, start ? 'tap.survey.running' : 'tap.passed', { ticket });
	if (!start) {
		if (s.invite?.ticket === ticket) delete s.invite;
		ctx.replies.push(textReply(say(ctx.texts, 'survey.skipped')));
		showNow(ctx, s);
		return DONE;
	}
	if (busy(s)) return askLeave(ctx, s, id);
	clearRequest(s);
	if (s.invite?.ticket === ticket) delete s.invite;
	if (!s.invited?.includes(ticket))
		s.invited = [...(s.invited ?? []), ticket].slice(-INVITED_LIMIT);
	s.state = 'survey_invite';
	s.survey = { ticket, service: title, scores: {} };
	onSurveyInvite(ctx, s, { text: '', replyId: 'survey:start' });
	return DONE;
}

/** A score row or the suggestion's *Lewati*: an earlier element of the running survey is re-scored. */
function onSurveyTap(ctx: Ctx, s: Session, tap: Tap): TapRoute {
	const [ticket, element] = tap.args;
	const survey = s.survey;
	const running = (s.state === 'survey' || s.state === 'survey_suggestion') && survey;
	if (running && survey.ticket === ticket) {
		if (tap.kind === 'sug')
			return s.state === 'survey_suggestion' ? local('skip') : stale(ctx, s, 'tap.passed');
		const q = SURVEY_ELEMENTS.indexOf(element as SurveyElement);
		const current = s.state === 'survey' ? (s.pos?.field ?? 0) : SURVEY_ELEMENTS.length;
		if (q === current) return local(tap.local);
		const score = Number(tap.local.slice('score:'.length));
		if (q < 0 || q > current || !Number.isInteger(score) || score < 1 || score > 4)
			return stale(ctx, s, 'tap.passed');
		survey.scores[element as SurveyElement] = score;
		emitAnswers(ctx, s);
		return stale(ctx, s, 'tap.survey.updated');
	}
	if (s.surveyed?.includes(ticket)) return stale(ctx, s, 'tap.survey.done', { ticket });
	return stale(ctx, s, 'tap.survey.gone');
}

function onComplaintTap(ctx: Ctx, s: Session, tap: Tap): TapRoute {
	const [id] = tap.args;
	if (id && COMPLAINT_STATES.has(s.state) && s.complaint?.id === id) {
		if (tap.local === 'skip' && s.state !== 'complaint_photo') return stale(ctx, s, 'tap.passed');
		if (tap.local !== 'skip' && s.state !== 'complaint_confirm') return stale(ctx, s, 'tap.passed');
		return local(tap.local);
	}
	const sent = s.sent?.find((x) => x.id === id);
	if (sent) return stale(ctx, s, 'tap.complaint.sent', { ticket: sent.ticket });
	if (tap.local === 'confirm') return stale(ctx, s, 'tap.complaint.gone');
	return stale(ctx, s, 'tap.draft.gone');
}
