/**
 * One conversation step: (session, message, catalog, now) → (session, replies, events).
 * Pure and total: redelivered messages do nothing, unusable messages get a short answer,
 * and any internal failure becomes a polite reply plus an `error` event.
 */
import type { Catalog } from '../catalog/types';
import type { InboundMessage } from '../messaging/types';
import type { Session, StepResult } from './types';
import {
	clearRequest,
	idleLimitMs,
	loadSession,
	markSeen,
	newSession,
	REQUEST_STATES,
	SHOWN_LIMIT,
} from './session';
import { findService, itemSignatures, draftSignature, prompt, type Ctx } from './flow';
import { routeTap } from './taps';
import { forgetExpiredIdentity, keepIdentity } from './identity';
import { askErase, isEraseRequest, onEraseAsk } from './erase';
import { onFreeText } from './freeText';
import { handOff } from './menu';
import { recognise } from './recognise';
import { answerSalam } from './chatter';
import * as on from './answers';
import { onDocumentFile, onDocumentText } from './documents';
import { onNikConfirm } from './nikConfirm';
import { KTP_READING, onKtpConfirm, onKtpFix, onKtpPhoto, onKtpReading } from './ktpStep';
import { ktpPhotoWelcome } from './ktpConfirm';
import { heardVoice, onVoiceNote, VOICE_TEXT } from './voice';
import { onResend } from './resendFlow';
import { mainMenu } from './present';
import {
	buttonsReply,
	commandOf,
	matchChoice,
	say,
	textReply,
	textsFor,
	type Command,
} from './texts';
import {
	offerPendingSurvey,
	onLateInvite,
	onSuggestion,
	onSurvey,
	onSurveyInvite,
	pendingAgain,
} from './survey';
import {
	COMPLAINT_STATES,
	onComplaintConfirm,
	onComplaintFile,
	onComplaintPhotoText,
	onComplaintText,
} from './complaint';

const UNUSABLE: Record<string, string> = {
	sticker: 'unsupported.sticker',
	location: 'unsupported.location',
	audio: 'unsupported.audio',
	video: 'unsupported.video',
	contacts: 'unsupported.contacts',
	reaction: 'unsupported.reaction',
	media_unavailable: 'unsupported.media_unavailable',
};
const USABLE = new Set(['text', 'button_reply', 'list_reply', 'image', 'document']);

export function step(
	session: Session | null,
	message: InboundMessage,
	catalog: Catalog,
	now: Date,
): StepResult {
	const waId = typeof message?.from === 'string' ? message.from : '';
	const name = typeof message?.name === 'string' ? message.name.slice(0, 100) : '';
	let base: Session;
	try {
		base = loadSession(session, waId, name, now);
	} catch {
		base = newSession(waId, name, now);
	}
	try {
		return run(base, message, catalog, now);
	} catch (error) {
		const fresh = newSession(waId, name || base.name, now);
		fresh.seen = base.seen;
		keepIdentity(base, fresh);
		if (base.lastTicket) fresh.lastTicket = base.lastTicket;
		markSeen(fresh, typeof message?.messageId === 'string' ? message.messageId : '');
		let text: string;
		try {
			text = say(textsFor(catalog), 'system.error');
		} catch {
			text = 'Maaf, terjadi gangguan. Silakan coba lagi.';
		}
		const reason = error instanceof Error ? error.message : String(error);
		return { session: fresh, replies: [textReply(text)], events: [{ type: 'error', reason }] };
	}
}

/** Media fields as strings only: a forged webhook body may put anything there. */
function cleanMedia(media: unknown): InboundMessage['media'] {
	if (!media || typeof media !== 'object') return undefined;
	const given = media as Record<string, unknown>;
	const out: Record<string, string> = {};
	for (const key of ['id', 'url', 'mimeType', 'fileName', 'caption', 'sha256'])
		if (typeof given[key] === 'string') out[key] = given[key] as string;
	return out as unknown as InboundMessage['media'];
}

