/**
 * Meta WhatsApp Cloud API webhooks → normalized messages and statuses. Pure functions: the
 * trigger node checks the signature and the verification handshake with these, then parses.
 */
import { createHmac, timingSafeEqual } from 'crypto';

import type { InboundMessage, InboundType } from '../../../domain/messaging/types';
import type { InboundStatus, StatusError } from '../../../domain/messaging/status';
import { isObject, isoFromUnixSeconds, str } from '../../../domain/values';
import { isSenderId } from '../../../domain/validation/phone';
import { WebhookPayloadError } from '../payloadError';
import { senderRefusal } from '../senderRefusal';

export const META_PROVIDER = 'meta';

/** True when `header` is `sha256=<hex HMAC-SHA256 of rawBody keyed with appSecret>`. */
export function verifyMetaSignature(
	rawBody: Buffer | string,
	header: string | string[] | undefined,
	appSecret: string,
): boolean {
	if (!appSecret || typeof header !== 'string') return false;
	const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
	if (!match) return false;
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	const given = Buffer.from(match[1], 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The challenge to echo when the GET is a subscription check with the right token, else null. */
export function metaChallenge(query: Record<string, unknown>, verifyToken: string): string | null {
	const mode = query['hub.mode'];
	const token = query['hub.verify_token'];
	const challenge = query['hub.challenge'];
	if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string')
		return null;
	if (!verifyToken) return null;
	const a = Buffer.from(token);
	const b = Buffer.from(verifyToken);
	return a.length === b.length && timingSafeEqual(a, b) ? challenge : null;
}

export interface ParsedWebhook {
	messages: InboundMessage[];
	statuses: InboundStatus[];
	/** Parts of a valid payload that were left out, with the reason (for the log). */
	skipped: string[];
	/**
	 * Messages refused for what they claim (a sender that is not a phone number), with the reason:
	 * logged as warnings; the provider is still answered 200 so it does not redeliver them.
	 */
	refused: string[];
}

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'] as const;

function digits(s: string): string {
	return s.replace(/\D/g, '');
}

function errorsOf(value: unknown): StatusError[] {
	if (!Array.isArray(value)) return [];
	return value.filter(isObject).map((e) => {
		const data = isObject(e.error_data) ? e.error_data : {};
		const details = str(data.details) || str(e.message);
		const err: StatusError = { code: (e.code as number) ?? '', title: str(e.title) };
		if (details && details !== err.title) err.details = details;
		return err;
	});
}

export interface MetaParseOptions {
	/**
	 * Keep only changes for this phone number id (metadata.phone_number_id): one Meta app may
	 * serve several numbers, and another office's residents must not land in this workflow.
	 */
	phoneNumberId?: string;
}

/** Parses the body of a Meta webhook POST (already JSON-decoded). Throws WebhookPayloadError. */
export function parseMetaWebhook(
	body: unknown,
	now: Date = new Date(),
	options: MetaParseOptions = {},
): ParsedWebhook {
	if (!isObject(body)) throw new WebhookPayloadError('Body is not a JSON object');
	if (body.object !== 'whatsapp_business_account')
		throw new WebhookPayloadError(
			`"object" is ${JSON.stringify(body.object)}, expected "whatsapp_business_account"`,
		);
	if (!Array.isArray(body.entry)) throw new WebhookPayloadError('"entry" is not an array');

	const out: ParsedWebhook = { messages: [], statuses: [], skipped: [], refused: [] };
	for (const entry of body.entry) {
		if (!isObject(entry) || !Array.isArray(entry.changes))
			throw new WebhookPayloadError('An entry has no "changes" array');
		for (const change of entry.changes) {
			if (!isObject(change) || !isObject(change.value))
				throw new WebhookPayloadError('A change has no "value" object');
			if (change.field !== 'messages') {
				out.skipped.push(`field "${str(change.field)}" is not about messages`);
				continue;
			}
			const forNumber = isObject(change.value.metadata)
				? str(change.value.metadata.phone_number_id)
				: '';
			if (options.phoneNumberId && forNumber !== options.phoneNumberId) {
				out.skipped.push(`a change for another number (phone_number_id "${forNumber}")`);
				continue;
			}
			parseValue(change.value, now, out);
		}
	}
	return out;
}

function parseValue(value: Record<string, unknown>, now: Date, out: ParsedWebhook): void {
	const metadata = isObject(value.metadata) ? value.metadata : {};
	const businessNumber = digits(str(metadata.display_phone_number));
	const contacts = Array.isArray(value.contacts) ? value.contacts.filter(isObject) : [];
	const nameOf = (waId: string): string => {
		const c = contacts.find((x) => str(x.wa_id) === waId) ?? contacts[0];
		return c && isObject(c.profile) ? str(c.profile.name) : '';
	};

	for (const m of Array.isArray(value.messages) ? value.messages : []) {
		const message = isObject(m) ? toMessage(m, businessNumber, now, nameOf) : null;
		if (!message) out.skipped.push('a message without a "from", an "id" or a "type"');
		else if (!isSenderId(message.from)) out.refused.push(senderRefusal(message.from));
		else out.messages.push(message);
	}
	for (const s of Array.isArray(value.statuses) ? value.statuses : []) {
		if (!isObject(s)) continue;
		out.statuses.push({
			kind: 'status',
			provider: META_PROVIDER,
			businessNumber,
			messageId: str(s.id),
			recipient: str(s.recipient_id),
			status: str(s.status),
			timestamp: isoFromUnixSeconds(s.timestamp, now),
			errors: errorsOf(s.errors),
		});
	}
	const errors = errorsOf(value.errors);
	if (errors.length) {
		out.statuses.push({
			kind: 'status',
			provider: META_PROVIDER,
			businessNumber,
			messageId: '',
			recipient: '',
			status: 'error',
			timestamp: now.toISOString(),
			errors,
		});
	}
}

function toMessage(
	m: Record<string, unknown>,
	businessNumber: string,
	now: Date,
	nameOf: (waId: string) => string,
): InboundMessage | null {
	const from = str(m.from);
	const id = str(m.id);
	const rawType = str(m.type);
	if (!from || !id || !rawType) return null;

	const msg: InboundMessage = {
		provider: META_PROVIDER,
		businessNumber,
		from,
		name: nameOf(from),
		messageId: id,
		timestamp: isoFromUnixSeconds(m.timestamp, now),
		type: 'unsupported',
		text: '',
	};
	const part = isObject(m[rawType]) ? (m[rawType] as Record<string, unknown>) : {};

	if (rawType === 'text') {
		msg.type = 'text';
		msg.text = str(part.body);
	} else if (rawType === 'interactive') {
		const kind = str(part.type);
		const reply = isObject(part[kind]) ? (part[kind] as Record<string, unknown>) : null;
		if ((kind === 'button_reply' || kind === 'list_reply') && reply) {
			msg.type = kind;
			msg.replyId = str(reply.id);
			msg.replyTitle = str(reply.title);
			msg.text = msg.replyTitle;
		}
	} else if (rawType === 'button') {
		// Quick-reply button of a template message: the payload plays the reply id.
		msg.type = 'button_reply';
		msg.replyTitle = str(part.text);
		msg.replyId = str(part.payload) || msg.replyTitle;
		msg.text = msg.replyTitle;
	} else if ((MEDIA_TYPES as readonly string[]).includes(rawType)) {
		msg.type = rawType as InboundType;
		msg.text = str(part.caption);
		msg.media = { id: str(part.id), mimeType: str(part.mime_type) };
		if (part.sha256) msg.media.sha256 = str(part.sha256);
		if (part.filename) msg.media.fileName = str(part.filename);
		if (part.caption) msg.media.caption = str(part.caption);
	} else if (rawType === 'location') {
		const latitude = Number(str(part.latitude) || NaN);
		const longitude = Number(str(part.longitude) || NaN);
		if (Number.isFinite(latitude) && Number.isFinite(longitude)) {
			msg.type = 'location';
			msg.location = { latitude, longitude };
			if (part.name) msg.location.name = str(part.name);
			if (part.address) msg.location.address = str(part.address);
			msg.text = [str(part.name), str(part.address)].filter(Boolean).join(', ');
		}
	} else if (rawType === 'contacts') {
		const cards = Array.isArray(m.contacts) ? m.contacts.filter(isObject) : [];
		msg.type = 'contacts';
		msg.text = cards
			.map((c) => {
				const name = isObject(c.name) ? str(c.name.formatted_name) : '';
				const phones = Array.isArray(c.phones)
					? c.phones.filter(isObject).map((p) => str(p.wa_id) || str(p.phone))
					: [];
				return [name, ...phones].filter(Boolean).join(' ');
			})
			.join('\n');
	} else if (rawType === 'reaction') {
		msg.type = 'reaction';
		msg.text = str(part.emoji);
	}
	return msg;
}
