/** Turning a confirmed summary into an application: the `submitted` (or `resubmitted`) event. */
import type { ResolvedService } from '../catalog/types';
import type { Application, DocumentFile, Session } from './types';
import { clearRequest, markSent } from './session';
import { prompt, type Ctx } from './flow';
import { fitsInRow } from '../sheet/applicationCell';
import { say, textReply } from './texts';
import { makeTicket } from './ticket';
import { rememberIdentity } from './identity';

export function buildApplication(
	s: Session,
	service: ResolvedService,
	ticket: string,
	now: Date,
): Application {
	const data: Record<string, unknown> = {};
	for (const field of service.fields)
		data[field.key] = s.values[field.key] ?? (field.type === 'records' ? [] : null);
	const documents: Record<string, DocumentFile[]> = {};
	for (const doc of service.documents) documents[doc.key] = s.docs[doc.key] ?? [];
	return {
		ticket,
		serviceKey: service.key,
		serviceTitle: service.title,
		waId: s.waId,
		name: s.name,
		submittedAt: now.toISOString(),
		data,
		documents,
		letter: {
			template: service.letter.template,
			title: service.letter.title,
			classification: service.letter.classification,
		},
	};
}

export function submit(ctx: Ctx, s: Session, service: ResolvedService): void {
	const fix = s.fix;
	const ticket = fix?.ticket ?? makeTicket(service, s.waId, ctx.message.messageId ?? '', ctx.now);
	const application = buildApplication(s, service, ticket, ctx.now);
	if (!fitsInRow(application)) {
		// Refused here with a reason rather than cut in the sheet and never printed.
		ctx.replies.push(...prompt(ctx, s, say(ctx.texts, 'submit.too_large')));
		return;
	}
	ctx.events.push(fix ? { type: 'resubmitted', application } : { type: 'submitted', application });
	ctx.replies.push(
		textReply(say(ctx.texts, fix ? 'resubmitted' : 'submitted', { title: service.title, ticket })),
	);
	// Identity data offered again next time, to whoever proves it is theirs (identity.ts).
	rememberIdentity(s, service, ctx.now);
	const draft = s.draft;
	clearRequest(s);
	markSent(s, draft, ticket);
	s.lastTicket = ticket;
}
