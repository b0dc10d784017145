/**
 * What an answer does in each state of the conversation. Each handler changes the session
 * (already a private copy), pushes replies and events on the context, and never throws on
 * bad input: it re-asks with the reason instead.
 */
import type { FieldSpec, ResolvedService } from '../catalog/types';
import { validateField } from '../validation';
import type { EditItem, Session } from './types';
import { fieldItem, parseEditItem } from './editItems';
import { clearRequest } from './session';
import {
	changeOptions,
	currentField,
	enterField,
	finishItem,
	maxItems,
	minItems,
	moveTo,
	nextEdit,
	prompt,
	reuseFields,
	type Ctx,
} from './flow';
import { mainMenu, servicesReply } from './present';
import { isWord, matchChoice, say, textReply } from './texts';
import { submit } from './submit';
import { recognise } from './recognise';
import { offerServices, onQuestionAtCard } from './freeText';
import { newMismatchNotes } from './nikDerived';
import { afterNik } from './nikConfirm';
import { acknowledgeBareYes, answerChatterIfAny } from './chatter';
import { sameAnswer } from './sameAs';
import { button, newDraftId, type Input } from './input';
import { cancel, restart } from './backToMenu';
import { ok } from '../validation/result';
import { reviewRequest, ruleBrokenBy, type BrokenRule } from '../crosscheck';

const MISMATCH_CODES = new Set(['nik.birthDateMismatch', 'nik.sexMismatch']);

function notUnderstood(ctx: Ctx, session: Session): void {
	ctx.replies.push(...prompt(ctx, session, say(ctx.texts, 'not_understood')));
}

export function onServices(ctx: Ctx, session: Session, input: Input): void {
	const services = ctx.catalog.services;
	let chosen = matchChoice(
		ctx.texts,
		services.map((svc) => ({
			id: svc.key,
			title: svc.title,
			words: [svc.key, ...(svc.keywords ?? [])],
		})),
		input,
	)?.id;
	if (!chosen && !input.replyId) {
		// "suket tidak mampu", "surat usaha buat kur": the service its words name; two → which one.
		const found = recognise(ctx.catalog, ctx.texts, input.text).services;
		if (found.length > 1) return offerServices(ctx, session, found);
		if (found.length === 1) chosen = found[0];
	}
	if (!chosen) return notUnderstood(ctx, session);
	session.service = chosen;
	moveTo(session, 'requirements');
	ctx.replies.push(...prompt(ctx, session));
}

export function onRequirements(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	input: Input,
): void {
	const info = session.mode === 'info';
	const choices = info
		? [button(ctx, 'request', 'yes'), button(ctx, 'menu', 'no')]
		: [button(ctx, 'continue', 'yes'), button(ctx, 'back', 'no')];
	const choice = matchChoice(ctx.texts, choices, input)?.id;
	if (!choice && !input.replyId && onQuestionAtCard(ctx, session, input.text)) return;
	if (!choice) return notUnderstood(ctx, session);
	if (choice === 'menu' || choice === 'back') {
		clearRequest(session);
		if (choice === 'menu') {
			session.state = 'menu';
			ctx.replies.push(mainMenu(ctx.texts));
		} else {
			session.mode = info ? 'info' : 'request';
			session.state = 'services';
			ctx.replies.push(servicesReply(ctx.catalog, session.mode));
		}
		return;
	}
	session.mode = 'request';
	session.values = {};
	session.docs = {};
	session.draft = newDraftId(ctx, session);
	delete session.shown;
	delete session.reused;
	if (reuseFields(service, session).length > 0) moveTo(session, 'reuse');
	else enterField(session, service, 0);
	ctx.replies.push(...prompt(ctx, session));
}

export { onReuse } from './reuse';
export { button, newDraftId, type Input } from './input';
export { cancel, greet, restart } from './backToMenu';
export { menuChoice, onMenu } from './menu';

function errorText(
	ctx: Ctx,
	field: FieldSpec,
	error: { code: string; params?: Record<string, string | number> },
): string {
	const key = `error.${error.code}`;
	const params = { label: field.label, ...(error.params ?? {}) };
	return ctx.texts.messages[key] !== undefined
		? say(ctx.texts, key, params)
		: say(ctx.texts, 'field.invalid', params);
}

function finishRecords(session: Session, service: ResolvedService, f: number, count: number): void {
	const key = service.fields[f].key;
	const list = Array.isArray(session.values[key]) ? (session.values[key] as unknown[]) : [];
	session.values[key] = list.slice(0, count);
	finishItem(session, service, () => enterField(session, service, f + 1));
}

