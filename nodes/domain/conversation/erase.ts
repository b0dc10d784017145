/**
 * "hapus data": a resident erases what the office's chat remembers about them (UU 27/2022 art.
 * 8): the remembered identity, the draft in progress and the conversation itself. Asked once
 * for confirmation; the answer says what was erased and what the office keeps by law (the
 * requests already sent, in the sheet: archives, UU 43/2009).
 */
import type { Session } from './types';
import { newSession, pushHistory, REQUEST_STATES } from './session';
import { findService, prompt, type Ctx } from './flow';
import { matchChoice, normalize, say, textReply, buttonsReply, wordsOf, type Texts } from './texts';

/** Ids of the confirmation buttons (no `~`: they answer only the question being asked). */
const ERASE = 'erase:yes';
const KEEP = 'erase:no';

/**
 * "hapus data", "tolong hapus data saya", "hapus semua data pribadi saya ya kak": one of the
 * `erase.words` phrases once the `erase.filler.words` are left out. Longer sentences are not
 * requests to erase ("data saya salah, tolong dihapus yang lama" is for staff).
 */
export function isEraseRequest(texts: Texts, text: string): boolean {
	const words = normalize(text)
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean);
	if (words.length === 0 || words.length > 8) return false;
	const filler = wordsOf(texts, 'erase.filler.words');
	const core = words.filter((word) => !filler.has(word)).join(' ');
	return wordsOf(texts, 'erase.words').has(core);
}

export function askErase(ctx: Ctx, session: Session): void {
	// The current question is kept in the history, to come back to if the resident says no.
	pushHistory(session);
	session.state = 'erase_ask';
	delete session.pos;
	ctx.replies.push(
		buttonsReply(say(ctx.texts, 'erase.ask'), [
			{ id: ERASE, title: say(ctx.texts, 'button.erase') },
			{ id: KEEP, title: say(ctx.texts, 'button.keep') },
		]),
	);
}

/** The answer to the confirmation: only a clear yes erases; anything else keeps everything. */
export function onEraseAsk(
	ctx: Ctx,
	session: Session,
	input: { text: string; replyId?: string },
): void {
	const t = ctx.texts;
	const choice = matchChoice(
		t,
		[
			{ id: ERASE, title: say(t, 'button.erase'), wordsKey: 'button.erase.words', answer: 'yes' },
			{ id: KEEP, title: say(t, 'button.keep'), wordsKey: 'button.keep.words', answer: 'no' },
		],
		input,
	)?.id;
	if (choice === ERASE) return erase(ctx, session);
	ctx.replies.push(textReply(say(t, 'erase.kept')));
	const previous = session.history.pop();
	session.state = previous?.state ?? 'menu';
	if (previous?.pos) session.pos = { ...previous.pos };
	if (session.state === 'idle') session.state = 'menu';
	ctx.replies.push(...prompt(ctx, session));
}

function erase(ctx: Ctx, session: Session): void {
	const t = ctx.texts;
	const previous = session.history[session.history.length - 1]?.state;
	const service = findService(ctx.catalog, session.service);
	const drafting =
		!!service &&
		session.mode === 'request' &&
		!!previous &&
		(REQUEST_STATES.has(previous) || !!session.fix);
	const erased = [
		...(session.remembered ? [say(t, 'erase.item.identity')] : []),
		...(drafting ? [say(t, 'erase.item.draft', { title: service.title })] : []),
		...(session.complaint?.text ? [say(t, 'erase.item.complaint')] : []),
		say(t, 'erase.item.session'),
	];
	if (drafting) ctx.events.push({ type: 'cancelled', waId: session.waId, serviceKey: service.key });
	// Only the handled message ids stay (not personal data), so a redelivered "ya" is not
	// taken as a new message.
	const fresh = newSession(session.waId, '', ctx.now);
	fresh.seen = session.seen.slice();
	for (const key of Object.keys(session))
		delete (session as unknown as Record<string, unknown>)[key];
	Object.assign(session, fresh);
	ctx.replies.push(textReply(say(t, 'erase.done', { erased: erased.join(', ') })));
}
