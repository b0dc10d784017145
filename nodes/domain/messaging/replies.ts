/**
 * Checks an untrusted value (an item field) is an `OutboundReply[]`, so the sender can trust
 * its shape. Errors name the position of the first bad reply.
 */
import { isObject } from '../values';
import type { OutboundReply, ReplyListSection } from './types';

export class ReplyShapeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReplyShapeError';
	}
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

function options(
	v: unknown,
	where: string,
): Array<{ id: string; title: string; description?: string }> {
	if (!Array.isArray(v)) throw new ReplyShapeError(`${where} is not an array`);
	return v.map((o, i) => {
		if (!isObject(o) || !text(o.title)) throw new ReplyShapeError(`${where}[${i}] has no title`);
		const option: { id: string; title: string; description?: string } = {
			id: text(o.id) || String(i + 1),
			title: text(o.title),
		};
		if (o.description) option.description = text(o.description);
		return option;
	});
}

function extras(r: Record<string, unknown>): { header?: string; footer?: string } {
	return {
		...(r.header ? { header: text(r.header) } : {}),
		...(r.footer ? { footer: text(r.footer) } : {}),
	};
}

/** `value` as replies; a single reply object is accepted as a list of one. */
export function toReplies(value: unknown): OutboundReply[] {
	if (value == null) throw new ReplyShapeError('there are no replies (the field is empty)');
	const list = Array.isArray(value) ? value : [value];
	return list.map((r, i): OutboundReply => {
		const where = `reply ${i}`;
		if (typeof r === 'string') return { type: 'text', text: r };
		if (!isObject(r)) throw new ReplyShapeError(`${where} is not an object`);
		if (r.type === 'text') {
			if (!text(r.text)) throw new ReplyShapeError(`${where} (text) has no text`);
			return { type: 'text', text: text(r.text) };
		}
		if (r.type === 'buttons') {
			return {
				type: 'buttons',
				text: text(r.text),
				buttons: options(r.buttons, `${where}.buttons`),
				...extras(r),
			};
		}
		if (r.type === 'list') {
			if (!Array.isArray(r.sections))
				throw new ReplyShapeError(`${where}.sections is not an array`);
			const sections = r.sections.map((s, j): ReplyListSection => {
				if (!isObject(s)) throw new ReplyShapeError(`${where}.sections[${j}] is not an object`);
				return {
					...(s.title ? { title: text(s.title) } : {}),
					rows: options(s.rows, `${where}.sections[${j}].rows`),
				};
			});
			return {
				type: 'list',
				text: text(r.text),
				button: text(r.button) || '☰',
				sections,
				...extras(r),
			};
		}
		throw new ReplyShapeError(
			`${where} has unknown type ${JSON.stringify(r.type)} (text, buttons or list)`,
		);
	});
}
