/**
 * The identity step's KTP photo: the offer, the fields read shown for the resident to confirm
 * ("Ya, benar") or correct one by one ("Ubah alamat"), and the short reason when a photo could
 * not be read (the questions follow as today). The NIK is shown masked but for the digits the
 * resident checks; a birth date or sex that disagrees with the NIK is said and left to the
 * questions (ktp/answers.ts).
 */
import type { FieldSpec, ResolvedService } from '../catalog/types';
import { KTP_ANSWERS, type KtpAnswers } from '../ktp/answers';
import type { Ctx } from './ctx';
import type { Session } from './types';
import type { KtpReading } from '../ktp/parse';
import type { OutboundReply } from '../messaging/types';
import { formatFieldValue } from '../validation/field';
import {
	buttonsReply,
	isWordAmongFillers,
	matchChoice,
	normalize,
	say,
	textReply,
	type Texts,
} from './texts';
import { editDistance } from '../validation/choice';

/** The NIK digits left visible for the resident to check against the card. */
export const KTP_NIK_DIGITS = 4;
/** Below this mean OCR confidence a photo that gave no KTP is called unclear, not "not a KTP". */
const CLEAR_CONFIDENCE = 45;

export const KTP_YES = 'ktp:yes';
export const KTP_CHANGE = 'ktp:change';

/** `3577014501900003` → `************0003`. */
function maskNik(nik: string): string {
	return '*'.repeat(Math.max(0, nik.length - KTP_NIK_DIGITS)) + nik.slice(-KTP_NIK_DIGITS);
}

/** Said with the first identity question: a photo of the KTP answers most of them at once. */
export function ktpOffer(texts: Texts): OutboundReply {
	return textReply(say(texts, 'ktp.offer'));
}

/** Sent at once when the photo arrives; the reading follows in a later step. */
export function ktpReading(texts: Texts): OutboundReply {
	return textReply(say(texts, 'ktp.reading'));
}

/** What was read, for the resident to confirm or correct. */
export function ktpReadPrompt(
	texts: Texts,
	fields: readonly FieldSpec[],
	answers: KtpAnswers,
): OutboundReply[] {
	const lines = fields
		.filter((field) => answers.keys.includes(field.key))
		.map((field) => {
			const value = answers.values[field.key];
			const shown = field.type === 'nik' ? maskNik(String(value)) : formatFieldValue(field, value);
			return say(texts, 'ktp.line', { label: field.label, value: shown });
		});
	const replies = answers.disagreements.map((what) =>
		textReply(say(texts, `ktp.mismatch.${what}`)),
	);
	return [
		buttonsReply(say(texts, 'ktp.read', { lines: lines.join('\n'), digits: KTP_NIK_DIGITS }), [
			{ id: KTP_YES, title: say(texts, 'button.ktp.yes') },
			{ id: KTP_CHANGE, title: say(texts, 'button.ktp.change') },
		]),
		...replies,
	];
}

export type UnreadableReason = 'blur' | 'notKtp';

/** Why a reading cannot be shown, or undefined when it can. */
export function unreadableReason(
	reading: KtpReading,
	confidence: number,
): UnreadableReason | undefined {
	if (reading.isKtp) return undefined;
	return confidence < CLEAR_CONFIDENCE || reading.labels === 0 ? 'blur' : 'notKtp';
}

/** The short reason, before the questions go on as today. */
export function ktpUnreadable(texts: Texts, reason: UnreadableReason): OutboundReply {
	return textReply(say(texts, `ktp.unreadable.${reason}`));
}

export type KtpResponse =
	| { kind: 'confirm' }
	/** `key` absent: the resident tapped "Ubah" without naming the field (ask which). */
	| { kind: 'change'; key?: string };

