/** The main menu: which item the resident picked, and where each item leads. */
import type { Ctx } from './ctx';
import type { Session } from './types';
import { clearRequest } from './session';
import { moveTo, prompt } from './flow';
import { MENU_ITEMS, servicesReply, type MenuItem } from './present';
import { matchChoice, say, textReply } from './texts';
import { startComplaint } from './complaint';
import type { Input } from './input';

export function menuChoice(ctx: Ctx, input: Input): MenuItem | undefined {
	const choices = MENU_ITEMS.map((item) => ({
		id: `menu:${item}`,
		title: say(ctx.texts, `menu.${item}`),
		wordsKey: `menu.${item}.words`,
	}));
	return matchChoice(ctx.texts, choices, input)?.id.slice(5) as MenuItem | undefined;
}

export function onMenu(ctx: Ctx, session: Session, item: MenuItem): void {
	if (item === 'request' || item === 'info') {
		session.mode = item;
		moveTo(session, 'services');
		ctx.replies.push(servicesReply(ctx.catalog, item));
	} else if (item === 'status') {
		ctx.events.push({
			type: 'status_requested',
			waId: session.waId,
			name: session.name,
			...(session.lastTicket ? { ticket: session.lastTicket } : {}),
		});
		clearRequest(session);
	} else if (item === 'complaint') {
		startComplaint(ctx, session);
	} else {
		moveTo(session, 'handoff_ask');
		ctx.replies.push(...prompt(ctx, session));
	}
}

/** The resident's message goes to staff; the bot stays quiet until staff resume it or time runs out. */
export function handOff(ctx: Ctx, session: Session, text: string): void {
	ctx.events.push({ type: 'handoff_requested', waId: session.waId, name: session.name, text });
	ctx.replies.push(textReply(say(ctx.texts, 'handoff.sent')));
	clearRequest(session);
	session.state = 'handoff';
	const minutes = Math.max(1, ctx.catalog.settings?.handoffTimeoutMinutes ?? 120);
	session.handoffUntil = new Date(ctx.now.getTime() + minutes * 60_000).toISOString();
}