function run(session: Session, given: InboundMessage, catalog: Catalog, now: Date): StepResult {
	const texts = textsFor(catalog);
	// A transcribed voice note is said back ("Kami dengar: …"), then handled as typed text.
	const heard = String(given.type) === VOICE_TEXT ? heardVoice(texts, given) : undefined;
	const message: InboundMessage = {
		...given,
		media: cleanMedia(given.media),
		...(heard ? { type: heard.type, text: heard.text } : {}),
	};
	const ctx: Ctx = { catalog, texts, now, message, replies: [], events: [] };
	const result = (): StepResult => {
		rememberSummary(ctx, session);
		return { session, replies: ctx.replies, events: ctx.events };
	};
	const messageId = typeof message.messageId === 'string' ? message.messageId : '';
	if (messageId && session.seen.includes(messageId)) return { session, replies: [], events: [] };
	markSeen(session, messageId);
	forgetExpiredIdentity(session, catalog, now);
	if (typeof message.name === 'string' && message.name) session.name = message.name.slice(0, 100);

	const nowMs = now.getTime();
	if (session.state === 'handoff') {
		if (session.handoffUntil && nowMs < Date.parse(session.handoffUntil)) return result();
		clearRequest(session);
	}
	if (session.state !== 'idle' && nowMs - Date.parse(session.at) > idleLimitMs(session, catalog)) {
		const wasRequest = REQUEST_STATES.has(session.state) || session.state === 'requirements';
		const invite = pendingAgain(session);
		clearRequest(session);
		if (invite) session.invite = invite;
		if (wasRequest) ctx.replies.push(textReply(say(texts, 'expired')));
	}
	session.at = now.toISOString();
	if (heard) ctx.replies.push(heard.reply);
	if (heard && !heard.text) return result();

	const type = String(message.type);
	if (type === KTP_READING) {
		const service = findService(catalog, session.service);
		if (service) onKtpReading(ctx, session, service);
		return result();
	}
	if (type === 'audio' && catalog.settings?.voiceNotes && message.media) {
		onVoiceNote(ctx, session);
		return result();
	}
	if (type === 'audio') {
		// A voice note: a kind answer and the way to a person who can listen.
		ctx.replies.push(
			buttonsReply(say(texts, 'unsupported.audio'), [
				{ id: 'menu:staff', title: say(texts, 'menu.staff') },
			]),
		);
		return result();
	}
	if (!USABLE.has(type)) {
		// Own keys only: a type such as "valueOf" or "__proto__" must not find Object.prototype's.
		const key = Object.prototype.hasOwnProperty.call(UNUSABLE, type) ? UNUSABLE[type] : undefined;
		ctx.replies.push(textReply(say(texts, key ?? 'unsupported.other')));
		return result();
	}
	if (type === 'image' || type === 'document') {
		const service = findService(catalog, session.service);
		if (session.state === 'document' && service) onDocumentFile(ctx, session, service);
		else if (type === 'image' && service && ktpPhotoWelcome(ctx, service, session))
			onKtpPhoto(ctx, session);
		else if (COMPLAINT_STATES.has(session.state)) onComplaintFile(ctx, session);
		else ctx.replies.push(textReply(say(texts, 'media.unexpected')));
		return result();
	}
	const text = typeof message.text === 'string' ? message.text : '';
	const max = catalog.settings?.maxTextLength ?? 1000;
	if (text.length > max) {
		ctx.replies.push(textReply(say(texts, 'text.too_long', { max })));
		return result();
	}
	const replyId =
		type !== 'text' && typeof message.replyId === 'string' ? message.replyId : undefined;
	// A title that is not text (an object from a forged body) is left out: String() of it can throw.
	const title = typeof message.replyTitle === 'string' ? message.replyTitle : text;
	const input: on.Input = { text: replyId ? title : text, replyId };
	const command = type === 'text' ? commandOf(texts, text) : undefined;
	if (session.state === 'erase_ask') onEraseAsk(ctx, session, input);
	else if (type === 'text' && isEraseRequest(texts, text)) askErase(ctx, session);
	else if (command) runCommand(ctx, session, command, text);
	else if (replyId) tapped(ctx, session, input, replyId);
	else dispatch(ctx, session, input);
	offerPendingSurvey(ctx, session);
	return result();
}

/** A button or list row, maybe of an older message: see taps.ts. */
function tapped(ctx: Ctx, session: Session, input: on.Input, id: string): void {
	const route = routeTap(ctx, session, id);
	if (route?.done) return;
	dispatch(ctx, session, route ? { ...input, replyId: route.local } : input);
}

/** Keeps the signatures of the summary just shown, so an old *Kirim* can say what changed. */
function rememberSummary(ctx: Ctx, session: Session): void {
	const service = findService(ctx.catalog, session.service);
	if (session.state !== 'summary' || !service) return;
	const signature = draftSignature(session);
	const shown = (session.shown ?? []).filter((x) => x.signature !== signature);
	session.shown = [...shown, { signature, items: itemSignatures(service, session) }].slice(
		-SHOWN_LIMIT,
	);
}

