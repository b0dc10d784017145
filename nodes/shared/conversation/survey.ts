/**
 * The satisfaction survey (IKM, PermenPANRB 14/2017) after a letter is delivered: invited once
 * per ticket, nine elements scored 1–4 one at a time, then an optional suggestion. Every answer
 * emits the cumulative scores, so a resident who stops half-way keeps what they gave.
 *
 * An invitation that arrives while the resident is busy (a request, a fix, a complaint, a
 * hand-off, another survey) does not interrupt: it is kept in the session and offered instead
 * of the main menu the next time they reach it, within INVITE_KEEP_DAYS; a newer invitation
 * replaces an older pending one.
 */
import type { Catalog } from '../catalog/types';
import { SURVEY_ELEMENTS, type Session, type StepResult } from './types';
import {
	clearRequest,
	idleLimitMs,
	INVITED_LIMIT,
	loadSession,
	newSession,
	SURVEYED_LIMIT,
} from './session';
import { moveTo, prompt, type Ctx } from './flow';
import { menuChoice, onMenu, restart, type Input } from './answers';
import { mainMenu } from './present';
import { invitationReply, surveyOptions } from './outcomePrompts';
import { isWord, matchChoice, say, textReply, textsFor, yesNo } from './texts';

export const INVITE_KEEP_DAYS = 7;

export interface SurveyInvite {
	waId: string;
	name?: string;
	ticket: string;
	serviceTitle: string;
}

/** States in which the resident may be asked right away. */
const FREE = new Set<Session['state']>(['idle', 'menu']);

export function inviteSurvey(
	session: Session | null,
	invite: SurveyInvite,
	catalog: Catalog,
	now: Date,
): StepResult {
	const waId = String(invite?.waId ?? '');
	const name = String(invite?.name ?? '').slice(0, 100);
	let s: Session;
	try {
		s = loadSession(session, waId, name, now);
	} catch {
		s = newSession(waId, name, now);
	}
	const ticket = String(invite?.ticket ?? '').trim();
	const service = String(invite?.serviceTitle ?? '').trim();
	if (!waId || !ticket) {
		return {
			session: s,
			replies: [],
			events: [{ type: 'error', reason: 'invitation without waId or ticket' }],
		};
	}
	if (name && !s.name) s.name = name;
	const invited = s.invited ?? [];
	if (invited.includes(ticket) || s.survey?.ticket === ticket) {
		return { session: s, replies: [], events: [] };
	}
	s.invited = [...invited, ticket].slice(-INVITED_LIMIT);
	if (!isFree(s, catalog, now)) {
		s.invite = { ticket, service, at: now.toISOString() };
		return { session: s, replies: [], events: [] };
	}
	clearRequest(s);
	delete s.invite;
	s.at = now.toISOString();
	s.state = 'survey_invite';
	s.survey = { ticket, service, scores: {} };
	return { session: s, replies: [invitationReply(textsFor(catalog), s.survey, false)], events: [] };
}

/** Idle, at the menu, or in a conversation that has timed out (the next message would clear it). */
function isFree(s: Session, catalog: Catalog, now: Date): boolean {
	if (FREE.has(s.state)) return true;
	if (s.state === 'handoff') return !!s.handoffUntil && now.getTime() >= Date.parse(s.handoffUntil);
	return now.getTime() - Date.parse(s.at) > idleLimitMs(s, catalog);
}

/** At the main menu with a pending invitation: offer it in place of the menu. */
export function offerPendingSurvey(ctx: Ctx, s: Session): void {
	const invite = s.invite;
	if (!invite || s.state !== 'menu') return;
	delete s.invite;
	if (ctx.now.getTime() - Date.parse(invite.at) > INVITE_KEEP_DAYS * 86_400_000) return;
	const last = ctx.replies[ctx.replies.length - 1];
	if (last?.type === 'list' && last.sections[0]?.rows[0]?.id.startsWith('menu:')) ctx.replies.pop();
	s.history = [];
	s.state = 'survey_invite';
	s.survey = { ticket: invite.ticket, service: invite.service, scores: {} };
	ctx.replies.push(invitationReply(ctx.texts, s.survey, true));
}

/** A survey invitation that timed out unanswered goes back to pending. */
export function pendingAgain(s: Session): Session['invite'] | undefined {
	return s.state === 'survey_invite' && s.survey
		? { ticket: s.survey.ticket, service: s.survey.service, at: s.at }
		: undefined;
}

function notUnderstood(ctx: Ctx, s: Session, reason = say(ctx.texts, 'not_understood')): void {
	ctx.replies.push(...prompt(ctx, s, reason));
}

