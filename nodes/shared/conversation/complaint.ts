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
import { button, cancel, newDraftId, type Input } from './answers';
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

export function startComplaint(ctx: Ctx, s: Session): void {
	s.complaint = { id: newDraftId(ctx, s) };
	moveTo(s, 'complaint');
	ctx.replies.push(...prompt(ctx, s));
}

/** After the text, or after a photo: the photo question or the confirmation. */
function next(ctx: Ctx, s: Session): void {
	const complaint = s.complaint ?? {};
	if (!complaint.text) moveTo(s, 'complaint');
	else if (!complaint.photo && s.state === 'complaint') moveTo(s, 'complaint_photo');
	else moveTo(s, 'complaint_confirm');
	ctx.replies.push(...prompt(ctx, s));
}

export function onComplaintText(ctx: Ctx, s: Session, input: Input): void {
	const text = input.text.trim();
	if (input.replyId)
		return void ctx.replies.push(...prompt(ctx, s, say(ctx.texts, 'not_understood')));
	if (text.length < COMPLAINT_MIN_LENGTH)
		return void ctx.replies.push(...prompt(ctx, s, say(ctx.texts, 'complaint.too_short')));
	s.complaint = { ...(s.complaint ?? {}), text };
	next(ctx, s);
}

export function onComplaintFile(ctx: Ctx, s: Session): void {
	const photo = receivedFile(ctx);
	if (!photo) return;
	const complaint = { ...(s.complaint ?? {}), photo };
	const caption = typeof ctx.message.text === 'string' ? ctx.message.text.trim() : '';
	if (s.state === 'complaint' && caption.length >= COMPLAINT_MIN_LENGTH) {
		complaint.text = cut(caption, ctx.catalog.settings?.maxTextLength ?? 1000);
	}
	s.complaint = complaint;
	if (!complaint.text) {
		ctx.replies.push(textReply(say(ctx.texts, 'complaint.photo.first')));
		return;
	}
	next(ctx, s);
}

export function onComplaintPhotoText(ctx: Ctx, s: Session, input: Input): void {
	if (input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text))
		return next(ctx, s);
	ctx.replies.push(textReply(say(ctx.texts, 'complaint.photo.expect')));
}

export function onComplaintConfirm(ctx: Ctx, s: Session, input: Input): void {
	const choice = matchChoice(
		ctx.texts,
		[button(ctx, 'confirm', 'yes'), button(ctx, 'rewrite'), button(ctx, 'cancel')],
		input,
	)?.id;
	if (!choice) return void ctx.replies.push(...prompt(ctx, s, say(ctx.texts, 'not_understood')));
	if (choice === 'cancel') return cancel(ctx, s);
	if (choice === 'rewrite') {
		s.complaint = { id: newDraftId(ctx, s) };
		moveTo(s, 'complaint');
		ctx.replies.push(...prompt(ctx, s));
		return;
	}
	const text = s.complaint?.text;
	if (!text) return next(ctx, s);
	const ticket = complaintTicket(
		say(ctx.texts, 'complaint.ticket.prefix'),
		s.waId,
		ctx.message.messageId ?? '',
		ctx.now,
	);
	const complaint: Complaint = {
		ticket,
		waId: s.waId,
		name: s.name,
		text,
		...(s.complaint?.photo ? { photo: s.complaint.photo } : {}),
		receivedAt: ctx.now.toISOString(),
	};
	ctx.events.push({ type: 'complaint_submitted', complaint });
	ctx.replies.push(textReply(say(ctx.texts, 'complaint.submitted', { ticket })));
	const id = s.complaint?.id;
	clearRequest(s);
	markSent(s, id, ticket);
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
