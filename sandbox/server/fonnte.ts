/**
 * Fonnte at the network edge (docs.fonnte.com), for offices that run their existing number
 * through Fonnte instead of Meta's Cloud API:
 * - `POST https://api.fonnte.com/send` with the device token in `Authorization` (no "Bearer"):
 *   target, message, url, filename, a multipart `file`, delay, countryCode. Answers are JSON with
 *   `status` true or false and a `reason`, always HTTP 200, as Fonnte answers.
 * - `POST https://api.fonnte.com/device`: the device profile the credential test reads
 *   (device, device_status, package, quota, …).
 * - attachments a resident sends are served from `https://md.fonnte.com/…` and named in the
 *   webhook (url, filename, extension) only on the "all feature" package; on other packages the
 *   webhook carries the caption alone, and an attachment without a caption arrives empty.
 * - the webhook to the office: one JSON object per message (device, sender, message, name,
 *   inboxid, timestamp, …), to the device's webhook URL as the admin typed it (with or without
 *   `?secret=…`), retried until it gets a 200 (Fonnte: 15 attempts a minute apart; the sandbox
 *   keeps the count on a schedule of seconds).
 */
import { randomInt } from 'node:crypto';
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { HttpError, parseForm, parseMultipart } from './http-util';
import { signatureOf } from './letter-signature';
import { mediaUrl, storeMetaMedia } from './media';
import type { ChatMessage, StoredFile } from './state';
import { MEDIA_PACKAGE, type FonnteSend } from './fonnte-device';
import type { ResidentInput } from './webhook';

export const FONNTE_API_HOST = 'api.fonnte.com';
export const FONNTE_MEDIA_HOST = 'md.fonnte.com';

const failure = (reason: string): StandInResponse => json(200, { reason, status: false });

const fonnteId = () => String(randomInt(10_000_000, 99_999_999));

/** Fonnte's `countryCode`: a leading 0 becomes the country code (62 unless given; "0" keeps it). */
function normaliseTarget(raw: string, countryCode: string): string {
	const number = raw.split('|')[0].replace(/[^\d]/g, '');
	if (countryCode !== '0' && number.startsWith('0')) return `${countryCode}${number.slice(1)}`;
	return number;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png)$/i;

function extensionOf(name: string): string {
	return /\.([a-z0-9]{1,5})$/i.exec(name)?.[1].toLowerCase() ?? '';
}

function storeFonnteFile(
	ctx: SandboxContext,
	data: Buffer,
	mimeType: string,
	name: string,
): StoredFile {
	return storeMetaMedia(ctx, data, mimeType, name, {
		kind: 'fonnte-media',
		id: `fonnte-${fonnteId()}${fonnteId()}`,
	});
}

/** The public URL Fonnte names an attachment by. */
export function fonnteMediaUrl(file: StoredFile): string {
	return `https://${FONNTE_MEDIA_HOST}/files/${file.id}/${encodeURIComponent(file.name)}`;
}

/** A stored file an outgoing `url` points to (one of Fonnte's or the sandbox page's), if any. */
function fileOfUrl(ctx: SandboxContext, url: string): StoredFile | undefined {
	const own = new RegExp(`^https://${FONNTE_MEDIA_HOST}/files/([^/]+)/`).exec(url);
	const page = /\/api\/media\/([^/?]+)/.exec(url);
	const id = own?.[1] ?? (page ? decodeURIComponent(page[1]) : undefined);
	return id ? ctx.state.data.files[id] : undefined;
}

interface SendFields {
	fields: Record<string, string>;
	file?: { data: Buffer; fileName: string; mimeType: string };
}

function sendFields(req: StandInRequest): SendFields {
	const type = String(req.headers['content-type'] ?? '');
	if (type.includes('multipart/form-data')) {
		const parts = parseMultipart(req.body, type);
		const fields: Record<string, string> = {};
		let file: SendFields['file'];
		for (const part of parts) {
			if (part.name === 'file' && part.fileName !== undefined)
				file = {
					data: part.data,
					fileName: part.fileName || 'file',
					mimeType: part.contentType ?? 'application/octet-stream',
				};
			else if (part.name) fields[part.name] = part.data.toString('utf8');
		}
		return { fields, file };
	}
	const parsed = type.includes('json')
		? (JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>)
		: parseForm(req.body, type);
	return {
		fields: Object.fromEntries(
			Object.entries(parsed ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]),
		),
	};
}

