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
import type { Input } from './input';
import { restart } from './backToMenu';
import { menuChoice, onMenu } from './menu';
import { mainMenu } from './present';
import { invitationReply, surveyOptions } from './outcomePrompts';
import { isWord, matchChoice, say, textReply, textsFor, yesNo } from './texts';
import { intentOf, recognise, type Intent } from './recognise';
import { onFreeText } from './freeText';

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
	stored: Session | null,
	invite: SurveyInvite,
	catalog: Catalog,
	now: Date,
): StepResult {
	const waId = String(invite?.waId ?? '');
	const name = String(invite?.name ?? '').slice(0, 100);
	let session: Session;
	try {
		session = loadSession(stored, waId, name, now);
	} catch {
		session = newSession(waId, name, now);
	}
	const ticket = String(invite?.ticket ?? '').trim();
	const service = String(invite?.serviceTitle ?? '').trim();
	if (!waId || !ticket) {
		return {
			session,
			replies: [],
			events: [{ type: 'error', reason: 'invitation without waId or ticket' }],
		};
	}
	if (name && !session.name) session.name = name;
	const invited = session.invited ?? [];
	if (invited.includes(ticket) || session.survey?.ticket === ticket) {
		return { session, replies: [], events: [] };
	}
	session.invited = [...invited, ticket].slice(-INVITED_LIMIT);
	if (!isFree(session, catalog, now)) {
		session.invite = { ticket, service, at: now.toISOString() };
		return { session, replies: [], events: [] };
	}
	clearRequest(session);
	delete session.invite;
	session.at = now.toISOString();
	session.state = 'survey_invite';
	session.survey = { ticket, service, scores: {} };
	return {
		session,
		replies: [invitationReply(textsFor(catalog), session.survey, false)],
		events: [],
	};
}

/** Idle, at the menu, or in a conversation that has timed out (the next message would clear it). */
function isFree(session: Session, catalog: Catalog, now: Date): boolean {
	if (FREE.has(session.state)) return true;
	if (session.state === 'handoff')
		return !!session.handoffUntil && now.getTime() >= Date.parse(session.handoffUntil);
	return now.getTime() - Date.parse(session.at) > idleLimitMs(session, catalog);
}

/** At the main menu with a pending invitation: offer it in place of the menu. */
export function offerPendingSurvey(ctx: Ctx, session: Session): void {
	const invite = session.invite;
	if (!invite || session.state !== 'menu') return;
	delete session.invite;
	if (ctx.now.getTime() - Date.parse(invite.at) > INVITE_KEEP_DAYS * 86_400_000) return;
	const last = ctx.replies[ctx.replies.length - 1];
	if (last?.type === 'list' && last.sections[0]?.rows[0]?.id.startsWith('menu:')) ctx.replies.pop();
	session.history = [];
	session.state = 'survey_invite';
	session.survey = { ticket: invite.ticket, service: invite.service, scores: {} };
	ctx.replies.push(invitationReply(ctx.texts, session.survey, true));
}

/** A survey invitation that timed out unanswered goes back to pending. */
export function pendingAgain(session: Session): Session['invite'] | undefined {
	return session.state === 'survey_invite' && session.survey
		? { ticket: session.survey.ticket, service: session.survey.service, at: session.at }
		: undefined;
}

function notUnderstood(
	ctx: Ctx,
	session: Session,
	reason = say(ctx.texts, 'not_understood'),
): void {
	ctx.replies.push(...prompt(ctx, session, reason));
}

export function onSurveyInvite(ctx: Ctx, session: Session, input: Input): void {
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
		moveTo(session, 'survey', { field: 0 });
		ctx.replies.push(...prompt(ctx, session));
		return;
	}
	// A main-menu choice (a tap on an older menu list, or its words typed: "status") declines the
	// survey and does what was asked; a bare number only answers the invitation's own buttons.
	const typedNumber = !input.replyId && /^\s*\d+\s*$/.test(input.text ?? '');
	const item = choice || typedNumber ? undefined : menuChoice(ctx, input);
	if (!choice && !item && !typedNumber && !input.replyId && isCommand(ctx, input.text))
		return answerCommand(ctx, session, input.text);
	if (choice !== 'survey:skip' && !item) return notUnderstood(ctx, session);
	const keep = item === 'status' && session.survey ? pendingAgain(session) : undefined;
	clearRequest(session);
	session.state = 'menu';
	if (item) {
		onMenu(ctx, session, item);
		// Asking the status first is no answer to the invitation: it stays open ("ya, boleh" later).
		if (keep) session.invite = { ...keep, at: ctx.now.toISOString() };
		return;
	}
	ctx.replies.push(textReply(say(ctx.texts, 'survey.skipped')), mainMenu(ctx.texts));
}

