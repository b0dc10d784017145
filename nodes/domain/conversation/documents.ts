/**
 * Collecting the documents of a request: photos or PDFs per requirement, several up to the
 * maximum, `selesai` once the minimum is reached, `lewati` for optional ones.
 */
import type { ResolvedService } from '../catalog/types';
import type { DocumentFile, Session } from './types';
import { enterDocument, finishItem, prompt, type Ctx } from './flow';
import { button, type Input } from './input';
import { restart } from './backToMenu';
import { buttonsReply, isWord, isWordAmongFillers, say, textReply, wordsOf } from './texts';
import { words } from './recognise';
import { DRAFT_TIMEOUT_HOURS } from './session';
import { tapId } from './ids';

/** "belum punya", "nanti saya minta ke RT": the document is not at hand yet. */
function later(ctx: Ctx, text: string): boolean {
	const said = words(ctx.texts, text).join(' ');
	return [...wordsOf(ctx.texts, 'document.later.words')].some((phrase) =>
		` ${said} `.includes(` ${words(ctx.texts, phrase).join(' ')} `),
	);
}

/** Photos and PDFs the office can store. */
export const ACCEPTED_FILE = /^(image\/(jpeg|jpg|png|webp|heic|heif)|application\/pdf)$/i;

const mimeTypeOf = (message: Ctx['message']) =>
	String(message.media?.mimeType || (message.type === 'image' ? 'image/jpeg' : ''));

/** The message's photo or file as a document file, or null when it is none the office accepts. */
export function fileOf(message: Ctx['message']): DocumentFile | null {
	const media = message.media;
	const mimeType = mimeTypeOf(message);
	if (!media || (!media.id && !media.url) || !ACCEPTED_FILE.test(mimeType)) return null;
	return {
		...(media.id ? { id: String(media.id) } : {}),
		...(media.url ? { url: String(media.url) } : {}),
		mimeType,
		...(media.fileName ? { fileName: String(media.fileName).slice(0, 200) } : {}),
	};
}

/**
 * The message's photo or PDF as the office stores it (where to fetch it, its type and name), or
 * null after telling the resident the file cannot be taken.
 */
export function receivedFile(ctx: Ctx): DocumentFile | null {
	const file = fileOf(ctx.message);
	if (!file) {
		const mimeType = mimeTypeOf(ctx.message) || '?';
		ctx.replies.push(textReply(say(ctx.texts, 'document.bad_type', { mimeType })));
	}
	return file;
}

export function onDocumentFile(ctx: Ctx, session: Session, service: ResolvedService): void {
	const d = session.pos?.document ?? -1;
	const doc = service.documents[d];
	if (!doc) return restart(ctx, session);
	const file = receivedFile(ctx);
	if (!file) return;
	const files = [...(session.docs[doc.key] ?? []), file];
	session.docs[doc.key] = files;
	const count = files.length;
	const min = Math.max(doc.min, doc.optional ? 0 : 1);
	if (count >= doc.max) {
		ctx.replies.push(textReply(say(ctx.texts, 'document.saved', { label: doc.label, count })));
		finishItem(session, service, () => enterDocument(session, service, d + 1));
		ctx.replies.push(...prompt(ctx, session));
	} else if (count < min) {
		ctx.replies.push(
			textReply(
				say(ctx.texts, 'document.received.need', { label: doc.label, count, left: min - count }),
			),
		);
	} else {
		ctx.replies.push(
			buttonsReply(say(ctx.texts, 'document.received', { label: doc.label, count }), [
				{ ...button(ctx, 'done'), id: tapId('done', 'doc', session.draft ?? '', String(d)) },
			]),
		);
	}
}

export function onDocumentText(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	input: Input,
): void {
	const d = session.pos?.document ?? -1;
	const doc = service.documents[d];
	if (!doc) return restart(ctx, session);
	const count = session.docs[doc.key]?.length ?? 0;
	const min = Math.max(doc.min, doc.optional ? 0 : 1);
	const skip = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	const done =
		input.replyId === 'done' || isWordAmongFillers(ctx.texts, 'command.done', input.text);
	if ((skip && doc.optional) || (done && (count >= min || (doc.optional && count === 0)))) {
		if (skip) session.docs[doc.key] = [];
		finishItem(session, service, () => enterDocument(session, service, d + 1));
		ctx.replies.push(...prompt(ctx, session));
	} else if (!done && !skip && later(ctx, input.text)) {
		// "belum punya, nanti saya minta ke RT": the draft waits; the same question continues it.
		const hours = Math.max(1, ctx.catalog.settings?.draftTimeoutHours ?? DRAFT_TIMEOUT_HOURS);
		ctx.replies.push(textReply(say(ctx.texts, 'document.later', { label: doc.label, hours })));
	} else if (done) {
		ctx.replies.push(
			textReply(say(ctx.texts, 'document.need_more', { label: doc.label, min, count })),
		);
	} else {
		const extra =
			count >= min && count > 0
				? 'document.expect_file.done'
				: doc.optional
					? 'document.expect_file.skip'
					: '';
		ctx.replies.push(
			textReply(
				say(ctx.texts, 'document.expect_file', {
					label: doc.label,
					extra: extra ? say(ctx.texts, extra) : '',
				}),
			),
		);
	}
}
