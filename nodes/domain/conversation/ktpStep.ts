/**
 * The KTP photo in the conversation. At an identity question (catalog setting `ktpPhoto`) a
 * photo is taken as the resident's KTP: "sedang membaca KTP …" at once and a `media_to_read`
 * event, so the workflow reads it off the reply path and hands the reading back as a message of
 * type `ktp_reading`. The fields read are shown (ktpConfirm.ts); "Ya, benar" fills them in,
 * "Ubah alamat" asks that one field and shows the reading again. Nothing read is used before
 * that confirmation; a photo that could not be read leaves the questions as they were, with a
 * short reason.
 */
import type { ResolvedService } from '../catalog/types';
import { ktpAnswers } from '../ktp/answers';
import type { KtpFields, KtpReading } from '../ktp/parse';
import { validateField } from '../validation/field';
import { isObject } from '../values';
import type { Ctx } from './ctx';
import type { Input } from './input';
import type { Session } from './types';
import { fileOf } from './documents';
import { KTP_DOCUMENT, enterField, moveTo, prompt } from './flow';
import {
	answersOf,
	fixField,
	ktpChangeAsk,
	ktpConfirmPrompt,
	ktpFixQuestion,
	ktpPhotoWelcome,
	ktpReadPrompt,
	ktpReading,
	ktpResponse,
	ktpUnreadable,
	type UnreadableReason,
} from './ktpConfirm';
import { say, textReply } from './texts';

/** The message type the workflow gives a photo's reading. */
export const KTP_READING = 'ktp_reading';

/** A photo at an identity question: said to be read, and sent to be read. */
export function onKtpPhoto(ctx: Ctx, session: Session): void {
	const { message } = ctx;
	const file = fileOf(message);
	session.ktp = { photo: message.messageId, ...(file ? { file } : {}) };
	ctx.replies.push(ktpReading(ctx.texts));
	ctx.events.push({
		type: 'media_to_read',
		kind: 'ktp',
		waId: session.waId,
		messageId: message.messageId,
		media: message.media ?? { mimeType: 'image/jpeg' },
	});
}

const READ_FIELDS: ReadonlyArray<keyof KtpFields> = [
	'nik',
	'nama',
	'tempatLahir',
	'tanggalLahir',
	'jenisKelamin',
	'alamat',
	'rt',
	'rw',
	'agama',
	'statusPerkawinan',
	'pekerjaan',
	'kewarganegaraan',
];

/** The reading a `ktp_reading` message carries, strings only (a forged body may hold anything). */
function readingOf(
	given: unknown,
): { photo: string; unreadable?: UnreadableReason; reading: KtpReading } | undefined {
	if (!isObject(given) || typeof given.photo !== 'string') return undefined;
	const unreadable =
		given.unreadable === 'blur' || given.unreadable === 'notKtp' ? given.unreadable : undefined;
	const fields: Partial<Record<keyof KtpFields, string>> = {};
	const raw = isObject(given.fields) ? given.fields : {};
	for (const key of READ_FIELDS)
		if (typeof raw[key] === 'string' && raw[key]) fields[key] = (raw[key] as string).slice(0, 200);
	return {
		photo: given.photo,
		unreadable,
		reading: { fields: fields as KtpReading['fields'], labels: 0, isKtp: !unreadable },
	};
}

/**
 * The reading of the photo sent at this question: shown to confirm, or the short reason and the
 * question again. A reading of another photo, or one that comes after the resident moved on, is
 * left unsaid.
 */
export function onKtpReading(ctx: Ctx, session: Session, service: ResolvedService): void {
	const given = readingOf((ctx.message as unknown as Record<string, unknown>).ktp);
	if (!given || session.ktp?.photo !== given.photo || !ktpPhotoWelcome(ctx, service, session))
		return;
	const answers = given.unreadable ? undefined : ktpAnswers(given.reading, service.fields, ctx.now);
	if (!answers || answers.keys.length === 0) {
		delete session.ktp;
		ctx.replies.push(ktpUnreadable(ctx.texts, given.unreadable ?? 'notKtp'));
		ctx.replies.push(...prompt(ctx, session));
		return;
	}
	const at = session.pos?.field ?? 0;
	session.ktp = { photo: given.photo, file: session.ktp.file, at, ...answers };
	moveTo(session, 'ktp_confirm', { field: at });
	ctx.replies.push(...ktpReadPrompt(ctx.texts, service.fields, answers));
}

