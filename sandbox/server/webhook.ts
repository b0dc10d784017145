import { createHmac } from 'node:crypto';
import type { SandboxContext } from './context';
import { HttpError } from './http-util';
import { wamid } from './ids';
import { mediaUrl, storeMetaMedia } from './media';
import type { Redelivery } from './redelivery';
import type { ChatMessage } from './state';

export function signBody(appSecret: string, rawBody: string | Buffer): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export interface DeliveryResult {
	webhookStatus: number;
	webhookError?: string;
	/** Not answered 200: the sandbox delivers it again later, as Meta does (see redelivery.ts). */
	redelivering?: boolean;
}

/**
 * POSTs a raw body to the intake webhook as Meta does; signature '' sends none. Answers the
 * first attempt; one that is not a 200 within `timeoutMs` is delivered again in the background.
 */
export async function deliver(
	ctx: SandboxContext,
	rawBody: string,
	signature?: string,
	timeoutMs?: number,
): Promise<DeliveryResult> {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'User-Agent': 'facebookexternalua',
	};
	const sig = signature ?? signBody(ctx.settings.appSecret, rawBody);
	if (sig) headers['X-Hub-Signature-256'] = sig;
	return await postWebhook(ctx.redelivery, ctx.intakeWebhookUrl, headers, rawBody, timeoutMs);
}

/** One webhook body to `url`, delivered again by `redelivery` until it is answered 200. */
export async function postWebhook(
	redelivery: Redelivery,
	url: string | undefined,
	headers: Record<string, string>,
	rawBody: string,
	timeoutMs?: number,
): Promise<DeliveryResult> {
	if (!url)
		return { webhookStatus: 0, webhookError: 'no intake webhook url set (setIntakeWebhookUrl)' };
	const attempt = async (timeout: number) => {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers,
				body: rawBody,
				signal: AbortSignal.timeout(timeout),
			});
			await response.arrayBuffer();
			return { webhookStatus: response.status };
		} catch (error) {
			return { webhookStatus: 0, webhookError: `${(error as Error).message} (${url})` };
		}
	};
	return await redelivery.deliver(rawBody, attempt, timeoutMs);
}

interface MediaInput {
	fileName?: string;
	mimeType?: string;
	dataBase64?: string;
	caption?: string;
}

export interface ResidentInput {
	text?: string;
	reply?: { id: string; title: string; type?: 'button' | 'list' };
	image?: MediaInput;
	document?: MediaInput;
	/** A voice note (Ogg/Opus); `transcription.ts` makes one the stand-in can hear. */
	audio?: MediaInput;
	name?: string;
	messageId?: string;
}

const MEDIA_DEFAULTS = {
	image: { mimeType: 'image/jpeg', fileName: 'photo.jpg' },
	document: { mimeType: 'application/pdf', fileName: 'document.pdf' },
	audio: { mimeType: 'audio/ogg; codecs=opus', fileName: 'voice.ogg' },
};

function media(ctx: SandboxContext, input: MediaInput, kind: keyof typeof MEDIA_DEFAULTS) {
	if (!input.dataBase64) throw new HttpError(400, { error: `${kind}.dataBase64 is required` });
	const data = Buffer.from(input.dataBase64, 'base64');
	const mimeType = input.mimeType ?? MEDIA_DEFAULTS[kind].mimeType;
	return storeMetaMedia(ctx, data, mimeType, input.fileName ?? MEDIA_DEFAULTS[kind].fileName);
}

/** Finds the outbound interactive message a reply answers, so the payload says button or list. */
function answered(history: ChatMessage[], replyId: string): ChatMessage | undefined {
	for (let i = history.length - 1; i >= 0; i--) {
		const m = history[i];
		if (m.direction !== 'out') continue;
		if (m.buttons?.some((b) => b.id === replyId)) return m;
		if (m.list?.sections.some((s) => s.rows.some((r) => r.id === replyId))) return m;
	}
	return undefined;
}

