import { createHmac } from 'crypto';

import {
	metaChallenge,
	parseMetaWebhook,
	verifyMetaSignature,
} from '../providers/meta/metaWebhook';
import { WebhookPayloadError } from '../providers/payloadError';
import {
	contacts,
	DISPLAY_NUMBER,
	envelope,
	every,
	RESIDENT,
	statusUpdate,
} from '../../../test/support/whatsapp/metaPayloads';

const NOW = new Date('2026-01-01T00:00:00Z');

function one(msg: Record<string, unknown>) {
	const { messages } = parseMetaWebhook(envelope({ contacts, messages: [msg] }), NOW);
	expect(messages).toHaveLength(1);
	return messages[0];
}

describe('parseMetaWebhook', () => {
	it('normalizes a text message with sender, profile name, business number and ISO time', () => {
		const msg = every.text();
		expect(one(msg)).toEqual({
			provider: 'meta',
			businessNumber: DISPLAY_NUMBER,
			from: RESIDENT,
			name: 'Siti Aminah',
			messageId: msg.id,
			timestamp: '2025-06-15T15:06:40.000Z',
			type: 'text',
			text: 'Halo, saya mau buat SKTM',
		});
	});

	it('reads button and list replies with their id and title', () => {
		expect(one(every.buttonReply())).toMatchObject({
			type: 'button_reply',
			replyId: 'svc-sktm',
			replyTitle: 'SKTM',
			text: 'SKTM',
		});
		expect(one(every.listReply())).toMatchObject({
			type: 'list_reply',
			replyId: 'svc-domisili',
			replyTitle: 'Surat Domisili',
		});
		expect(one(every.templateButton())).toMatchObject({
			type: 'button_reply',
			replyId: 'STATUS',
			replyTitle: 'Cek status',
		});
	});

	it('keeps media id, mime type, file name and caption', () => {
		expect(one(every.image())).toMatchObject({
			type: 'image',
			text: 'Foto KTP',
			media: { id: '1003383421387256', mimeType: 'image/jpeg', caption: 'Foto KTP' },
		});
		expect(one(every.document()).media).toMatchObject({
			id: '2118239918575011',
			mimeType: 'application/pdf',
			fileName: 'kartu-keluarga.pdf',
		});
		expect(one(every.audio())).toMatchObject({
			type: 'audio',
			media: { id: '3344556677', mimeType: 'audio/ogg; codecs=opus' },
		});
		expect(one(every.video())).toMatchObject({ type: 'video', media: { id: '4455667788' } });
		expect(one(every.sticker())).toMatchObject({
			type: 'sticker',
			media: { id: '5566778899', mimeType: 'image/webp' },
		});
	});

	it('reads location, contacts, reactions and unsupported messages', () => {
		expect(one(every.location())).toMatchObject({
			type: 'location',
			location: {
				latitude: -7.2575,
				longitude: 112.7521,
				name: 'Kantor Kelurahan',
				address: 'Jl. Pemuda 1, Surabaya',
			},
		});
		expect(one(every.contacts())).toMatchObject({
			type: 'contacts',
			text: 'Budi Santoso 6281299990000',
		});
		expect(one(every.reaction())).toMatchObject({ type: 'reaction', text: '👍' });
		expect(one(every.unsupported())).toMatchObject({ type: 'unsupported', text: '' });
	});

	it('gives one message per incoming message, across entries and changes', () => {
		const body = envelope({ contacts, messages: [every.text(), every.image()] });
		(body.entry as unknown[]).push(
			(envelope({ contacts, messages: [every.location()] }).entry as unknown[])[0],
		);
		const { messages } = parseMetaWebhook(body, NOW);
		expect(messages.map((m) => m.type)).toEqual(['text', 'image', 'location']);
	});

	it('returns statuses with their errors separately from messages', () => {
		const parsed = parseMetaWebhook(
			envelope({
				statuses: [
					statusUpdate('delivered'),
					statusUpdate('failed', [
						{
							code: 131047,
							title: 'Re-engagement message',
							message: 'Re-engagement message',
							error_data: {
								details:
									'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
							},
						},
					]),
				],
			}),
			NOW,
		);
		expect(parsed.messages).toEqual([]);
		expect(parsed.statuses).toHaveLength(2);
		expect(parsed.statuses[1]).toMatchObject({
			kind: 'status',
			status: 'failed',
			recipient: RESIDENT,
			messageId: 'wamid.sent-by-office',
			errors: [{ code: 131047, title: 'Re-engagement message' }],
		});
		expect(parsed.statuses[1].errors[0].details).toMatch(/24 hours/);
	});

	it('skips changes that are not about messages and messages without a sender', () => {
		const parsed = parseMetaWebhook(envelope({ messages: [{ id: 'x', type: 'text' }] }), NOW);
		expect(parsed.messages).toEqual([]);
		expect(parsed.skipped).toHaveLength(1);
		expect(parseMetaWebhook(envelope({}, 'account_update'), NOW).skipped[0]).toMatch(
			/account_update/,
		);
	});

	it.each([
		['a string', 'hello'],
		['another object type', { object: 'page', entry: [] }],
		['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
		[
			'a change without value',
			{ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages' }] }] },
		],
	])('rejects %s with a WebhookPayloadError', (_, body) => {
		expect(() => parseMetaWebhook(body, NOW)).toThrow(WebhookPayloadError);
	});
});

describe('verifyMetaSignature', () => {
	const raw = Buffer.from(JSON.stringify(envelope({ contacts, messages: [every.text()] })));
	const sign = (secret: string, body: Buffer = raw) =>
		`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

	it('accepts the HMAC of the raw body with the app secret', () => {
		expect(verifyMetaSignature(raw, sign('app-secret'), 'app-secret')).toBe(true);
	});

	it('rejects another secret, a changed body, a missing or malformed header and an empty secret', () => {
		expect(verifyMetaSignature(raw, sign('other'), 'app-secret')).toBe(false);
		expect(
			verifyMetaSignature(Buffer.concat([raw, Buffer.from(' ')]), sign('app-secret'), 'app-secret'),
		).toBe(false);
		expect(verifyMetaSignature(raw, undefined, 'app-secret')).toBe(false);
		expect(verifyMetaSignature(raw, 'sha256=abc', 'app-secret')).toBe(false);
		expect(verifyMetaSignature(raw, sign(''), '')).toBe(false);
	});
});

describe('metaChallenge', () => {
	it('echoes the challenge only for subscribe with the right token', () => {
		const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' };
		expect(metaChallenge(q, 'tok')).toBe('1158201444');
		expect(metaChallenge({ ...q, 'hub.verify_token': 'nope' }, 'tok')).toBeNull();
		expect(metaChallenge({ ...q, 'hub.mode': 'unsubscribe' }, 'tok')).toBeNull();
		expect(metaChallenge(q, '')).toBeNull();
	});
});
