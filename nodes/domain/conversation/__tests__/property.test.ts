import fc from 'fast-check';
import { defaultCatalog } from '../../catalog';
import { inviteSurvey, step } from '..';
import type { Session } from '..';
import type { InboundMessage } from '../../messaging/types';
import { expectWithinLimits, NIK } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const WA = '6281234567890';

const TYPES = [
	'text',
	'text',
	'text',
	'button_reply',
	'list_reply',
	'image',
	'document',
	'audio',
	'video',
	'sticker',
	'location',
	'contacts',
	'reaction',
	'unsupported',
	'weird',
] as const;
const WORDS = [
	'halo',
	'menu',
	'batal',
	'bantuan',
	'kembali',
	'petugas',
	'lewati',
	'selesai',
	'kirim',
	'ubah',
	'lanjut',
	'1',
	'2',
	'3',
	'9',
	'12',
	'ya',
	'tidak',
	'cek status',
	NIK,
	'17-08-1990',
	'31-02-1990',
	'laki-laki',
	'Perempuan',
	'1,5 juta',
	'Jl. Salak 1',
	'pengaduan',
	'isi survei',
	'4',
	'Sangat mudah',
	'gratis',
	'Lampu ruang tunggu mati sejak kemarin',
	'tulis ulang',
	'',
];
const IDS = [
	'menu:request',
	'menu:info',
	'menu:status',
	'menu:staff',
	'continue',
	'back',
	'request',
	'menu',
	'reuse',
	'refill',
	'add',
	'done',
	'skip',
	'confirm',
	'change',
	'cancel',
	'islam',
	'menu:complaint',
	'survey:start',
	'survey:skip',
	'score:1',
	'score:4',
	'score:9',
	'rewrite',
	...catalog.services.map((s) => s.key),
	'nonsense',
];

const message = fc.record({
	type: fc.constantFrom(...TYPES),
	text: fc.oneof(
		fc.constantFrom(...WORDS),
		fc.string({ maxLength: 40 }),
		fc.string({ minLength: 990, maxLength: 1100 }),
	),
	replyId: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
	mime: fc.constantFrom('image/jpeg', 'application/pdf', 'audio/ogg', ''),
	id: fc.nat(60),
	minutes: fc.constantFrom(0, 0, 0, 1, 5, 31, 130),
	/** Sometimes the approvals workflow invites the resident to the survey instead. */
	invite: fc.oneof(
		{ arbitrary: fc.constant(undefined), weight: 12 },
		{ arbitrary: fc.constantFrom('SKD-0000001', 'SKU-0000002', ''), weight: 1 },
	),
});

/** Scripted openings, so random walks also start deep inside the survey and a complaint. */
type Opening = Array<string | { invite: string }>;
const OPENINGS: Opening[] = [
	[],
	['halo', 'pengaduan'],
	['halo', 'pengaduan', 'Lampu ruang tunggu mati sejak kemarin'],
	['halo', 'pengaduan', 'Lampu ruang tunggu mati sejak kemarin', 'lewati'],
	[{ invite: 'SKD-0000001' }],
	[{ invite: 'SKD-0000001' }, 'isi survei', '3', '4'],
	[{ invite: 'SKD-0000001' }, 'isi survei', ...Array<string>(9).fill('2')],
	['halo', '1', 'domisili', 'lanjut', { invite: 'SKU-0000002' }],
];

type RandomMessage = typeof message extends fc.Arbitrary<infer T> ? T : never;

/** One resident's walk: every step total, reloadable, small, and within WhatsApp limits. */
function walk(opening: Opening, messages: RandomMessage[]): void {
	let session: Session | null = null;
	let now = new Date('2026-05-05T01:00:00Z');
	const invite = (ticket: string) => {
		const invited = inviteSurvey(
			session,
			{ waId: WA, ticket, serviceTitle: 'Surat Keterangan Domisili' },
			catalog,
			now,
		);
		expectWithinLimits(invited.replies);
		expect(invited.events.every((e) => e.type === 'error' && !ticket)).toBe(true);
		session = JSON.parse(JSON.stringify(invited.session));
	};
	const send = (inbound: InboundMessage) => {
		const result = step(session, inbound, catalog, now);
		expectWithinLimits(result.replies);
		expect(result.events.filter((e) => e.type === 'error')).toEqual([]);
		const stored = JSON.stringify(result.session);
		expect(stored.length).toBeLessThan(20_000);
		session = JSON.parse(stored);
		expect(session!.v).toBe(2);
		expect(session!.seen.length).toBeLessThanOrEqual(20);
	};
	const base = { provider: 'p', businessNumber: '1', from: WA, name: 'Rina' };
	opening.forEach((item, i) => {
		if (typeof item === 'string') {
			send({
				...base,
				messageId: `open-${i}`,
				timestamp: now.toISOString(),
				type: 'text',
				text: item,
			});
		} else invite(item.invite);
	});
	for (const m of messages) {
		now = new Date(now.getTime() + m.minutes * 60_000);
		if (m.invite !== undefined) {
			invite(m.invite);
			continue;
		}
		send({
			...base,
			messageId: `id-${m.id}`,
			timestamp: now.toISOString(),
			type: m.type,
			text: m.text,
			replyId: m.replyId,
			replyTitle: m.replyId,
			media: m.mime ? { id: `media-${m.id}`, mimeType: m.mime } : undefined,
		} as unknown as InboundMessage);
	}
}

describe('random messages from random states', () => {
	it('never throws, keeps a reloadable JSON session and replies within WhatsApp limits', () => {
		fc.assert(
			fc.property(fc.array(message, { minLength: 1, maxLength: 60 }), (messages) =>
				walk([], messages),
			),
			{ numRuns: 300, seed: 20260505 },
		);
	});

	it('the same from inside the survey, a complaint, or a request interrupted by an invitation', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...OPENINGS),
				fc.array(message, { minLength: 1, maxLength: 60, size: 'medium' }),
				walk,
			),
			{ numRuns: 200, seed: 20260706 },
		);
	});

	it('survives garbage sessions and messages', () => {
		fc.assert(
			fc.property(fc.anything(), fc.anything(), (session, junk) => {
				const inbound = {
					from: WA,
					type: 'text',
					text: junk,
					messageId: junk,
					name: junk,
				} as unknown as InboundMessage;
				const result = step(session as Session, inbound, catalog, new Date('2026-05-05T01:00:00Z'));
				expect(Array.isArray(result.replies)).toBe(true);
				expect(JSON.parse(JSON.stringify(result.session)).v).toBe(2);
				const invited = inviteSurvey(
					session as Session,
					{ waId: WA, ticket: String(junk), serviceTitle: String(junk) },
					catalog,
					new Date('2026-05-05T01:00:00Z'),
				);
				expect(JSON.parse(JSON.stringify(invited.session)).v).toBe(2);
			}),
			{ numRuns: 500, seed: 7 },
		);
	});
});
