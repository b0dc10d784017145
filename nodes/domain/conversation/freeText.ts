/**
 * A typed message outside a request, understood from its words (recognise.ts): a request for a
 * person goes to staff at once, a complaint starts (with the message as its text when it says
 * what happened), a service starts at its requirements, two that fit are offered side by side, first questions (cost, duration,
 * hours, address, what to bring) are answered from the catalog, "status" asks for the status,
 * a salam is answered in kind and thanks are acknowledged without starting anything over.
 */
import type { Session } from './types';
import { moveTo, prompt, type Ctx } from './flow';
import { greet } from './backToMenu';
import { handOff, onMenu } from './menu';
import { startComplaintFrom } from './complaint';
import { mainMenu } from './present';
import { buttonsReply, listReply, say, textReply, textsFor } from './texts';
import { WHATSAPP_LIMITS } from '../messaging/types';
import { tapId } from './ids';
import { intentOf, mentions, recognise, type FaqTopic } from './recognise';
import { answerChatterIfAny, answerSalam, answerThanks } from './chatter';

/** True when the message was understood and answered. */
export function onFreeText(ctx: Ctx, session: Session, text: string): boolean {
	const recognised = recognise(ctx.catalog, ctx.texts, text);
	const intent = intentOf(recognised);
	const salam = () => answerSalam(ctx, recognised);
	switch (intent.kind) {
		case 'staff':
			salam();
			handOff(ctx, session, text);
			return true;
		case 'complaint':
			salam();
			startComplaintFrom(ctx, session, text);
			return true;
		case 'status':
			salam();
			onMenu(ctx, session, 'status');
			return true;
		case 'faq':
			salam();
			ctx.replies.push(textReply(faqAnswer(ctx, intent.topic)));
			if (session.state === 'idle') {
				session.state = 'menu';
				ctx.replies.push(mainMenu(ctx.texts));
			}
			return true;
		case 'service':
			salam();
			session.mode = 'request';
			session.service = intent.key;
			session.state = 'services';
			moveTo(session, 'requirements');
			ctx.replies.push(...prompt(ctx, session));
			return true;
		case 'which':
			salam();
			offerServices(ctx, session, intent.keys);
			return true;
		case 'thanks':
			answerThanks(ctx);
			return true;
		case 'greeting':
			if (!intent.salam) return false;
			salam();
			greet(ctx, session);
			return true;
		default:
			return false;
	}
}

/**
 * "Which one?" with only the services that fit: up to three as buttons (the full titles in the
 * question, the catalog's `buttonTitle` on the buttons), more as a list; a tap starts one.
 */
export function offerServices(ctx: Ctx, session: Session, keys: string[]): void {
	session.mode = 'request';
	if (session.state !== 'services') moveTo(session, 'services');
	const services = ctx.catalog.services.filter((svc) => keys.includes(svc.key));
	if (services.length <= WHATSAPP_LIMITS.maxButtons) {
		const titles = services.map((svc) =>
			say(ctx.texts, 'recognise.which.option', { title: svc.title }),
		);
		ctx.replies.push(
			buttonsReply(
				[say(ctx.texts, 'recognise.which'), ...titles].join('\n'),
				services.map((svc) => ({
					id: tapId(svc.key, 'svc', 'r'),
					title: svc.buttonTitle ?? svc.title,
				})),
			),
		);
		return;
	}
	ctx.replies.push(
		listReply(
			say(ctx.texts, 'recognise.which'),
			say(ctx.texts, 'services.button'),
			services.map((svc) => ({
				id: tapId(svc.key, 'svc', 'r'),
				title: svc.title,
				description: svc.description,
			})),
		),
	);
}

/**
 * A question typed at a service's requirements card instead of tapping: a first question (cost,
 * hours…) is answered and the card's buttons offered again; "syaratnya apa?" gets the card again,
 * without an apology (the card is the answer). True when answered.
 */
export function onQuestionAtCard(ctx: Ctx, session: Session, text: string): boolean {
	const { topic } = recognise(ctx.catalog, ctx.texts, text);
	if (topic) {
		ctx.replies.push(textReply(faqAnswer(ctx, topic)), ...prompt(ctx, session).slice(-1));
		return true;
	}
	if (answerChatterIfAny(ctx, text)) {
		ctx.replies.push(...prompt(ctx, session).slice(-1));
		return true;
	}
	if (!mentions(ctx.texts, 'menu.info.words', text)) return false;
	ctx.replies.push(...prompt(ctx, session));
	return true;
}

function faqAnswer(ctx: Ctx, topic: FaqTopic): string {
	const office = ctx.catalog.office ?? { name: '' };
	const none = say(textsFor(ctx.catalog), 'faq.unknown');
	return say(ctx.texts, `faq.${topic}`, {
		office: office.name,
		hours: office.hours || none,
		address: office.address || none,
		map: office.mapUrl ? say(ctx.texts, 'faq.address.map', { url: office.mapUrl }) : '',
	});
}
