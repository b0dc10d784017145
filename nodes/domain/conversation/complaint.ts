/**
 * Complaints (pengaduan): the resident describes the problem, may add one photo, confirms, and
 * gets a complaint ticket; staff's response comes back through `complaintReplies`.
 * A photo with a caption counts as both; a photo sent before the text is kept.
 */
import type { Catalog } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import type { Complaint, Session } from './types';
import { clearRequest, markSent } from './session';
import { moveTo, prompt, type Ctx } from './flow';
import { button, newDraftId, type Input } from './input';
import { cancel } from './backToMenu';
import { receivedFile } from './documents';
import { cut, isWord, matchChoice, say, textReply, textsFor } from './texts';
import { complaintTicket } from './ticket';
import { extensionFor } from '../messaging/media';

/** Shorter than this is not a description ("tes", "halo"). */
export const COMPLAINT_MIN_LENGTH = 5;

export const COMPLAINT_STATES = new Set<Session['state']>([
	'complaint',
	'complaint_photo',
	'complaint_confirm',
]);

/** A first message with fewer words than this wishes to complain ("mau ngadu"); longer ones say what. */
export const COMPLAINT_DESCRIBED_WORDS = 7;

export function startComplaint(ctx: Ctx, session: Session): void {
	session.complaint = { id: newDraftId(ctx, session) };
	moveTo(session, 'complaint');
	ctx.replies.push(...prompt(ctx, session));
}

/**
 * A complaint typed as the first message: when it already says what happened it is the
 * complaint's text (the photo question follows); otherwise the complaint is asked for.
 */
export function startComplaintFrom(ctx: Ctx, session: Session, text: string): void {
	const trimmed = text.trim();
	if (trimmed.split(/\s+/).length < COMPLAINT_DESCRIBED_WORDS) return startComplaint(ctx, session);
	session.complaint = {
		id: newDraftId(ctx, session),
		text: cut(trimmed, ctx.catalog.settings?.maxTextLength ?? 1000),
	};
	moveTo(session, 'complaint_photo');
	ctx.replies.push(textReply(say(ctx.texts, 'complaint.noted')), ...prompt(ctx, session));
}

/** After the text, or after a photo: the photo question or the confirmation. */
function next(ctx: Ctx, session: Session): void {
	const complaint = session.complaint ?? {};
	if (!complaint.text) moveTo(session, 'complaint');
	else if (!complaint.photo && session.state === 'complaint') moveTo(session, 'complaint_photo');
	else moveTo(session, 'complaint_confirm');
	ctx.replies.push(...prompt(ctx, session));
}

export function onComplaintText(ctx: Ctx, session: Session, input: Input): void {
	const text = input.text.trim();
	if (input.replyId)
		return void ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
	if (text.length < COMPLAINT_MIN_LENGTH)
		return void ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'complaint.too_short')));
	session.complaint = { ...(session.complaint ?? {}), text };
	next(ctx, session);
}

export function onComplaintFile(ctx: Ctx, session: Session): void {
	const photo = receivedFile(ctx);
	if (!photo) return;
	const complaint = { ...(session.complaint ?? {}), photo };
	const caption = typeof ctx.message.text === 'string' ? ctx.message.text.trim() : '';
	if (session.state === 'complaint' && caption.length >= COMPLAINT_MIN_LENGTH) {
		complaint.text = cut(caption, ctx.catalog.settings?.maxTextLength ?? 1000);
	}
	session.complaint = complaint;
	if (!complaint.text) {
		ctx.replies.push(textReply(say(ctx.texts, 'complaint.photo.first')));
		return;
	}
	next(ctx, session);
}

export function onComplaintPhotoText(ctx: Ctx, session: Session, input: Input): void {
	if (input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text))
		return next(ctx, session);
	ctx.replies.push(textReply(say(ctx.texts, 'complaint.photo.expect')));
}

export function onComplaintConfirm(ctx: Ctx, session: Session, input: Input): void {
	const choice = matchChoice(
		ctx.texts,
		[button(ctx, 'confirm', 'yes'), button(ctx, 'rewrite'), button(ctx, 'cancel')],
		input,
	)?.id;
	if (!choice)
		return void ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
	if (choice === 'cancel') return cancel(ctx, session);
	if (choice === 'rewrite') {
		session.complaint = { id: newDraftId(ctx, session) };
		moveTo(session, 'complaint');
		ctx.replies.push(...prompt(ctx, session));
		return;
	}
	const text = session.complaint?.text;
	if (!text) return next(ctx, session);
	const ticket = complaintTicket(
		say(ctx.texts, 'complaint.ticket.prefix'),
		session.waId,
		ctx.message.messageId ?? '',
		ctx.now,
	);
	const complaint: Complaint = {
		ticket,
		waId: session.waId,
		name: session.name,
		text,
		...(session.complaint?.photo ? { photo: session.complaint.photo } : {}),
		receivedAt: ctx.now.toISOString(),
	};
	ctx.events.push({ type: 'complaint_submitted', complaint });
	ctx.replies.push(textReply(say(ctx.texts, 'complaint.submitted', { ticket })));
	const id = session.complaint?.id;
	clearRequest(session);
	markSent(session, id, ticket);
}

/** Staff marked the complaint "Selesai": their response, for the resident. */
export function complaintReplies(
	complaint: { ticket: string; response: string },
	catalog: Catalog,
): OutboundReply[] {
	const texts = textsFor(catalog);
	const ticket = String(complaint?.ticket ?? '').trim();
	const response = String(complaint?.response ?? '').trim();
	return [
		textReply(
			response
				? say(texts, 'complaint.resolved', { ticket, response })
				: say(texts, 'complaint.resolved.noresponse', { ticket }),
		),
	];
}

/** The complaint's photo as the request files are listed (download → upload), or nothing. */
export function complaintFiles(complaint: Complaint, catalog: Catalog) {
	const photo = complaint?.photo;
	if (!photo) return [];
	const label = say(textsFor(catalog), 'complaint.photo.label');
	const extension = extensionFor(photo.mimeType);
	return [
		{
			ticket: complaint.ticket,
			key: 'photo',
			label,
			id: photo.id,
			url: photo.url,
			mimeType: photo.mimeType,
			fileName: `${complaint.ticket} ${label}.${extension}`,
		},
	];
}