/** The chat entry one accepted send leaves in a resident's chat. */
function outboundEntry(
	ctx: SandboxContext,
	id: string,
	fields: Record<string, string>,
	file: StoredFile | undefined,
): ChatMessage {
	const text = fields.message ?? '';
	const base: ChatMessage = {
		id,
		direction: 'out',
		type: 'text',
		text,
		at: new Date().toISOString(),
	};
	const url = fields.url ?? '';
	if (!file && !url) return base;
	const name =
		fields.filename || file?.name || decodeURIComponent(url.split('?')[0].split('/').pop() ?? '');
	const link = file ? mediaUrl(ctx, file.id) : url;
	if (IMAGE_EXTENSIONS.test(name) || file?.mimeType.startsWith('image/'))
		return {
			...base,
			type: 'image',
			image: { url: link, caption: text, mimeType: file?.mimeType },
		};
	return {
		...base,
		type: 'document',
		document: { fileName: name || 'file', url: link, caption: text, signature: signatureOf(file) },
	};
}

function send(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const device = ctx.fonnte;
	let given: SendFields;
	try {
		given = sendFields(req);
	} catch (error) {
		if (error instanceof HttpError) throw error;
		return failure('input invalid');
	}
	const { fields } = given;
	if (device.deviceStatus !== 'connect') return failure('device disconnected');
	const countryCode = fields.countryCode || '62';
	const targets = (fields.target ?? '')
		.split(',')
		.map((t) => normaliseTarget(t.trim(), countryCode))
		.filter((t) => /^\d{8,15}$/.test(t));
	if (targets.length === 0) return failure('invalid target');
	if (!fields.message && !fields.url && !given.file) return failure('empty message');
	if (fields.url && !/^https?:\/\/\S+$/i.test(fields.url)) return failure('invalid url');
	if (device.quota < targets.length) return failure('insufficient quota');
	let file: StoredFile | undefined;
	if (given.file) {
		const name = fields.filename || given.file.fileName;
		file = storeFonnteFile(ctx, given.file.data, given.file.mimeType, name);
	} else if (fields.url) file = fileOfUrl(ctx, fields.url);
	const ids: string[] = [];
	const atMs = Date.now();
	for (const target of targets) {
		const id = fonnteId();
		ids.push(id);
		ctx.fonnteSends.push({ id, target, atMs });
		ctx.state.addMessage(target, outboundEntry(ctx, id, fields, file));
	}
	if (ctx.fonnteSends.length > 5000) ctx.fonnteSends.splice(0, ctx.fonnteSends.length - 5000);
	device.quota -= targets.length;
	device.messages += targets.length;
	return json(200, {
		detail: 'success! message in queue',
		id: ids,
		process: 'pending',
		quota: {
			[ctx.settings.businessNumber]: {
				details: 'deduced from total quota',
				quota: device.quota,
				remaining: device.quota,
				used: targets.length,
			},
		},
		requestid: randomInt(1_000_000, 9_999_999),
		status: true,
		target: targets,
	});
}

/** `api.fonnte.com`: `/send` and `/device`, authorised by the device token. */
export function handleFonnteApi(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	if (
		req.method !== 'POST' &&
		!(req.method === 'GET' && req.rawPath.replace(/\/$/, '') === '/send')
	)
		return json(405, { reason: `${req.method} is not allowed`, status: false });
	const token = String(req.headers.authorization ?? req.query.get('token') ?? '').trim();
	if (token !== ctx.fonnte.token) return failure('token invalid');
	const path = req.rawPath.replace(/\/$/, '');
	if (path === '/send') return send(ctx, req);
	if (path === '/device') {
		const device = ctx.fonnte;
		return json(200, {
			device: ctx.settings.businessNumber,
			device_status: device.deviceStatus,
			expired: '31 December 2030',
			messages: device.messages,
			name: 'Kelurahan Sandbox',
			package: device.package,
			quota: String(device.quota),
			status: true,
		});
	}
	return json(404, { reason: `unknown endpoint ${path}`, status: false });
}

