/**
 * The conversation step, fed message sequences a resident (or a broken gateway) can send: taps on
 * the buttons and rows just offered, plausible answers, commands, odd types and fields, waits,
 * redeliveries. Every step must answer without an internal error, within WhatsApp's limits, in
 * well-formed UTF-16, with a session that survives JSON.
 */
import fc from 'fast-check';

import { defaultCatalog } from '../../../nodes/domain/catalog';
import { step, type Session } from '../../../nodes/domain/conversation';
import { currentField, findService } from '../../../nodes/domain/conversation/flow';
import type { InboundMessage, OutboundReply } from '../../../nodes/domain/messaging/types';
import { WHATSAPP_LIMITS as L } from '../../../nodes/domain/messaging/types';
import {
	anyText,
	assert,
	longText,
	PROTO_NAMES,
	some,
	stringsIn,
	weird,
	wellFormed,
	type FuzzTarget,
} from './common';

const catalog = defaultCatalog();

const WORDS = [
	'halo',
	'menu',
	'batal',
	'kembali',
	'bantuan',
	'petugas',
	'status',
	'lanjut',
	'ya',
	'tidak',
	'lewati',
	'selesai',
	'kirim',
	'ubah',
	'1',
	'2',
	'3',
	'4',
	'5',
	'9',
	'0',
	'Budi Santoso',
	'17-08-1990',
	'3577011708900001',
	'3577010101150003',
	'1,5 juta',
	'1000 triliun',
	'081234567890',
	'laki-laki',
	'perempuan',
	'Islam',
	'Madiun',
	'2015',
	'sku',
	'surat domisili',
	'ahli waris',
];
/** A plausible answer for a field type, so sequences reach deep into a request. */
const ANSWERS: Record<string, string> = {
	date: '17-08-1990',
	choice: '1',
	nik: '3577011708900001',
	kk: '3577010101150003',
	year: '2015',
	money: '1,5 juta',
	phone: '081234567890',
	number: '2',
	text: 'Jalan Salak III No. 17',
};

type Action =
	| { kind: 'pick'; index: number }
	| { kind: 'answer' }
	| { kind: 'text'; text: string }
	| { kind: 'media'; type: 'image' | 'document'; mimeType: string; fileName?: unknown }
	| { kind: 'odd'; fields: Record<string, unknown> }
	| { kind: 'wait'; minutes: number }
	| { kind: 'redeliver' };

const action: fc.Arbitrary<Action> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('pick' as const), index: fc.nat(11) }) },
	{ weight: 8, arbitrary: fc.constant({ kind: 'answer' as const }) },
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('text' as const),
			text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, anyText, longText),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record(
			{
				kind: fc.constant('media' as const),
				type: fc.constantFrom('image' as const, 'document' as const),
				mimeType: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'x/unknown', ''),
				fileName: fc.oneof(anyText, weird),
			},
			{ requiredKeys: ['kind', 'type', 'mimeType'] },
		),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('odd' as const),
			fields: some({
				type: fc.oneof(
					fc.constantFrom(
						...PROTO_NAMES,
						'button_reply',
						'list_reply',
						'sticker',
						'audio',
						'location',
						'reaction',
						'unsupported',
					),
					anyText,
				),
				text: weird,
				replyId: fc.oneof(fc.constantFrom(...PROTO_NAMES), weird),
				replyTitle: weird,
				messageId: weird,
				name: weird,
				media: weird,
			}),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('wait' as const),
			minutes: fc.integer({ min: 1, max: 4320 }),
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'redeliver' as const }) },
);

/** Ids of the buttons and rows the last replies offered. */
function offered(
	replies: OutboundReply[],
): Array<{ type: 'button_reply' | 'list_reply'; id: string; title: string }> {
	return replies.flatMap((r) =>
		r.type === 'buttons'
			? r.buttons.map((b) => ({ type: 'button_reply' as const, id: b.id, title: b.title }))
			: r.type === 'list'
				? r.sections.flatMap((s) =>
						s.rows.map((row) => ({ type: 'list_reply' as const, id: row.id, title: row.title })),
					)
				: [],
	);
}

