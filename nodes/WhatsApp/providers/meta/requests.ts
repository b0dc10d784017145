/** Bodies for `POST /{version}/{phone-number-id}/messages`, built from checked values. */
import type { OutboundReply } from '../../../domain/messaging/types';
import { clampButtons, clampList } from '../../../domain/messaging/interactive';
import type { OutgoingMediaKind } from '../../../domain/messaging/media';
import { isObject, str } from '../../../domain/values';

type Json = Record<string, unknown>;

const base = (to: string): Json => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to,
});

export function metaTextBody(to: string, text: string): Json {
	return { ...base(to), type: 'text', text: { preview_url: false, body: text } };
}

/** Interactive buttons or list; texts are clamped to Meta's limits here. */
export function metaInteractiveBody(
	to: string,
	reply: Extract<OutboundReply, { type: 'buttons' | 'list' }>,
): Json {
	const r = reply.type === 'buttons' ? clampButtons(reply) : clampList(reply);
	const interactive: Json = { type: r.type === 'buttons' ? 'button' : 'list' };
	if (r.header) interactive.header = { type: 'text', text: r.header };
	interactive.body = { text: r.text };
	if (r.footer) interactive.footer = { text: r.footer };
	if (r.type === 'buttons') {
		interactive.action = {
			buttons: r.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })),
		};
	} else {
		const many = r.sections.length > 1;
		interactive.action = {
			button: r.button,
			sections: r.sections.map((s, i) => {
				const section: Json = {};
				// Meta requires a title on every section once there is more than one.
				if (s.title || many) section.title = s.title || String(i + 1);
				section.rows = s.rows.map((row) =>
					row.description
						? { id: row.id, title: row.title, description: row.description }
						: { id: row.id, title: row.title },
				);
				return section;
			}),
		};
	}
	return { ...base(to), type: 'interactive', interactive };
}

export interface MediaRef {
	id?: string;
	link?: string;
}

export function metaMediaBody(
	to: string,
	kind: OutgoingMediaKind,
	ref: MediaRef,
	options: { fileName?: string; caption?: string } = {},
): Json {
	const media: Json = ref.id ? { id: ref.id } : { link: ref.link };
	if (options.caption && kind !== 'audio' && kind !== 'sticker') media.caption = options.caption;
	if (options.fileName && kind === 'document') media.filename = options.fileName;
	return { ...base(to), type: kind, [kind]: media };
}

/** The header parameter of a template: text, or a media reference (id or link). */
export type TemplateHeaderParameter =
	| { kind: 'text'; text: string }
	| { kind: 'image' | 'document'; ref: MediaRef; fileName?: string };

export interface TemplateSend {
	name: string;
	language: string;
	bodyParameters: string[];
	header?: TemplateHeaderParameter;
	buttons?: Array<{ kind: 'quickReply' | 'url'; index: number; value: string }>;
}

/** A `type: template` message: header, body and button parameters in Meta's component shape. */
export function metaTemplateBody(to: string, t: TemplateSend): Json {
	const components: Json[] = [];
	if (t.header?.kind === 'text') {
		components.push({ type: 'header', parameters: [{ type: 'text', text: t.header.text }] });
	} else if (t.header) {
		const media: Json = t.header.ref.id ? { id: t.header.ref.id } : { link: t.header.ref.link };
		if (t.header.kind === 'document' && t.header.fileName) media.filename = t.header.fileName;
		components.push({ type: 'header', parameters: [{ type: t.header.kind, [t.header.kind]: media }] });
	}
	if (t.bodyParameters.length) {
		components.push({
			type: 'body',
			parameters: t.bodyParameters.map((text) => ({ type: 'text', text })),
		});
	}
	for (const b of t.buttons ?? []) {
		components.push({
			type: 'button',
			sub_type: b.kind === 'url' ? 'url' : 'quick_reply',
			index: String(b.index),
			parameters: [
				b.kind === 'url' ? { type: 'text', text: b.value } : { type: 'payload', payload: b.value },
			],
		});
	}
	const template: Json = { name: t.name, language: { code: t.language } };
	if (components.length) template.components = components;
	return { ...base(to), type: 'template', template };
}

export function metaMarkReadBody(messageId: string): Json {
	return { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
}

/** Message ids from a send response `{"messages":[{"id":"wamid…"}]}`. */
export function metaMessageIds(response: unknown): string[] {
	if (!isObject(response) || !Array.isArray(response.messages)) return [];
	return response.messages
		.filter(isObject)
		.map((m) => str(m.id))
		.filter(Boolean);
}
