/** A salam answered in kind and thanks acknowledged, wherever the resident types them. */
import type { FieldSpec } from '../catalog/types';
import type { Ctx } from './flow';
import { intentOf, recognise, type Recognised } from './recognise';
import { isWord, say, textReply } from './texts';

/** "Wa'alaikumsalam…" when the message carries a salam. */
export function answerSalam(ctx: Ctx, recognised: Recognised): void {
	if (recognised.salam) ctx.replies.push(textReply(say(ctx.texts, 'salam.reply')));
}

export function answerThanks(ctx: Ctx): void {
	ctx.replies.push(textReply(say(ctx.texts, 'thanks.reply')));
}

/**
 * A salam, else thanks: said where the bot waits for something else, before it asks again (so
 * the thanks carry no "type *menu*" hint: the question follows).
 */
export function answerChatter(ctx: Ctx, recognised: Recognised): void {
	if (recognised.salam) answerSalam(ctx, recognised);
	else if (intentOf(recognised).kind === 'thanks')
		ctx.replies.push(textReply(say(ctx.texts, 'thanks.reply.waiting')));
}

/**
 * A bare "ok" to a text question, typically the reply to the draft reminder: the draft is carried
 * on (and the question asked again by the caller) instead of "ok" becoming a name or an address.
 */
export function acknowledgeBareYes(
	ctx: Ctx,
	field: FieldSpec,
	text: string,
	title: string,
): boolean {
	if (field.type !== 'text' || !isWord(ctx.texts, 'answer.yes.words', text)) return false;
	ctx.replies.push(textReply(say(ctx.texts, 'draft.continue', { title })));
	return true;
}

/**
 * "Terima kasih" or a salam typed where an answer was refused (digits awaited, say): answered in
 * kind instead of with the format error, so the resident is not scolded for politeness.
 */
export function answerChatterIfAny(ctx: Ctx, text: string): boolean {
	const recognised = recognise(ctx.catalog, ctx.texts, text);
	if (!recognised.salam && !recognised.thanks) return false;
	answerChatter(ctx, recognised);
	return true;
}
