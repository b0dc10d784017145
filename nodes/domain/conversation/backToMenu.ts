/** Back to the main menu: a greeting, a cancelled request, or a session that points nowhere. */
import type { Ctx } from './ctx';
import type { Session } from './types';
import { clearRequest, REQUEST_STATES } from './session';
import { findService } from './flow';
import { mainMenu } from './present';
import { say, textReply } from './texts';

export function greet(ctx: Ctx, session: Session): void {
	const params = { name: session.name, office: ctx.catalog.office?.name ?? '' };
	ctx.replies.push(
		textReply(say(ctx.texts, session.name ? 'greeting' : 'greeting.noname', params)),
	);
	session.state = 'menu';
	ctx.replies.push(mainMenu(ctx.texts));
}

export function cancel(ctx: Ctx, session: Session): void {
	const service = findService(ctx.catalog, session.service);
	if (service && (REQUEST_STATES.has(session.state) || session.fix)) {
		ctx.events.push({ type: 'cancelled', waId: session.waId, serviceKey: service.key });
		ctx.replies.push(textReply(say(ctx.texts, 'cancelled', { title: service.title })));
	} else if (session.state.startsWith('complaint')) {
		ctx.replies.push(textReply(say(ctx.texts, 'complaint.cancelled')));
	} else if (
		session.state.startsWith('survey') &&
		Object.keys(session.survey?.scores ?? {}).length > 0
	) {
		ctx.replies.push(textReply(say(ctx.texts, 'survey.left')));
	}
	clearRequest(session);
	session.state = 'menu';
	ctx.replies.push(mainMenu(ctx.texts));
}

/** The session points somewhere that no longer exists (catalog changed): start over politely. */
export function restart(ctx: Ctx, session: Session): void {
	clearRequest(session);
	greet(ctx, session);
}