export function onField(ctx: Ctx, session: Session, service: ResolvedService, input: Input): void {
	const current = currentField(service, session);
	if (!current) return restart(ctx, session);
	const { field, parent, record = 0 } = current;
	const list =
		parent && Array.isArray(session.values[parent.key])
			? (session.values[parent.key] as Array<Record<string, unknown>>).slice()
			: [];
	let value: unknown = null;
	const skipped = input.replyId === 'skip' || isWord(ctx.texts, 'command.skip', input.text);
	if (!(skipped && !field.required)) {
		const byId =
			field.type === 'choice' &&
			input.replyId &&
			field.options?.some((o) => o.id === input.replyId);
		const values = parent ? { ...session.values, ...(list[record] ?? {}) } : session.values;
		const answer = byId ? input.replyId! : input.text;
		const typed = !input.replyId;
		if (typed && acknowledgeBareYes(ctx, field, answer, service.title)) {
			ctx.replies.push(...prompt(ctx, session));
			return;
		}
		const same = sameAnswer(ctx.texts, service, field, session.values, answer);
		let result = same ? ok(same) : validateField(field, answer, { values, now: ctx.now });
		// A NIK that disagrees with the birth date or sex is kept: staff compare it with the KTP.
		if (!result.ok && MISMATCH_CODES.has(result.error.code))
			result = validateField({ ...field, crossCheck: undefined }, answer, {
				values: {},
				now: ctx.now,
			});
		if (!result.ok) {
			if (typed && answerChatterIfAny(ctx, answer)) {
				ctx.replies.push(...prompt(ctx, session));
				return;
			}
			ctx.replies.push(...prompt(ctx, session, errorText(ctx, field, result.error)));
			return;
		}
		value = result.value;
		const contradiction = parent
			? undefined
			: ruleBrokenBy(service, { ...session.values, [field.key]: value }, field.key);
		if (contradiction) return onBrokenRule(ctx, session, service, contradiction);
	}
	const f = session.pos?.field ?? 0;
	const before = { ...session.values };
	if (!parent) {
		session.values[field.key] = value;
		if (field.type === 'nik') afterNik(ctx, session, service, f);
		else finishItem(session, service, () => enterField(session, service, f + 1));
	} else {
		list[record] = { ...(list[record] ?? {}), [field.key]: value };
		session.values[parent.key] = list;
		const sub = (session.pos?.subField ?? 0) + 1;
		const count = record + 1;
		if (sub < (parent.fields ?? []).length)
			moveTo(session, 'field', { field: f, record, subField: sub });
		else if (count >= maxItems(parent)) finishRecords(session, service, f, count);
		else if (count < minItems(parent))
			moveTo(session, 'field', { field: f, record: count, subField: 0 });
		else moveTo(session, 'record_more', { field: f, record: count });
	}
	for (const note of newMismatchNotes(ctx.texts, service, before, session.values, ctx.now))
		ctx.replies.push(textReply(note));
	ctx.replies.push(...prompt(ctx, session));
}

export function onRecordMore(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	input: Input,
): void {
	const f = session.pos?.field ?? -1;
	const field = service.fields[f];
	if (!field || field.type !== 'records') return restart(ctx, session);
	const count = session.pos?.record ?? 0;
	const skip = isWord(ctx.texts, 'command.skip', input.text) || input.replyId === 'skip';
	const choice = skip
		? 'done'
		: matchChoice(ctx.texts, [button(ctx, 'add', 'yes'), button(ctx, 'done', 'no')], input)?.id;
	if (!choice) return notUnderstood(ctx, session);
	if (choice === 'add' && count < maxItems(field))
		moveTo(session, 'field', { field: f, record: count, subField: 0 });
	else if (count < minItems(field)) {
		moveTo(session, 'field', { field: f, record: count, subField: 0 });
		ctx.replies.push(
			textReply(
				say(ctx.texts, 'record.need_more', {
					min: minItems(field),
					item: field.itemLabel ?? field.label,
				}),
			),
		);
	} else finishRecords(session, service, f, count);
	ctx.replies.push(...prompt(ctx, session));
}

export function onSummary(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	input: Input,
): void {
	const choice = matchChoice(
		ctx.texts,
		[button(ctx, 'confirm', 'yes'), button(ctx, 'change'), button(ctx, 'cancel')],
		input,
	)?.id;
	if (!choice) return notUnderstood(ctx, session);
	if (choice === 'confirm') {
		const problem = reviewRequest(service, session.values);
		return problem ? onBrokenRule(ctx, session, service, problem) : submit(ctx, session, service);
	}
	if (choice === 'cancel') return cancel(ctx, session);
	moveTo(session, 'change');
	ctx.replies.push(...prompt(ctx, session));
}

export function onChange(ctx: Ctx, session: Session, service: ResolvedService, input: Input): void {
	const options = changeOptions(service);
	const choice = matchChoice(ctx.texts, options, input)?.id as EditItem | undefined;
	if (!choice) return notUnderstood(ctx, session);
	const { kind, key } = parseEditItem(choice);
	// Fields cross-checked against the changed one (NIK against birth date and sex) are re-asked too.
	const dependents =
		kind === 'field'
			? service.fields
					.filter(
						(f) => f.crossCheck && (f.crossCheck.birthDate === key || f.crossCheck.sex === key),
					)
					.map((f) => fieldItem(f.key))
			: [];
	session.edit = [choice, ...dependents];
	nextEdit(session, service);
	ctx.replies.push(...prompt(ctx, session));
}

/** A contradiction: the field is asked again with the reason, or the request ends with it. */
function onBrokenRule(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	rule: BrokenRule,
): void {
	const reason = say(ctx.texts, rule.messageKey, rule.params);
	if (rule.refuse) {
		ctx.events.push({ type: 'cancelled', waId: session.waId, serviceKey: service.key });
		ctx.replies.push(textReply(reason));
		clearRequest(session);
		session.state = 'menu';
		ctx.replies.push(mainMenu(ctx.texts));
		return;
	}
	if (session.state === 'summary') {
		session.edit = [fieldItem(rule.field.key)];
		nextEdit(session, service);
	}
	ctx.replies.push(...prompt(ctx, session, reason));
}
