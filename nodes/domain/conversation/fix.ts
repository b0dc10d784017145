/**
 * Staff-side entry points: reopening a submitted application for a fix ("Perbaiki" in the
 * sheet) and ending a hand-off so the bot answers again.
 */
import type { Catalog } from '../catalog/types';
import type { InboundMessage } from '../messaging/types';
import type { Application, DocumentFile, EditItem, Session, StepResult } from './types';
import { documentItem, fieldItem, parseEditItem } from './editItems';
import { clearRequest, loadSession, newSession } from './session';
import { findService, nextEdit, prompt, type Ctx } from './flow';
import { say, textReply, textsFor } from './texts';
import { shortHash } from './ids';

export interface FixRequest {
	fieldKeys?: string[];
	documentKeys?: string[];
	note: string;
}

export function reopenForFix(
	stored: Session | null,
	application: Application,
	fix: FixRequest,
	catalog: Catalog,
	now: Date,
): StepResult {
	const waId = String(application?.waId ?? '');
	const name = String(application?.name ?? '');
	let session: Session;
	try {
		session = loadSession(stored, waId, name, now);
	} catch {
		session = newSession(waId, name, now);
	}
	try {
		const texts = textsFor(catalog);
		const service = findService(catalog, application.serviceKey);
		if (!service) {
			return {
				session,
				replies: [],
				events: [{ type: 'error', reason: `unknown service "${application.serviceKey}"` }],
			};
		}
		clearRequest(session);
		session.at = now.toISOString();
		session.service = service.key;
		session.mode = 'request';
		session.fix = { ticket: String(application.ticket) };
		session.draft = shortHash(`${session.fix.ticket}|${now.toISOString()}`);
		session.values = { ...(application.data ?? {}) };
		session.docs = { ...((application.documents ?? {}) as Record<string, DocumentFile[]>) };
		session.state = 'summary';
		// A key of a field inside a record (an heir's NIK) re-asks the whole list.
		const queue: EditItem[] = [];
		for (const key of fix?.fieldKeys ?? []) {
			const top = service.fields.find(
				(f) => f.key === key || f.fields?.some((sub) => sub.key === key),
			);
			if (top && !queue.includes(fieldItem(top.key))) queue.push(fieldItem(top.key));
		}
		for (const key of fix?.documentKeys ?? []) {
			if (service.documents.some((d) => d.key === key) && !queue.includes(documentItem(key)))
				queue.push(documentItem(key));
		}
		const labels = queue.map((item) => {
			const { kind, key } = parseEditItem(item);
			return (
				kind === 'field'
					? service.fields.find((f) => f.key === key)
					: service.documents.find((d) => d.key === key)
			)!.label;
		});
		const ctx: Ctx = {
			catalog,
			texts,
			now,
			message: {} as InboundMessage,
			replies: [],
			events: [],
		};
		ctx.replies.push(
			textReply(
				say(texts, 'fix.intro', {
					title: service.title,
					ticket: session.fix.ticket,
					note: String(fix?.note ?? ''),
					items: labels.join(', ') || '-',
				}),
			),
		);
		session.edit = queue;
		nextEdit(session, service);
		session.history = [];
		ctx.replies.push(...prompt(ctx, session));
		return { session, replies: ctx.replies, events: [] };
	} catch (error) {
		return {
			session,
			replies: [],
			events: [{ type: 'error', reason: error instanceof Error ? error.message : String(error) }],
		};
	}
}

/** Staff ended a hand-off: the bot answers this resident again from the next message. */
export function resumeBot(stored: Session, now: Date): Session {
	const session = loadSession(stored, stored?.waId ?? '', stored?.name ?? '', now);
	if (session.state === 'handoff' || session.state === 'handoff_ask') clearRequest(session);
	delete session.handoffUntil;
	session.at = now.toISOString();
	return session;
}
