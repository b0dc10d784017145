import { signatureOf } from './letter-signature';
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { bearerToken, parseJson, parseMultipart } from './http-util';
import { wamid } from './ids';
import { mediaUrl, storeMetaMedia } from './media';
import { MetaError, validateOutbound } from './meta-validate';
import { checkServiceWindow, createTemplate, renderTemplateSend } from './meta-templates';
import type { ChatMessage } from './state';

export const LOOKASIDE = 'lookaside.fbsbx.com';

function fail(error: MetaError): StandInResponse {
	return json(error.status, error.toJson());
}

function checkToken(ctx: SandboxContext, req: StandInRequest): MetaError | undefined {
	const token = bearerToken(req) ?? req.query.get('access_token') ?? undefined;
	if (token === ctx.settings.accessToken) return undefined;
	const message = token
		? 'Invalid OAuth access token - Cannot parse access token'
		: 'An active access token must be used to query information about the current user.';
	return new MetaError(190, message, undefined, 401);
}

function mediaRef(
	ctx: SandboxContext,
	content: Record<string, any>,
): { url: string; mimeType?: string } {
	if (content.link) return { url: String(content.link) };
	const file = ctx.state.data.files[String(content.id)];
	if (!file)
		throw new MetaError(
			131009,
			'(#131009) Parameter value is not valid',
			`Media id ${String(content.id)} was not uploaded`,
		);
	return { url: mediaUrl(ctx, file.id), mimeType: file.mimeType };
}

/** Turns an accepted outbound payload into the chat entry the page shows. */
function chatEntry(ctx: SandboxContext, body: Record<string, any>, id: string): ChatMessage {
	const type: string = body.type ?? 'text';
	const content = body[type] ?? {};
	const base: ChatMessage = { id, direction: 'out', type, text: '', at: new Date().toISOString() };
	switch (type) {
		case 'text':
			return { ...base, text: String(content.body) };
		case 'interactive': {
			const action = content.action ?? {};
			const common = {
				...base,
				type: content.type === 'list' ? 'list' : 'buttons',
				text: String(content.body?.text ?? ''),
				header: content.header?.text,
				footer: content.footer?.text,
			};
			if (content.type === 'list') {
				return { ...common, list: { button: String(action.button), sections: action.sections } };
			}
			return {
				...common,
				buttons: action.buttons.map((b: any) => ({
					id: String(b.reply.id),
					title: String(b.reply.title),
				})),
			};
		}
		case 'document': {
			const ref = mediaRef(ctx, content);
			const fileName = String(
				content.filename ?? ctx.state.data.files[content.id]?.name ?? 'document',
			);
			return {
				...base,
				text: String(content.caption ?? ''),
				document: {
					fileName,
					url: ref.url,
					caption: content.caption,
					signature: signatureOf(ctx.state.data.files[String(content.id)]),
				},
			};
		}
		case 'image': {
			const ref = mediaRef(ctx, content);
			return {
				...base,
				text: String(content.caption ?? ''),
				image: { url: ref.url, caption: content.caption, mimeType: ref.mimeType },
			};
		}
		case 'template': {
			const rendered = renderTemplateSend(ctx, content);
			const entry: ChatMessage = {
				...base,
				template: String(content.name),
				text: rendered.text,
				header: rendered.header,
				footer: rendered.footer,
				buttons: rendered.buttons,
			};
			const media = rendered.headerMedia;
			if (media?.type === 'document') {
				const ref = mediaRef(ctx, media.content);
				const fileName = String(
					media.content.filename ?? ctx.state.data.files[media.content.id]?.name ?? 'document',
				);
				entry.document = {
					fileName,
					url: ref.url,
					signature: signatureOf(ctx.state.data.files[String(media.content.id)]),
				};
			} else if (media) {
				const ref = mediaRef(ctx, media.content);
				entry.image = { url: ref.url, mimeType: ref.mimeType };
			}
			return entry;
		}
		default:
			return { ...base, text: `[${type}]` };
	}
}

