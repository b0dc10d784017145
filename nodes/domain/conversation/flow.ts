/**
 * Moving through a request (fields, records, documents, summary) and asking the question at
 * the current position. Handlers in step.ts decide; this file knows the order of questions.
 */
import type { Catalog, FieldSpec, ResolvedService } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import type { Ctx } from './ctx';
import type { EditItem, Session, SessionState, ShownSummary } from './types';
import { documentItem, fieldItem, parseEditItem } from './editItems';
import { pushHistory } from './session';
import { applies } from '../crosscheck';
import { describeService, mainMenu, servicesReply, summaryText } from './present';
import { outcomePrompt } from './outcomePrompts';
import { buttonsReply, choiceReply, say, textReply, type Texts } from './texts';
import { posKey, shortHash, tapId } from './ids';
import { PROOF_DIGITS, reusableFields, reusePrompt } from './identity';
import { nikConfirmPrompt } from './nikDerived';
import { ktpConfirmPrompt, ktpFixQuestion, ktpOfferHere } from './ktpConfirm';

export type { Ctx } from './ctx';

const NO_HISTORY = new Set<SessionState>(['idle', 'handoff', 'handoff_ask']);

export function findService(
	catalog: Catalog,
	key: string | undefined,
): ResolvedService | undefined {
	return key === undefined ? undefined : catalog.services.find((s) => s.key === key);
}

export function moveTo(session: Session, state: SessionState, pos?: Session['pos']): void {
	if (!NO_HISTORY.has(session.state)) pushHistory(session);
	session.state = state;
	if (pos) session.pos = pos;
	else delete session.pos;
}

export function minItems(field: FieldSpec): number {
	return Math.max(0, field.minItems ?? (field.required ? 1 : 0));
}

export function maxItems(field: FieldSpec): number {
	return Math.max(1, field.maxItems ?? 20);
}

/** The next unanswered top-level field from index `f`, then the documents, then the summary. */
export function enterField(session: Session, service: ResolvedService, f: number): void {
	for (let i = f; i < service.fields.length; i++) {
		const field = service.fields[i];
		if (session.reused?.includes(field.key) || session.derived?.includes(field.key)) continue;
		if (!applies(field.when, session.values)) {
			session.values[field.key] = null;
			continue;
		}
		if (field.type === 'records') startRecords(session, field, i);
		else moveTo(session, 'field', { field: i });
		return;
	}
	enterDocument(session, service, 0);
}

/** The catalog's document key for the resident's own KTP. */
export const KTP_DOCUMENT = 'ktp';

export function enterDocument(session: Session, service: ResolvedService, d: number): void {
	while (d < service.documents.length) {
		const doc = service.documents[d];
		if (!applies(doc.when, session.values)) session.docs[doc.key] = [];
		else if (doc.key === KTP_DOCUMENT && session.ktpPhotoFiled && session.docs[doc.key]?.length)
			// The KTP photo read at the identity questions is this file: not asked for again.
			delete session.ktpPhotoFiled;
		else break;
		d++;
	}
	if (d < service.documents.length) moveTo(session, 'document', { document: d });
	else moveTo(session, 'summary');
}

function startRecords(session: Session, field: FieldSpec, f: number): void {
	session.values[field.key] = [];
	if (minItems(field) > 0) moveTo(session, 'field', { field: f, record: 0, subField: 0 });
	else moveTo(session, 'record_more', { field: f, record: 0 });
}

/** After one item is answered: the next item to re-ask (change / staff fix), else `natural`. */
export function finishItem(session: Session, service: ResolvedService, natural: () => void): void {
	if (session.edit) nextEdit(session, service);
	else natural();
}

export function nextEdit(session: Session, service: ResolvedService): void {
	const queue = session.edit ?? [];
	while (queue.length > 0) {
		const item = queue.shift()!;
		session.edit = queue;
		const { kind, key } = parseEditItem(item);
		if (kind === 'field') {
			const f = service.fields.findIndex((field) => field.key === key);
			if (f < 0) continue;
			const field = service.fields[f];
			if (field.type === 'records') startRecords(session, field, f);
			else moveTo(session, 'field', { field: f });
			return;
		}
		const d = service.documents.findIndex((doc) => doc.key === key);
		if (d < 0) continue;
		session.docs[key] = [];
		moveTo(session, 'document', { document: d });
		return;
	}
	delete session.edit;
	moveTo(session, 'summary');
}

/** The field being asked, with its record number when it belongs to a list of records. */
export function currentField(
	service: ResolvedService,
	session: Session,
): { field: FieldSpec; parent?: FieldSpec; record?: number } | undefined {
	const top = service.fields[session.pos?.field ?? -1];
	if (!top) return undefined;
	if (top.type !== 'records') return { field: top };
	const sub = top.fields?.[session.pos?.subField ?? -1];
	if (!sub || session.pos?.record === undefined) return undefined;
	return { field: sub, parent: top, record: session.pos.record };
}