/** `md.fonnte.com`: attachments residents sent, public to whoever has the URL. */
export function handleFonnteMedia(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const id = /^\/files\/([^/]+)\//.exec(req.rawPath)?.[1];
	const file = id ? ctx.state.data.files[id] : undefined;
	if (!file || file.kind !== 'fonnte-media' || req.method !== 'GET')
		return { status: 404, bytes: { data: Buffer.from('Not Found'), mimeType: 'text/plain' } };
	return {
		status: 200,
		bytes: { data: Buffer.from(file.dataBase64, 'base64'), mimeType: file.mimeType },
	};
}

/** Fonnte's webhook body for one resident message and the chat entry that goes with it. */
export function buildFonnteInbound(ctx: SandboxContext, waId: string, input: ResidentInput) {
	const id = input.messageId ?? fonnteId();
	const now = new Date();
	const name = input.name ?? ctx.state.data.names[waId] ?? `Warga ${waId.slice(-4)}`;
	const chat: ChatMessage = { id, direction: 'in', type: 'text', text: '', at: now.toISOString() };
	const body: Record<string, unknown> = {
		device: ctx.settings.businessNumber,
		sender: waId,
		message: '',
		text: '',
		member: '',
		name,
		location: '',
		timestamp: Math.floor(now.getTime() / 1000),
		inboxid: id,
	};
	const media = input.image ?? input.document;
	if (typeof input.text === 'string') {
		body.message = input.text;
		chat.text = input.text;
	} else if (input.reply?.title) {
		// No buttons on Fonnte: a resident answers with the option's words.
		body.message = input.reply.title;
		chat.text = input.reply.title;
	} else if (media) {
		if (!media.dataBase64) throw new HttpError(400, { error: 'dataBase64 is required' });
		const isImage = Boolean(input.image);
		const mimeType = media.mimeType ?? (isImage ? 'image/jpeg' : 'application/pdf');
		const fileName = media.fileName ?? (isImage ? 'photo.jpg' : 'document.pdf');
		const file = storeFonnteFile(ctx, Buffer.from(media.dataBase64, 'base64'), mimeType, fileName);
		const caption = media.caption ?? '';
		body.message = caption;
		if (ctx.fonnte.package === MEDIA_PACKAGE) {
			body.url = fonnteMediaUrl(file);
			body.filename = fileName.replace(/\.[^.]+$/, '');
			body.extension = extensionOf(fileName);
		}
		Object.assign(
			chat,
			isImage
				? {
						type: 'image',
						text: caption,
						image: { url: mediaUrl(ctx, file.id), caption, mimeType },
					}
				: {
						type: 'document',
						text: caption,
						document: { fileName, url: mediaUrl(ctx, file.id), caption },
					},
		);
	} else {
		throw new HttpError(400, {
			error:
				'send one of text, reply {id,title}, image {fileName,mimeType,dataBase64} or document {…}',
		});
	}
	return { id, name, payload: body, chat };
}

/** The webhook URL as the admin typed it in Fonnte's dashboard: with `?secret=…` or without. */
export function fonnteWebhookUrl(ctx: SandboxContext): string | undefined {
	const url = ctx.intakeWebhookUrl;
	if (!url || !ctx.fonnte.withSecret) return url;
	const separator = url.includes('?') ? '&' : '?';
	return `${url}${separator}secret=${encodeURIComponent(ctx.fonnte.webhookSecret)}`;
}

/** How fast the office's number sent: the most sends in any one second, the smallest gap. */
export function sendPace(sends: FonnteSend[]): {
	sends: number;
	maxPerSecond: number;
	minGapMs: number | null;
} {
	const times = sends.map((s) => s.atMs).sort((a, b) => a - b);
	let maxPerSecond = 0;
	let minGapMs: number | null = null;
	for (let i = 0, start = 0; i < times.length; i++) {
		while (times[i] - times[start] >= 1000) start++;
		maxPerSecond = Math.max(maxPerSecond, i - start + 1);
		if (i > 0) minGapMs = Math.min(minGapMs ?? Infinity, times[i] - times[i - 1]);
	}
	return { sends: times.length, maxPerSecond, minGapMs };
}
