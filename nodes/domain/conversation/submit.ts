/** Turning a confirmed summary into an application: the `submitted` (or `resubmitted`) event. */
import type { ResolvedService } from '../catalog/types';
import type { Application, DocumentFile, Session } from './types';
import { clearRequest, markSent } from './session';
import { prompt, type Ctx } from './flow';
import { fitsInRow } from '../sheet/applicationCell';
import { say, textReply, type Texts } from './texts';
import { staffFlags } from './nikDerived';
import { makeTicket } from './ticket';
import { rememberIdentity } from './identity';

export function buildApplication(
	session: Session,
	service: ResolvedService,
	ticket: string,
	now: Date,
	texts?: Texts,
): Application {
	const data: Record<string, unknown> = {};
	for (const field of service.fields)
		data[field.key] = session.values[field.key] ?? (field.type === 'records' ? [] : null);
	const documents: Record<string, DocumentFile[]> = {};
	for (const doc of service.documents) documents[doc.key] = session.docs[doc.key] ?? [];
	const flags = texts ? staffFlags(texts, service, data, now) : [];
	return {
		ticket,
		serviceKey: service.key,
		serviceTitle: service.title,
		waId: session.waId,
		name: session.name,
		submittedAt: now.toISOString(),
		data,
		documents,
		letter: {
			template: service.letter.template,
			title: service.letter.title,
			classification: service.letter.classification,
			...(service.letter.twoStep ? { twoStep: true } : {}),
		},
		...(flags.length > 0 ? { flags } : {}),
	};
}

export function submit(ctx: Ctx, session: Session, service: ResolvedService): void {
	const fix = session.fix;
	const ticket =
		fix?.ticket ?? makeTicket(service, session.waId, ctx.message.messageId ?? '', ctx.now);
	const application = buildApplication(session, service, ticket, ctx.now, ctx.texts);
	if (!fitsInRow(application)) {
		// Refused here with a reason rather than cut in the sheet and never printed.
		ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'submit.too_large')));
		return;
	}
	ctx.events.push(fix ? { type: 'resubmitted', application } : { type: 'submitted', application });
	ctx.replies.push(
		textReply(say(ctx.texts, fix ? 'resubmitted' : 'submitted', { title: service.title, ticket })),
	);
	// Identity data offered again next time, to whoever proves it is theirs (identity.ts).
	rememberIdentity(session, service, ctx.now);
	const draft = session.draft;
	clearRequest(session);
	markSent(session, draft, ticket);
	session.lastTicket = ticket;
}