function fieldPrompt(
	ctx: Ctx,
	service: ResolvedService,
	session: Session,
	reason?: string,
): OutboundReply[] {
	const t = ctx.texts;
	const current = currentField(service, session);
	if (!current) return [];
	const { field, parent, record } = current;
	let body = field.hint
		? say(t, 'field.hint', { question: field.question, hint: field.hint })
		: field.question;
	if (!field.required) body = say(t, 'field.optional', { question: body });
	if (parent) {
		body = say(t, 'record.item', {
			item: parent.itemLabel ?? parent.label,
			n: (record ?? 0) + 1,
			question: body,
		});
		// The list's own intro and hint ("bukan ahli waris", who may be a witness) come first.
		if (record === 0 && (session.pos?.subField ?? 0) === 0)
			body = `${recordIntro(t, parent)}\n\n${body}`;
	}
	if (reason) body = say(t, 'field.retry', { reason, question: body });
	if (!reason && ktpOfferHere(ctx, service, session)) body = `${say(t, 'ktp.offer')}\n\n${body}`;
	if (field.type === 'choice' && field.options?.length) {
		const options = field.options;
		return [
			choiceReply(
				body,
				options.map((o) => ({
					id: tapId(o.id, 'fld', session.draft ?? '', posKey(session.pos)),
					title: o.label,
					description: o.label.length > 20 ? o.label : undefined,
				})),
				say(t, 'field.list.button'),
				() =>
					say(t, 'field.choose', {
						question: body,
						options: options
							.map((o, i) => say(t, 'field.option', { n: i + 1, label: o.label }))
							.join('\n'),
					}),
			),
		];
	}
	if (!field.required) {
		const skip = tapId('skip', 'fld', session.draft ?? '', posKey(session.pos));
		return [buttonsReply(body, [{ id: skip, title: say(t, 'button.skip') }])];
	}
	return [textReply(body)];
}

/** A list of records' question and hint, shown before its first record. */
function recordIntro(t: Texts, field: FieldSpec | undefined): string {
	if (!field) return '';
	return field.hint
		? say(t, 'record.intro', { question: field.question, hint: field.hint })
		: say(t, 'record.intro.nohint', { question: field.question });
}

export function documentPrompt(
	ctx: Ctx,
	service: ResolvedService,
	session: Session,
): OutboundReply[] {
	const t = ctx.texts;
	const doc = service.documents[session.pos?.document ?? -1];
	if (!doc) return [];
	let text = say(t, 'document.ask', {
		label: doc.label,
		hint: doc.hint ? say(t, 'document.hint', { hint: doc.hint }) : '',
		range:
			doc.max <= 1
				? say(t, 'document.range.one')
				: say(t, 'document.range', { min: Math.max(doc.min, doc.optional ? 0 : 1), max: doc.max }),
	});
	if (doc.optional) {
		text = say(t, 'document.optional', { text });
		const skip = tapId('skip', 'doc', session.draft ?? '', String(session.pos?.document ?? ''));
		return [buttonsReply(text, [{ id: skip, title: say(t, 'button.skip') }])];
	}
	return [textReply(text)];
}

/** Remembered identity this request may reuse (only after the resident proves it: identity.ts). */
export function reuseFields(service: ResolvedService, session: Session): FieldSpec[] {
	return reusableFields(service, session);
}

/** "Leave this request?" with its two buttons. */
function leavePrompt(t: Ctx['texts'], service: ResolvedService | undefined, session: Session) {
	const draft = session.draft ?? '';
	const text = service
		? say(t, 'leave.ask', { title: service.title })
		: say(t, 'leave.ask.complaint');
	return buttonsReply(text, [
		{ id: tapId('leave', 'leave', draft), title: say(t, 'button.leave') },
		{ id: tapId('stay', 'leave', draft), title: say(t, 'button.stay') },
	]);
}

/** The service's requirements, then: request it (info mode) or continue (request mode). */
function requirementsPrompt(ctx: Ctx, service: ResolvedService, session: Session): OutboundReply[] {
	const t = ctx.texts;
	const mode = session.mode === 'info' ? 'i' : 'r';
	const req = (local: string) => tapId(local, 'req', service.key, mode);
	return [
		textReply(describeService(service, ctx.catalog)),
		session.mode === 'info'
			? buttonsReply(say(t, 'requirements.info'), [
					{ id: req('request'), title: say(t, 'button.request') },
					{ id: req('menu'), title: say(t, 'button.menu') },
				])
			: buttonsReply(say(t, 'requirements.ask'), [
					{ id: req('continue'), title: say(t, 'button.continue') },
					{ id: req('back'), title: say(t, 'button.back') },
				]),
	];
}