export function onSurveyInvite(ctx: Ctx, s: Session, input: Input): void {
	const choice = matchChoice(
		ctx.texts,
		[
			{
				id: 'survey:start',
				title: say(ctx.texts, 'button.survey'),
				wordsKey: 'button.survey.words',
				answer: 'yes',
			},
			{
				id: 'survey:skip',
				title: say(ctx.texts, 'button.skip'),
				wordsKey: 'survey.skip.words',
				answer: 'no',
			},
		],
		input,
	)?.id;
	if (choice === 'survey:start') {
		moveTo(s, 'survey', { field: 0 });
		ctx.replies.push(...prompt(ctx, s));
		return;
	}
	// A main-menu choice (a tap on an older menu list, or its words typed: "status") declines the
	// survey and does what was asked; a bare number only answers the invitation's own buttons.
	const typedNumber = !input.replyId && /^\s*\d+\s*$/.test(input.text ?? '');
	const item = choice || typedNumber ? undefined : menuChoice(ctx, input);
	if (choice !== 'survey:skip' && !item) return notUnderstood(ctx, s);
	const keep = item === 'status' && s.survey ? pendingAgain(s) : undefined;
	clearRequest(s);
	s.state = 'menu';
	if (item) {
		onMenu(ctx, s, item);
		// Asking the status first is no answer to the invitation: it stays open ("ya, boleh" later).
		if (keep) s.invite = { ...keep, at: ctx.now.toISOString() };
		return;
	}
	ctx.replies.push(textReply(say(ctx.texts, 'survey.skipped')), mainMenu(ctx.texts));
}

/** A press on an invitation's button after it went back to pending (timeout). */
export function onLateInvite(ctx: Ctx, s: Session, input: Input): boolean {
	const invite = s.invite;
	const legacy = input.replyId === 'survey:start' || input.replyId === 'survey:skip';
	const typed = !input.replyId && yesNo(ctx.texts, input.text) !== undefined;
	if (!invite || !(legacy || typed)) return false;
	delete s.invite;
	clearRequest(s);
	s.state = 'survey_invite';
	s.survey = { ticket: invite.ticket, service: invite.service, scores: {} };
	onSurveyInvite(ctx, s, input);
	return true;
}

export function onSurvey(ctx: Ctx, s: Session, input: Input): void {
	const q = s.pos?.field ?? 0;
	const element = SURVEY_ELEMENTS[q];
	const survey = s.survey;
	if (!element || !survey) return restart(ctx, s);
	const skipped = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	if (!skipped) {
		const choices = surveyOptions(ctx.texts, element).map((label, i) => ({
			id: `score:${i + 1}`,
			title: label,
		}));
		const choice = matchChoice(ctx.texts, choices, input);
		if (!choice) return notUnderstood(ctx, s, say(ctx.texts, 'survey.invalid'));
		survey.scores[element] = Number(choice.id.slice('score:'.length));
	}
	if (q + 1 >= SURVEY_ELEMENTS.length) {
		survey.done = true;
		markSurveyed(s, survey.ticket);
	}
	emitAnswers(ctx, s);
	if (q + 1 < SURVEY_ELEMENTS.length) moveTo(s, 'survey', { field: q + 1 });
	else moveTo(s, 'survey_suggestion');
	ctx.replies.push(...prompt(ctx, s));
}

export function onSuggestion(ctx: Ctx, s: Session, input: Input): void {
	if (!s.survey) return restart(ctx, s);
	const skipped = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	const text = input.text.trim();
	if (!skipped) {
		if (input.replyId || !text) return notUnderstood(ctx, s);
		s.survey.suggestion = text;
		s.survey.done = true;
		emitAnswers(ctx, s);
	}
	ctx.replies.push(textReply(say(ctx.texts, 'survey.thanks')));
	clearRequest(s);
}

export function markSurveyed(s: Session, ticket: string): void {
	s.surveyed = [...(s.surveyed ?? []).filter((t) => t !== ticket), ticket].slice(-SURVEYED_LIMIT);
}

export function emitAnswers(ctx: Ctx, s: Session): void {
	const survey = s.survey!;
	ctx.events.push({
		type: 'survey_answered',
		ticket: survey.ticket,
		serviceTitle: survey.service,
		waId: s.waId,
		scores: { ...survey.scores },
		...(survey.suggestion ? { suggestion: survey.suggestion } : {}),
		complete: survey.done === true,
		at: ctx.now.toISOString(),
	});
}
