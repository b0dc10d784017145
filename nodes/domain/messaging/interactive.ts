/**
 * Makes an `OutboundReply` fit WhatsApp's interactive-message limits without losing a choice:
 * titles are shortened with an ellipsis, and a reply that cannot be interactive (too many
 * options, or a provider without interactive messages) becomes numbered text, which the service
 * desk understands as well ("1", "2", …).
 */
import type { OutboundReply, ReplyButton, ReplyListSection } from './types';
import { WHATSAPP_LIMITS as L } from './types';

const ELLIPSIS = '…';

/** Meta's own limits on reply ids (not user-visible, so cut without an ellipsis). */
export const REPLY_ID_LIMITS = { button: 256, listRow: 200 } as const;

/** `text` cut to `max` characters (code points), ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
	const chars = Array.from(text ?? '');
	if (chars.length <= max) return chars.join('');
	if (max <= 1) return chars.slice(0, max).join('');
	return (
		chars
			.slice(0, max - 1)
			.join('')
			.trimEnd() + ELLIPSIS
	);
}

function cut(text: string, max: number): string {
	return Array.from(text ?? '')
		.slice(0, max)
		.join('');
}

type ButtonsReply = Extract<OutboundReply, { type: 'buttons' }>;
type ListReply = Extract<OutboundReply, { type: 'list' }>;

/** Number of list rows across all sections. */
export function countRows(sections: ReplyListSection[]): number {
	return sections.reduce((n, s) => n + (s.rows?.length ?? 0), 0);
}

/** Whether a reply can be sent as an interactive message at all (counts, not lengths). */
export function fitsInteractive(reply: OutboundReply): boolean {
	if (reply.type === 'buttons')
		return reply.buttons.length > 0 && reply.buttons.length <= L.maxButtons;
	if (reply.type === 'list') {
		const rows = countRows(reply.sections);
		return rows > 0 && rows <= L.maxListRows;
	}
	return true;
}

function clampOptional(text: string | undefined, max: number): string | undefined {
	return text ? truncate(text, max) : undefined;
}

/** A buttons reply with every text inside Meta's limits. */
export function clampButtons(reply: ButtonsReply): ButtonsReply {
	return {
		type: 'buttons',
		text: truncate(reply.text, L.interactiveBody),
		buttons: reply.buttons.map(
			(b): ReplyButton => ({
				id: cut(b.id, REPLY_ID_LIMITS.button),
				title: truncate(b.title, L.buttonTitle),
			}),
		),
		header: clampOptional(reply.header, L.header),
		footer: clampOptional(reply.footer, L.footer),
	};
}

/** A list reply with every text inside Meta's limits. */
export function clampList(reply: ListReply): ListReply {
	return {
		type: 'list',
		text: truncate(reply.text, L.interactiveBody),
		button: truncate(reply.button, L.listButton),
		sections: reply.sections.map((s) => ({
			title: clampOptional(s.title, L.listSectionTitle),
			rows: s.rows.map((r) => ({
				id: cut(r.id, REPLY_ID_LIMITS.listRow),
				title: truncate(r.title, L.listRowTitle),
				description: clampOptional(r.description, L.listRowDescription),
			})),
		})),
		header: clampOptional(reply.header, L.header),
		footer: clampOptional(reply.footer, L.footer),
	};
}

/**
 * The reply as plain text: header, body, then the options numbered 1…n (list rows keep their
 * descriptions), then the footer. Uses no words of its own, so it stays in the catalog's language.
 */
export function toNumberedText(reply: OutboundReply): string {
	if (reply.type === 'text') return reply.text;
	const options: string[] =
		reply.type === 'buttons'
			? reply.buttons.map((b) => b.title)
			: reply.sections.flatMap((s) =>
					s.rows.map((r) => (r.description ? `${r.title} (${r.description})` : r.title)),
				);
	const parts: string[] = [];
	if (reply.header) parts.push(`*${reply.header}*`);
	if (reply.text) parts.push(reply.text);
	if (options.length) parts.push(options.map((o, i) => `${i + 1}. ${o}`).join('\n'));
	if (reply.footer) parts.push(`_${reply.footer}_`);
	return parts.join('\n\n');
}

/**
 * Long text split into messages of at most `max` characters, preferring paragraph, then line,
 * then word boundaries, so a long answer arrives whole instead of being rejected.
 */
export function splitText(text: string, max: number = L.textBody): string[] {
	const chunks: string[] = [];
	let rest = Array.from(text ?? '');
	while (rest.length > max) {
		const window = rest.slice(0, max).join('');
		let at = window.lastIndexOf('\n\n');
		if (at < max / 2) at = window.lastIndexOf('\n');
		if (at < max / 2) at = window.lastIndexOf(' ');
		if (at < max / 2) at = max;
		const head = Array.from(window).slice(0, at).join('');
		chunks.push(head.trimEnd());
		rest = rest.slice(Array.from(head).length);
		while (rest.length && /\s/.test(rest[0])) rest = rest.slice(1);
	}
	if (rest.length || !chunks.length) chunks.push(rest.join(''));
	return chunks;
}
