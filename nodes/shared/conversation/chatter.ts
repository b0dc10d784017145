/** A salam answered in kind and thanks acknowledged, wherever the resident types them. */
import type { Ctx } from './flow';
import { intentOf, type Recognised } from './recognise';
import { say, textReply } from './texts';

/** "Wa'alaikumsalam…" when the message carries a salam. */
export function answerSalam(ctx: Ctx, recognised: Recognised): void {
	if (recognised.salam) ctx.replies.push(textReply(say(ctx.texts, 'salam.reply')));
}

export function answerThanks(ctx: Ctx): void {
	ctx.replies.push(textReply(say(ctx.texts, 'thanks.reply')));
}

/** A salam, else thanks: said where the bot waits for something else, before it asks again. */
export function answerChatter(ctx: Ctx, recognised: Recognised): void {
	if (recognised.salam) answerSalam(ctx, recognised);
	else if (intentOf(recognised).kind === 'thanks') answerThanks(ctx);
}