/** Another record for a list field (an heir, a witness)? The first time with the list's intro. */
function recordMorePrompt(t: Ctx['texts'], service: ResolvedService, session: Session) {
	const draft = session.draft ?? '';
	const field = service.fields[session.pos?.field ?? -1];
	const count = session.pos?.record ?? 0;
	const item = field?.itemLabel ?? field?.label ?? '';
	const body =
		count === 0
			? `${recordIntro(t, field)}\n\n${say(t, 'record.first', { item })}`
			: say(t, 'record.more', { item, count });
	return buttonsReply(body, [
		{ id: tapId('add', 'rec', draft, posKey(session.pos)), title: say(t, 'button.add') },
		{ id: tapId('done', 'rec', draft, posKey(session.pos)), title: say(t, 'button.done') },
	]);
}

/** The summary of the draft with send, change and cancel (valid for this content only). */
function summaryPrompt(t: Ctx['texts'], service: ResolvedService, session: Session) {
	const draft = session.draft ?? '';
	const sum = (local: string) => tapId(local, 'sum', service.key, draft, draftSignature(session));
	return [
		textReply(summaryText(t, service, session)),
		buttonsReply(say(t, 'summary.ask'), [
			{ id: sum('confirm'), title: say(t, 'button.confirm') },
			{ id: sum('change'), title: say(t, 'button.change') },
			{ id: sum('cancel'), title: say(t, 'button.cancel') },
		]),
	];
}

/** "What would you like to change?" with the numbered fields and documents. */
function changePrompt(t: Ctx['texts'], service: ResolvedService) {
	return textReply(
		say(t, 'change.ask', {
			options: changeOptions(service)
				.map((o, i) => say(t, 'change.option', { n: i + 1, label: o.title }))
				.join('\n'),
		}),
	);
}

/** The question for the session's current state (re-sent after help, back, a wrong answer…). */
export function prompt(ctx: Ctx, session: Session, reason?: string): OutboundReply[] {
	const t = ctx.texts;
	const service = findService(ctx.catalog, session.service);
	const withReason = (reply: OutboundReply[]): OutboundReply[] =>
		reason ? [textReply(reason), ...reply] : reply;
	const outcome = outcomePrompt(t, session, ctx.catalog.settings?.maxTextLength ?? 1000);
	if (outcome) return withReason(outcome);
	switch (session.state) {
		case 'menu':
		case 'idle':
			return withReason([mainMenu(t)]);
		case 'services':
			return withReason([servicesReply(ctx.catalog, session.mode ?? 'request')]);
		case 'handoff_ask':
			return [textReply(say(t, 'handoff.ask'))];
		case 'handoff':
			return [];
		case 'resend':
			return [textReply(say(t, 'resend.ask', { digits: PROOF_DIGITS }))];
		case 'leave_ask':
			return [leavePrompt(t, service, session)];
		default:
			break;
	}
	if (!service) return withReason([mainMenu(t)]);
	switch (session.state) {
		case 'requirements':
			return withReason(requirementsPrompt(ctx, service, session));
		case 'reuse':
			return withReason(reusePrompt(t, session));
		case 'field':
			return fieldPrompt(ctx, service, session, reason);
		case 'nik_confirm':
			return withReason(nikConfirmPrompt(ctx, service, session));
		case 'ktp_confirm':
			return withReason(ktpConfirmPrompt(ctx, service, session));
		case 'ktp_fix':
			return ktpFixQuestion(ctx, service, session, reason);
		case 'record_more':
			return withReason([recordMorePrompt(t, service, session)]);
		case 'document':
			return withReason(documentPrompt(ctx, service, session));
		case 'summary':
			return withReason(summaryPrompt(t, service, session));
		case 'change':
			return withReason([changePrompt(t, service)]);
		default:
			return withReason([mainMenu(t)]);
	}
}

/** The content of a draft as a short hash: a summary's *Kirim* is valid only for this content. */
export function draftSignature(session: Session): string {
	return shortHash(JSON.stringify([session.values, session.docs, session.fix?.ticket ?? '']));
}

/** One short hash per field and document, to tell which items changed since a summary. */
export function itemSignatures(service: ResolvedService, session: Session): ShownSummary['items'] {
	const sigs: ShownSummary['items'] = {};
	for (const field of service.fields)
		sigs[fieldItem(field.key)] = shortHash(JSON.stringify(session.values[field.key] ?? null), 4);
	for (const doc of service.documents)
		sigs[documentItem(doc.key)] = shortHash(JSON.stringify(session.docs[doc.key] ?? []), 4);
	return sigs;
}

/** What can be changed from the summary: every field, then every document. */
export function changeOptions(service: ResolvedService): Array<{ id: EditItem; title: string }> {
	return [
		...service.fields.map((field) => ({ id: fieldItem(field.key), title: field.label })),
		...service.documents.map((doc) => ({ id: documentItem(doc.key), title: doc.label })),
	];
}