function runCommand(ctx: Ctx, session: Session, command: Command, text: string): void {
	switch (command) {
		case 'cancel':
			return on.cancel(ctx, session);
		case 'menu': {
			const greet = session.state === 'idle';
			const recognised = recognise(ctx.catalog, ctx.texts, text);
			// "Assalamualaikum" opens the menu too, answered in kind first.
			answerSalam(ctx, recognised);
			// A greeting (not "menu") while a request is being filled: the draft waits for the
			// resident (they come back tomorrow with "Assalamualaikum"), so carry on with it.
			const draft = session.mode === 'request' && REQUEST_STATES.has(session.state);
			const title = findService(ctx.catalog, session.service)?.title;
			if (draft && title && (recognised.greeting || recognised.salam)) {
				ctx.replies.push(textReply(say(ctx.texts, 'draft.continue', { title })));
				ctx.replies.push(...prompt(ctx, session));
				return;
			}
			clearRequest(session);
			if (greet) return on.greet(ctx, session);
			session.state = 'menu';
			ctx.replies.push(mainMenu(ctx.texts));
			return;
		}
		case 'help':
			ctx.replies.push(
				textReply(
					say(ctx.texts, 'help', {
						hours: ctx.catalog.office?.hours || say(ctx.texts, 'help.hours.none'),
					}),
				),
			);
			if (session.state !== 'idle') ctx.replies.push(...prompt(ctx, session));
			return;
		case 'back':
			return goBack(ctx, session);
		case 'staff':
			return on.onMenu(ctx, session, 'staff');
	}
}

function goBack(ctx: Ctx, session: Session): void {
	const previous = session.history.pop();
	if (!previous) {
		if (session.state === 'idle') return on.greet(ctx, session);
		ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'back.first')));
		return;
	}
	session.state = previous.state;
	if (previous.pos) session.pos = { ...previous.pos };
	else delete session.pos;
	if (previous.edit) session.edit = previous.edit.slice();
	else delete session.edit;
	ctx.replies.push(...prompt(ctx, session));
}

const OUTCOME_HANDLERS: Partial<
	Record<Session['state'], (ctx: Ctx, session: Session, input: on.Input) => void>
> = {
	survey_invite: onSurveyInvite,
	survey: onSurvey,
	survey_suggestion: onSuggestion,
	complaint: onComplaintText,
	complaint_photo: onComplaintPhotoText,
	complaint_confirm: onComplaintConfirm,
};

function dispatch(ctx: Ctx, session: Session, input: on.Input): void {
	if (session.state === 'idle' || session.state === 'menu') {
		if (onLateInvite(ctx, session, input)) return;
		const item = on.menuChoice(ctx, input);
		if (item) return on.onMenu(ctx, session, item);
		if (!input.replyId && onFreeText(ctx, session, input.text)) return;
		if (session.state === 'idle') return on.greet(ctx, session);
		ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
		return;
	}
	if (session.state === 'services') return on.onServices(ctx, session, input);
	if (session.state === 'leave_ask') return onLeave(ctx, session, input);
	if (session.state === 'handoff_ask') return handOff(ctx, session, input.text);
	if (session.state === 'resend')
		return onResend(ctx, session, input, () => dispatch(ctx, session, input));
	const outcome = OUTCOME_HANDLERS[session.state];
	if (outcome) return outcome(ctx, session, input);
	const service = findService(ctx.catalog, session.service);
	if (!service) return on.restart(ctx, session);
	switch (session.state) {
		case 'requirements':
			return on.onRequirements(ctx, session, service, input);
		case 'reuse':
			return on.onReuse(ctx, session, service, input);
		case 'field':
			return on.onField(ctx, session, service, input);
		case 'nik_confirm':
			if (!onNikConfirm(ctx, session, service, input.text, input.replyId))
				ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
			else ctx.replies.push(...prompt(ctx, session));
			return;
		case 'ktp_confirm':
			return onKtpConfirm(ctx, session, service, input);
		case 'ktp_fix':
			return onKtpFix(ctx, session, service, input);
		case 'record_more':
			return on.onRecordMore(ctx, session, service, input);
		case 'document':
			return onDocumentText(ctx, session, service, input);
		case 'summary':
			return on.onSummary(ctx, session, service, input);
		case 'change':
			return on.onChange(ctx, session, service, input);
		default:
			return on.restart(ctx, session);
	}
}

/** "Leave the draft for what you tapped?": yes drops it and does that tap, no goes back to it. */
function onLeave(ctx: Ctx, session: Session, input: on.Input): void {
	const choice = matchChoice(
		ctx.texts,
		[on.button(ctx, 'leave', 'yes'), on.button(ctx, 'stay', 'no')],
		input,
	)?.id;
	if (!choice) {
		ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
		return;
	}
	const pending = session.pending;
	delete session.pending;
	if (choice === 'stay' || !pending) return goBack(ctx, session);
	const service = findService(ctx.catalog, session.service);
	if (service) {
		ctx.events.push({ type: 'cancelled', waId: session.waId, serviceKey: service.key });
		ctx.replies.push(textReply(say(ctx.texts, 'cancelled', { title: service.title })));
	} else ctx.replies.push(textReply(say(ctx.texts, 'complaint.cancelled')));
	clearRequest(session);
	tapped(ctx, session, { text: '', replyId: pending }, pending);
}