/** What idle chat would do at once, typed at the invitation (not a question or a greeting). */
const COMMANDS = new Set<Intent['kind']>([
	'staff',
	'complaint',
	'resend',
	'status',
	'service',
	'which',
]);

function isCommand(ctx: Ctx, text: string): boolean {
	return COMMANDS.has(intentOf(recognise(ctx.catalog, ctx.texts, text)).kind);
}

/**
 * A clear command typed at the invitation ("kirim ulang surat", "cek status", "mau bicara dengan
 * petugas", a service named) is answered as idle chat answers it. It is no answer to the
 * invitation, which stays pending for the next main menu.
 */
function answerCommand(ctx: Ctx, session: Session, text: string): void {
	const keep = pendingAgain(session);
	clearRequest(session);
	session.state = 'menu';
	onFreeText(ctx, session, text);
	if (keep && !session.invite) session.invite = { ...keep, at: ctx.now.toISOString() };
}

/** A press on an invitation's button after it went back to pending (timeout). */
export function onLateInvite(ctx: Ctx, session: Session, input: Input): boolean {
	const invite = session.invite;
	const legacy = input.replyId === 'survey:start' || input.replyId === 'survey:skip';
	const typed = !input.replyId && yesNo(ctx.texts, input.text) !== undefined;
	if (!invite || !(legacy || typed)) return false;
	delete session.invite;
	clearRequest(session);
	session.state = 'survey_invite';
	session.survey = { ticket: invite.ticket, service: invite.service, scores: {} };
	onSurveyInvite(ctx, session, input);
	return true;
}

export function onSurvey(ctx: Ctx, session: Session, input: Input): void {
	const q = session.pos?.field ?? 0;
	const element = SURVEY_ELEMENTS[q];
	const survey = session.survey;
	if (!element || !survey) return restart(ctx, session);
	const skipped = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	if (!skipped) {
		const choices = surveyOptions(ctx.texts, element).map((label, i) => ({
			id: `score:${i + 1}`,
			title: label,
		}));
		const choice = matchChoice(ctx.texts, choices, input);
		if (!choice) return notUnderstood(ctx, session, say(ctx.texts, 'survey.invalid'));
		survey.scores[element] = Number(choice.id.slice('score:'.length));
	}
	if (q + 1 >= SURVEY_ELEMENTS.length) {
		survey.done = true;
		markSurveyed(session, survey.ticket);
	}
	emitAnswers(ctx, session);
	if (q + 1 < SURVEY_ELEMENTS.length) moveTo(session, 'survey', { field: q + 1 });
	else moveTo(session, 'survey_suggestion');
	ctx.replies.push(...prompt(ctx, session));
}

export function onSuggestion(ctx: Ctx, session: Session, input: Input): void {
	if (!session.survey) return restart(ctx, session);
	const skipped = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	const text = input.text.trim();
	if (!skipped) {
		if (input.replyId || !text) return notUnderstood(ctx, session);
		session.survey.suggestion = text;
		session.survey.done = true;
		emitAnswers(ctx, session);
	}
	ctx.replies.push(textReply(say(ctx.texts, 'survey.thanks')));
	clearRequest(session);
}

export function markSurveyed(session: Session, ticket: string): void {
	session.surveyed = [...(session.surveyed ?? []).filter((t) => t !== ticket), ticket].slice(
		-SURVEYED_LIMIT,
	);
}

export function emitAnswers(ctx: Ctx, session: Session): void {
	const survey = session.survey!;
	ctx.events.push({
		type: 'survey_answered',
		ticket: survey.ticket,
		serviceTitle: survey.service,
		waId: session.waId,
		scores: { ...survey.scores },
		...(survey.suggestion ? { suggestion: survey.suggestion } : {}),
		complete: survey.done === true,
		at: ctx.now.toISOString(),
	});
}