/** Back to the questions where the photo was sent, the reading dropped. */
function dropReading(ctx: Ctx, session: Session, service: ResolvedService): void {
	const at = session.ktp?.at ?? 0;
	delete session.ktp;
	moveTo(session, 'field', { field: at });
	enterField(session, service, at);
	ctx.replies.push(...prompt(ctx, session));
}

/** "Ya, benar" fills in what was read; "Ubah alamat" asks the address; "Ubah" asks which. */
export function onKtpConfirm(ctx: Ctx, session: Session, service: ResolvedService, input: Input) {
	if (!session.ktp?.keys?.length) return dropReading(ctx, session, service);
	const answers = answersOf(session);
	const response = ktpResponse(ctx.texts, service.fields, answers, input);
	if (!response) {
		ctx.replies.push(textReply(say(ctx.texts, 'not_understood')));
		ctx.replies.push(...ktpConfirmPrompt(ctx, service, session));
		return;
	}
	if (response.kind === 'change') {
		const f = service.fields.findIndex((field) => field.key === response.key);
		if (f < 0) {
			ctx.replies.push(ktpChangeAsk(ctx.texts));
			return;
		}
		moveTo(session, 'ktp_fix', { field: f });
		ctx.replies.push(...ktpFixQuestion(ctx, service, session));
		return;
	}
	const at = session.ktp.at ?? 0;
	Object.assign(session.values, answers.values);
	session.derived = [...new Set([...(session.derived ?? []), ...answers.keys])];
	const file = session.ktp.file;
	delete session.ktp;
	// The card just confirmed is the KTP file the request asks for: the resident sends it once.
	if (
		file &&
		service.documents.some((d) => d.key === KTP_DOCUMENT) &&
		!session.docs[KTP_DOCUMENT]?.length
	) {
		session.docs[KTP_DOCUMENT] = [file];
		session.ktpPhotoFiled = true;
		ctx.replies.push(textReply(say(ctx.texts, 'ktp.filed')));
	}
	enterField(session, service, at);
	ctx.replies.push(...prompt(ctx, session));
}

/** The corrected value of one field read: checked as typed, then the reading is shown again. */
export function onKtpFix(ctx: Ctx, session: Session, service: ResolvedService, input: Input) {
	const field = fixField(service, session);
	if (!session.ktp || !field) return dropReading(ctx, session, service);
	const values = { ...session.values, ...(session.ktp.values ?? {}) };
	// The NIK is compared with the birth date and sex after the confirmation, as when typed.
	const result = validateField({ ...field, crossCheck: undefined }, input.text, {
		values,
		now: ctx.now,
	});
	if (!result.ok) {
		const key = `error.${result.error.code}`;
		const params = { label: field.label, ...(result.error.params ?? {}) };
		const reason =
			ctx.texts.messages[key] !== undefined
				? say(ctx.texts, key, params)
				: say(ctx.texts, 'field.invalid', params);
		ctx.replies.push(...ktpFixQuestion(ctx, service, session, reason));
		return;
	}
	const keys = new Set([...(session.ktp.keys ?? []), field.key]);
	session.ktp = {
		...session.ktp,
		values: { ...(session.ktp.values ?? {}), [field.key]: result.value },
		keys: service.fields.map((x) => x.key).filter((key) => keys.has(key)),
		disagreements: [],
	};
	moveTo(session, 'ktp_confirm', { field: session.ktp.at ?? 0 });
	ctx.replies.push(...ktpConfirmPrompt(ctx, service, session));
}
