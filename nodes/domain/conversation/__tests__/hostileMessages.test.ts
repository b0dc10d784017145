/**
 * Messages that would break a naive step (cases of the fuzz suite in test/fuzz): a type named
 * after an Object.prototype member, echoed input cut through an emoji, and a reply title that is
 * not text.
 */
import { defaultCatalog } from '../../catalog';
import { parseMoney } from '../../validation/money';
import type { InboundMessage } from '../../messaging/types';
import { say, textsFor } from '../texts';
import { Chat } from '../../../../test/support/chat';

/** Every string inside a reply (text, buttons, list rows). */
const strings = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(strings)
			: [];

const catalog = defaultCatalog();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a message type named like an Object.prototype member', () => {
	it.each(['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
		'"%s" gets the polite "cannot read this" reply, not an empty one or an internal error',
		(type) => {
			const chat = new Chat(catalog);
			const result = chat.send({ type: type as InboundMessage['type'], text: 'x' });
			expect(result.events.filter((e) => e.type === 'error')).toEqual([]);
			expect(result.replies).toHaveLength(1);
			const reply = result.replies[0] as { type: string; text: string };
			expect(reply.type).toBe('text');
			expect(reply.text).toBe(say(textsFor(catalog), 'unsupported.other'));
		},
	);
});

describe('echoed input never carries half an emoji', () => {
	it('a refused amount ending in an emoji at the cut is echoed without the lone half', () => {
		const typed = `${'x'.repeat(39)}😀 rupiah`;
		const result = parseMoney(typed);
		expect(result.ok).toBe(false);
		const input = String((result as { error: { params: { input: string } } }).error.params.input);
		expect(input).toBe('x'.repeat(39));
		expect(LONE_SURROGATE.test(input)).toBe(false);
	});

	it('a refused date cut through an emoji reaches the resident as well-formed text', () => {
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.text('1');
		chat.list('domisili');
		chat.button('continue');
		for (const text of ['Budi Santoso', '3577011708900001', 'bukan', 'Madiun']) chat.text(text);
		chat.text(`${'1'.repeat(39)}😀😀`);
		const said = strings(chat.last.replies);
		expect(said.join('\n')).toContain(`"${'1'.repeat(39)}"`);
		expect(said.filter((s) => LONE_SURROGATE.test(s))).toEqual([]);
	});
});

describe('media fields that are not text', () => {
	it('a complaint photo whose file name is an object is kept without the name, not an internal error', () => {
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.list('menu:complaint', 'Pengaduan');
		chat.text('Lampu jalan di depan rumah nomor 17 mati sejak seminggu yang lalu');
		const fileName = JSON.parse('{"toString": {"toString": 1, "valueOf": 1}}');
		const result = chat.send({
			type: 'image',
			media: { id: 'media-1', mimeType: 'image/jpeg', fileName },
		});
		expect(result.events.filter((e) => e.type === 'error')).toEqual([]);
		expect(chat.session!.complaint?.photo).toEqual({ id: 'media-1', mimeType: 'image/jpeg' });
	});
});

describe('a reply title that is not text', () => {
	it.each([
		['an object with its own conversions', '{"toString": 1, "valueOf": 1}'],
		['an object', '{"a": 1}'],
		['a list', '[1, 2]'],
		['a number', '7'],
	])('(%s) leaves the draft as it was, and the tap is answered', (_, title) => {
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.text('1');
		chat.list('domisili');
		chat.button('continue');
		chat.text('Budi Santoso');
		const draft = chat.session!.draft;
		const values = { ...chat.session!.values };
		expect(draft).toBeTruthy();
		const result = chat.send({
			type: 'button_reply',
			text: '',
			replyId: 'no-such-button',
			replyTitle: JSON.parse(title),
		});
		expect(result.events.filter((e) => e.type === 'error')).toEqual([]);
		expect(result.replies.length).toBeGreaterThan(0);
		expect(strings(result.replies).join('\n')).not.toContain(
			say(textsFor(catalog), 'system.error'),
		);
		expect(chat.session!.draft).toBe(draft);
		expect(chat.session!.values).toEqual(values);
		expect(chat.session!.state).toBe('field');
	});
});