/** The resident's answer to the reading: "Ya, benar", "Ubah", "Ubah alamat"; else undefined. */
export function ktpResponse(
	texts: Texts,
	fields: readonly FieldSpec[],
	answers: KtpAnswers,
	input: { text: string; replyId?: string },
): KtpResponse | undefined {
	if (input.replyId === KTP_YES) return { kind: 'confirm' };
	if (input.replyId === KTP_CHANGE) return { kind: 'change' };
	const typed = normalize(input.text);
	if (!typed) return undefined;
	// "Ya, benar" as people type it: "iya benar", "betul", "ok", "1", the yes words around it.
	const yes = {
		id: KTP_YES,
		title: say(texts, 'button.ktp.yes'),
		wordsKey: 'button.ktp.yes.words',
	};
	if (matchChoice(texts, [{ ...yes, answer: 'yes' }], { text: input.text }))
		return { kind: 'confirm' };
	if (isWordAmongFillers(texts, yes.wordsKey, input.text)) return { kind: 'confirm' };
	const verbs = say(texts, 'command.ktp.change')
		.split(',')
		.map((word) => normalize(word))
		.filter(Boolean);
	const [first, ...rest] = typed.split(' ');
	if (!verbs.includes(first)) return undefined;
	const named = rest.join(' ');
	if (!named) return { kind: 'change' };
	const answered = fields.filter((field) => answers.keys.includes(field.key));
	const match =
		answered.find((field) => normalize(field.label) === named) ??
		answered.find(
			(field) =>
				normalize(field.label).startsWith(named) ||
				named.startsWith(normalize(field.key).replace(/_/g, ' ')),
		) ??
		answered.find((field) => editDistance(normalize(field.label), named, 2) <= 2);
	return { kind: 'change', key: match?.key };
}

/** "Which one?" after "Ubah" without a field, or with one that was not read. */
export function ktpChangeAsk(texts: Texts): OutboundReply {
	return textReply(say(texts, 'ktp.change.ask'));
}

/** The question of a field the resident corrects, in plain text (numbered options for a choice). */
export function ktpFixPrompt(texts: Texts, field: FieldSpec, reason?: string): OutboundReply {
	let body = field.hint
		? say(texts, 'field.hint', { question: field.question, hint: field.hint })
		: field.question;
	if (field.type === 'choice' && field.options?.length)
		body = say(texts, 'field.choose', {
			question: body,
			options: field.options
				.map((o, i) => say(texts, 'field.option', { n: i + 1, label: o.label }))
				.join('\n'),
		});
	if (reason) body = say(texts, 'field.retry', { reason, question: body });
	return textReply(body);
}

const isKtpKey = (key: string) => Object.prototype.hasOwnProperty.call(KTP_ANSWERS, key);

/** A KTP photo answers the question being asked now (a request's identity question, not a fix). */
export function ktpPhotoWelcome(ctx: Ctx, service: ResolvedService, session: Session): boolean {
	if (!ctx.catalog.settings?.ktpPhoto || session.mode !== 'request') return false;
	if (session.state !== 'field' || session.edit || session.fix) return false;
	if (session.pos?.record !== undefined) return false;
	const field = service.fields[session.pos?.field ?? -1];
	return !!field && isKtpKey(field.key);
}

/** The offer goes with the first identity question a service asks. */
export function ktpOfferHere(ctx: Ctx, service: ResolvedService, session: Session): boolean {
	if (!ktpPhotoWelcome(ctx, service, session)) return false;
	return service.fields.findIndex((field) => isKtpKey(field.key)) === session.pos?.field;
}

export function answersOf(session: Session): KtpAnswers {
	const ktp = session.ktp;
	return {
		values: { ...(ktp?.values ?? {}) },
		keys: (ktp?.keys ?? []).slice(),
		disagreements: (ktp?.disagreements ?? []).slice(),
	};
}

/** The reading shown again (after a correction, or an answer that was neither yes nor change). */
export function ktpConfirmPrompt(ctx: Ctx, service: ResolvedService, session: Session) {
	return ktpReadPrompt(ctx.texts, service.fields, answersOf(session));
}

/** The field being corrected. */
export function fixField(service: ResolvedService, session: Session): FieldSpec | undefined {
	return service.fields[session.pos?.field ?? -1];
}

export function ktpFixQuestion(
	ctx: Ctx,
	service: ResolvedService,
	session: Session,
	reason?: string,
) {
	const field = fixField(service, session);
	return field ? [ktpFixPrompt(ctx.texts, field, reason)] : [];
}