/** Builds Meta's webhook body for one resident message and the chat entry that goes with it. */
export function buildInbound(ctx: SandboxContext, waId: string, input: ResidentInput) {
	const { settings, state } = ctx;
	const id = input.messageId ?? wamid();
	const now = new Date();
	const message: Record<string, unknown> = {
		from: waId,
		id,
		timestamp: String(Math.floor(now.getTime() / 1000)),
	};
	const chat: ChatMessage = { id, direction: 'in', type: 'text', text: '', at: now.toISOString() };
	if (typeof input.text === 'string') {
		Object.assign(message, { type: 'text', text: { body: input.text } });
		chat.text = input.text;
	} else if (input.reply?.id) {
		const history = state.data.chats[waId] ?? [];
		const source = answered(history, input.reply.id);
		const isList = input.reply.type ? input.reply.type === 'list' : Boolean(source?.list);
		const row = source?.list?.sections.flatMap((s) => s.rows).find((r) => r.id === input.reply?.id);
		const reply = isList
			? {
					type: 'list_reply',
					list_reply: {
						id: input.reply.id,
						title: input.reply.title,
						...(row?.description ? { description: row.description } : {}),
					},
				}
			: { type: 'button_reply', button_reply: { id: input.reply.id, title: input.reply.title } };
		if (source?.template) {
			// A template's quick reply arrives as Meta's `button` message: payload and text.
			Object.assign(message, {
				type: 'button',
				button: { payload: input.reply.id, text: input.reply.title },
			});
		} else Object.assign(message, { type: 'interactive', interactive: reply });
		if (source) message.context = { from: settings.businessNumber, id: source.id };
		Object.assign(chat, {
			type: reply.type,
			text: input.reply.title,
			reply: { id: input.reply.id, title: input.reply.title },
		});
	} else if (input.image) {
		const file = media(ctx, input.image, 'image');
		const caption = input.image.caption;
		Object.assign(message, {
			type: 'image',
			image: {
				...(caption ? { caption } : {}),
				mime_type: file.mimeType,
				sha256: file.sha256,
				id: file.id,
			},
		});
		Object.assign(chat, {
			type: 'image',
			text: caption ?? '',
			image: { url: mediaUrl(ctx, file.id), caption, mimeType: file.mimeType },
		});
	} else if (input.document) {
		const file = media(ctx, input.document, 'document');
		const caption = input.document.caption;
		Object.assign(message, {
			type: 'document',
			document: {
				...(caption ? { caption } : {}),
				filename: file.name,
				mime_type: file.mimeType,
				sha256: file.sha256,
				id: file.id,
			},
		});
		Object.assign(chat, {
			type: 'document',
			text: caption ?? '',
			document: { fileName: file.name, url: mediaUrl(ctx, file.id) },
		});
	} else if (input.audio) {
		// A voice note as Meta delivers one: type audio, `voice: true`.
		const file = media(ctx, input.audio, 'audio');
		Object.assign(message, {
			type: 'audio',
			audio: { mime_type: file.mimeType, sha256: file.sha256, id: file.id, voice: true },
		});
		Object.assign(chat, { type: 'audio', text: '🎤' });
	} else {
		throw new HttpError(400, {
			error:
				'send one of text, reply {id,title}, image {fileName,mimeType,dataBase64}, document {…} or audio {…}',
		});
	}
	const name = input.name ?? state.data.names[waId] ?? `Warga ${waId.slice(-4)}`;
	const payload = {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: settings.wabaId,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: {
								display_phone_number: settings.businessNumber,
								phone_number_id: settings.phoneNumberId,
							},
							contacts: [{ profile: { name }, wa_id: waId }],
							messages: [message],
						},
						field: 'messages',
					},
				],
			},
		],
	};
	return { id, name, payload, chat };
}

/**
 * One webhook body carrying several messages, as Meta batches them under load: one change per
 * resident (their messages in order, with their contact), all in one entry.
 */
export function buildBatch(
	ctx: SandboxContext,
	inputs: Array<ResidentInput & { waId: string }>,
): {
	ids: string[];
	payload: unknown;
	chats: Array<{ waId: string; name: string; chat: ChatMessage }>;
} {
	const built = inputs.map((input) => ({
		waId: input.waId,
		...buildInbound(ctx, input.waId, input),
	}));
	type Value = { contacts: unknown[]; messages: unknown[] };
	const changes: Array<{ value: Value; field: string }> = [];
	const byResident = new Map<string, Value>();
	for (const one of built) {
		const change = one.payload.entry[0].changes[0];
		let value = byResident.get(one.waId);
		if (!value) {
			value = { ...change.value, messages: [] } as unknown as Value;
			byResident.set(one.waId, value);
			changes.push({ value, field: change.field });
		}
		value.messages.push(...change.value.messages);
	}
	const payload = { ...built[0].payload, entry: [{ ...built[0].payload.entry[0], changes }] };
	return {
		ids: built.map((one) => one.id),
		payload,
		chats: built.map((one) => ({ waId: one.waId, name: one.name, chat: one.chat })),
	};
}
