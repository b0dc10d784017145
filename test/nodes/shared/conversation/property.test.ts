import fc from 'fast-check';
import { defaultCatalog } from '../../../../nodes/shared/catalog';
import { step } from '../../../../nodes/shared/conversation';
import type { Session } from '../../../../nodes/shared/conversation';
import type { InboundMessage } from '../../../../nodes/shared/messaging/types';
import { expectWithinLimits, NIK } from './chat';

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
});

describe('random messages from random states', () => {
	it('never throws, keeps a reloadable JSON session and replies within WhatsApp limits', () => {
		fc.assert(
			fc.property(fc.array(message, { minLength: 1, maxLength: 60 }), (messages) => {
				let session: Session | null = null;
				let now = new Date('2026-05-05T01:00:00Z');
				for (const m of messages) {
					now = new Date(now.getTime() + m.minutes * 60_000);
					const inbound = {
						provider: 'p',
						businessNumber: '1',
						from: WA,
						name: 'Rina',
						messageId: `id-${m.id}`,
						timestamp: now.toISOString(),
						type: m.type,
						text: m.text,
						replyId: m.replyId,
						replyTitle: m.replyId,
						media: m.mime ? { id: `media-${m.id}`, mimeType: m.mime } : undefined,
					} as unknown as InboundMessage;
					const result = step(session, inbound, catalog, now);
					expectWithinLimits(result.replies);
					expect(result.events.filter((e) => e.type === 'error')).toEqual([]);
					const stored = JSON.stringify(result.session);
					expect(stored.length).toBeLessThan(20_000);
					session = JSON.parse(stored);
					expect(session!.v).toBe(1);
					expect(session!.seen.length).toBeLessThanOrEqual(20);
				}
			}),
			{ numRuns: 300, seed: 20260505 },
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
				expect(JSON.parse(JSON.stringify(result.session)).v).toBe(1);
			}),
			{ numRuns: 500, seed: 7 },
		);
	});
});
