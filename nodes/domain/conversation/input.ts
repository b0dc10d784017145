/** What the resident sent, as one handler reads it, and the pieces every handler builds replies from. */
import type { Ctx } from './ctx';
import type { Session } from './types';
import { say, type Choice } from './texts';
import { shortHash } from './ids';

export interface Input {
	text: string;
	replyId?: string;
}

export const button = (ctx: Ctx, id: string, answer?: 'yes' | 'no'): Choice => ({
	id,
	title: say(ctx.texts, `button.${id}`),
	wordsKey: `button.${id}.words`,
	...(answer ? { answer } : {}),
});

/** A new id for a draft or complaint: unique per message, so old taps of earlier ones differ. */
export function newDraftId(ctx: Ctx, session: Session): string {
	return shortHash(`${session.waId}|${ctx.message.messageId ?? ''}|${ctx.now.toISOString()}`);
}