function sendMessage(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const body = parseJson(req.body) as Record<string, any>;
	validateOutbound(body);
	if (body.status === 'read') {
		const found = ctx.state.findMessage(String(body.message_id));
		if (found) {
			found.message.read = true;
			ctx.state.changed({ kind: 'chat', waId: found.waId });
		}
		return json(200, { success: true });
	}
	const waId = String(body.to).replace(/\D/g, '');
	if (!waId)
		throw new MetaError(131009, '(#131009) Parameter value is not valid', 'Invalid recipient: to');
	if ((body.type ?? 'text') !== 'template') checkServiceWindow(ctx, waId);
	const id = wamid();
	ctx.state.addMessage(waId, chatEntry(ctx, body, id));
	return json(200, {
		messaging_product: 'whatsapp',
		contacts: [{ input: String(body.to), wa_id: waId }],
		messages: [{ id }],
	});
}

/** `/{waba-id}/message_templates`: create (approved at once in the sandbox) and list. */
function templates(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	if (req.method === 'POST') {
		const created = createTemplate(ctx, parseJson(req.body) as Record<string, any>);
		return json(200, { id: created.id, status: created.status, category: created.category });
	}
	if (req.method === 'GET') {
		const name = req.query.get('name');
		const data = Object.values(ctx.state.data.templates).filter((t) => !name || t.name === name);
		return json(200, { data, paging: { cursors: { before: '', after: '' } } });
	}
	throw new MetaError(100, `(#100) Unsupported ${req.method.toLowerCase()} request.`);
}

function uploadMedia(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const parts = parseMultipart(req.body, req.headers['content-type']);
	const field = (name: string) => parts.find((p) => p.name === name);
	if (field('messaging_product')?.data.toString() !== 'whatsapp') {
		throw new MetaError(100, '(#100) The parameter messaging_product is required.');
	}
	const file = field('file');
	if (!file || file.data.length === 0)
		throw new MetaError(100, '(#100) The parameter file is required.');
	const mimeType = field('type')?.data.toString() || file.contentType || 'application/octet-stream';
	return json(200, { id: storeMetaMedia(ctx, file.data, mimeType, file.fileName ?? 'upload').id });
}

/** `graph.facebook.com`: phone number info, messages, media upload / info / delete. */
export function handleGraph(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const denied = checkToken(ctx, req);
	if (denied) return fail(denied);
	const match = /^(?:\/v\d+\.\d+)?\/([^/]+)(?:\/(messages|media|message_templates))?\/?$/.exec(
		req.rawPath,
	);
	if (!match) return fail(new MetaError(100, `(#100) Unknown path components: ${req.rawPath}`));
	const [, objectId, edge] = match;
	try {
		const { phoneNumberId, businessNumber, wabaId } = ctx.settings;
		if (edge === 'message_templates' && objectId === wabaId) return templates(ctx, req);
		if (edge && objectId !== phoneNumberId) {
			throw new MetaError(
				100,
				`(#100) Unsupported post request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
			);
		}
		if (edge === 'messages' && req.method === 'POST') return sendMessage(ctx, req);
		if (edge === 'media' && req.method === 'POST') return uploadMedia(ctx, req);
		if (!edge && objectId === phoneNumberId && req.method === 'GET') {
			return json(200, {
				id: phoneNumberId,
				display_phone_number: businessNumber,
				verified_name: 'Kelurahan Sandbox',
				quality_rating: 'GREEN',
			});
		}
		const file = ctx.state.data.files[objectId];
		if (!edge && file?.kind === 'meta-media' && req.method === 'GET') {
			return json(200, {
				url: `https://${LOOKASIDE}/whatsapp_business/attachments/?mid=${file.id}&ext=${Date.now()}&hash=sandbox`,
				mime_type: file.mimeType,
				sha256: file.sha256,
				file_size: file.size,
				id: file.id,
				messaging_product: 'whatsapp',
			});
		}
		if (!edge && file?.kind === 'meta-media' && req.method === 'DELETE') {
			delete ctx.state.data.files[objectId];
			return json(200, { success: true });
		}
		throw new MetaError(
			100,
			`(#100) Unsupported ${req.method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		);
	} catch (error) {
		if (error instanceof MetaError) return fail(error);
		throw error;
	}
}

/** The media download host: the URL from the media info, fetched with the same bearer token. */
export function handleLookaside(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const denied = checkToken(ctx, req);
	if (denied) return fail(denied);
	const file = ctx.state.data.files[req.query.get('mid') ?? ''];
	if (!file || req.method !== 'GET')
		return { status: 404, bytes: { data: Buffer.from('Not Found'), mimeType: 'text/plain' } };
	return {
		status: 200,
		bytes: { data: Buffer.from(file.dataBase64, 'base64'), mimeType: file.mimeType },
	};
}