function checkReplies(replies: OutboundReply[]): void {
	for (const reply of replies) {
		assert(typeof reply.text === 'string' && reply.text.length > 0, `an empty ${reply.type} reply`);
		for (const s of stringsIn(reply))
			assert(wellFormed(s), `a reply with a lone surrogate: ${JSON.stringify(s)}`);
		if (reply.type === 'text') {
			assert(reply.text.length <= L.textBody, `text of ${reply.text.length} units`);
		} else if (reply.type === 'buttons') {
			assert(reply.text.length <= L.interactiveBody, 'button body too long');
			assert(
				reply.buttons.length >= 1 && reply.buttons.length <= L.maxButtons,
				`${reply.buttons.length} buttons`,
			);
			for (const b of reply.buttons)
				assert(b.title.length <= L.buttonTitle && b.title.length > 0, `button "${b.title}"`);
		} else {
			assert(reply.text.length <= L.interactiveBody, 'list body too long');
			const rows = reply.sections.flatMap((s) => s.rows);
			assert(rows.length >= 1 && rows.length <= L.maxListRows, `${rows.length} list rows`);
			for (const r of rows) {
				assert(r.title.length <= L.listRowTitle && r.title.length > 0, `row "${r.title}"`);
				assert((r.description ?? '').length <= L.listRowDescription, 'row description too long');
			}
		}
	}
}

/** The taps that open a request for `serviceKey`, so half the sequences start inside one. */
function opening(serviceKey: string): Action[] {
	return [
		{ kind: 'text', text: 'halo' },
		{ kind: 'odd', fields: { type: 'list_reply', replyId: 'menu:request', text: 'Ajukan surat' } },
		{ kind: 'odd', fields: { type: 'list_reply', replyId: serviceKey, text: serviceKey } },
		{ kind: 'odd', fields: { type: 'button_reply', replyId: 'continue', text: 'Lanjut' } },
	];
}

export function playConversation(actions: Action[]): string {
	let session: Session | null = null;
	let now = new Date('2026-05-05T02:00:00Z');
	let last: InboundMessage | undefined;
	let lastReplies: OutboundReply[] = [];
	let n = 0;
	for (const act of actions) {
		if (act.kind === 'wait') {
			now = new Date(now.getTime() + act.minutes * 60_000);
			continue;
		}
		const base: InboundMessage = {
			provider: 'fuzz',
			businessNumber: '62351000000',
			from: '6281234567890',
			name: 'Budi',
			messageId: `wamid.fuzz.${++n}`,
			timestamp: now.toISOString(),
			type: 'text',
			text: '',
		};
		let message: InboundMessage = base;
		if (act.kind === 'redeliver' && last) message = last;
		else if (act.kind === 'pick') {
			const choices = offered(lastReplies);
			const choice = choices[act.index % Math.max(1, choices.length)];
			message = choice
				? {
						...base,
						type: choice.type,
						replyId: choice.id,
						replyTitle: choice.title,
						text: choice.title,
					}
				: { ...base, text: String(act.index + 1) };
		} else if (act.kind === 'answer') {
			const service = session ? findService(catalog, session.service) : undefined;
			const field = service && session ? currentField(service, session)?.field : undefined;
			message = {
				...base,
				text: field ? (ANSWERS[field.type] ?? 'Jalan Salak III No. 17') : 'halo',
			};
		} else if (act.kind === 'text') message = { ...base, text: act.text };
		else if (act.kind === 'media')
			message = {
				...base,
				type: act.type,
				media: { id: `media-${n}`, mimeType: act.mimeType, fileName: act.fileName as string },
			};
		else if (act.kind === 'odd') message = { ...base, ...act.fields } as InboundMessage;
		last = message;
		const result = step(session, message, catalog, now);
		const errors = result.events.filter((e) => e.type === 'error');
		assert(errors.length === 0, `internal error: ${JSON.stringify(errors)}`);
		checkReplies(result.replies);
		const stored = JSON.stringify(result.session);
		assert(typeof stored === 'string', 'the session does not serialise');
		session = JSON.parse(stored) as Session;
		if (result.replies.length) lastReplies = result.replies;
	}
	return session?.state ?? 'no session';
}

interface Sequence {
	service: string | null;
	actions: Action[];
}

export const conversationSteps: FuzzTarget<Sequence> = {
	name: 'conversation step sequences',
	runs: 2000,
	arbitrary: fc.record({
		service: fc.option(fc.constantFrom(...catalog.services.map((s) => s.key))),
		actions: fc.array(action, { minLength: 1, maxLength: 20 }),
	}),
	check: ({ service, actions }) =>
		`ends in ${playConversation([...(service ? opening(service) : []), ...actions])}`,
};
