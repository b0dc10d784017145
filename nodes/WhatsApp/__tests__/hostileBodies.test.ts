/**
 * Bodies an outsider can send that would crash a naive parser (cases of the fuzz suite in
 * test/fuzz): each is read with a fallback, refused with a WebhookPayloadError (400), or, for a
 * sender that is not a phone number, refused with a logged reason.
 */
import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { parseFonnteWebhook } from '../providers/fonnte/fonnteWebhook';
import { parseMetaWebhook } from '../providers/meta/metaWebhook';
import { WhatsAppGatewayTrigger } from '../WhatsAppGatewayTrigger.node';
import { mimeFromExtension } from '../../domain/messaging/media';
import { webhookContext } from '../../../test/support/whatsapp/harness';
import { envelope, message, PHONE_NUMBER_ID } from '../../../test/support/whatsapp/metaPayloads';

const NOW = new Date('2026-01-01T00:00:00Z');
const metaText = (extra: Record<string, unknown>) =>
	parseMetaWebhook(envelope({ messages: [message('text', { body: 'halo' }, extra)] }), NOW)
		.messages[0];
const fonnte = (extra: Record<string, unknown>) =>
	parseFonnteWebhook({ device: '6282227097005', sender: '6281234567890', ...extra }, NOW);

describe('Meta parser: timestamps it cannot read fall back to the time of arrival', () => {
	it.each([
		['beyond what a date can hold', 1e16],
		['an object with its own conversions', { toString: 1, valueOf: 1 }],
		['an array', [1750000000]],
	])('%s', (_, timestamp) => {
		expect(metaText({ timestamp }).timestamp).toBe(NOW.toISOString());
	});

	it('still reads a normal timestamp', () => {
		expect(metaText({ timestamp: '1750000000' }).timestamp).toBe('2025-06-15T15:06:40.000Z');
	});
});

describe('Fonnte parser', () => {
	it('reads "1e+300" as unreadable, not as a date', () => {
		expect(fonnte({ message: 'halo', timestamp: '1e+300' }).messages[0].timestamp).toBe(
			NOW.toISOString(),
		);
	});

	it.each(['__proto__', 'constructor', 'toString'])(
		'treats the extension "%s" as an unknown file type',
		(extension) => {
			const [msg] = fonnte({ url: 'https://cdn.fonnte.com/f/abc', extension }).messages;
			expect(msg.type).toBe('document');
			expect(msg.media?.mimeType).toBe('application/octet-stream');
			expect(mimeFromExtension(extension)).toBe('');
		},
	);

	it.each(['\u0000', '+', 'abc', 'x1y2', '1234567', '1234567890123456', '62812'])(
		'refuses a sender that is not a phone number (%j), with the reason',
		(sender) => {
			const parsed = fonnte({ sender, message: 'halo' });
			expect(parsed.messages).toEqual([]);
			expect(parsed.refused).toEqual([
				expect.stringMatching(/sender must be a phone number \(E\.164: 8 to 15 digits\)/),
			]);
		},
	);

	it.each([
		['6281234567890', '6281234567890'],
		['+62 812-3456-7890', '6281234567890'],
		['12025550123', '12025550123'],
	])('takes the sender %j as resident %s', (sender, from) => {
		expect(fonnte({ sender, message: 'halo' }).messages[0].from).toBe(from);
	});
});

describe('Meta parser: only E.164 digits name a resident', () => {
	it.each(['12', '1234567', '1234567890123456', '081234567890', 'x1y2'])(
		'refuses the sender %j, with the reason',
		(from) => {
			const parsed = parseMetaWebhook(
				envelope({ messages: [message('text', { body: 'halo' }, { from })] }),
				NOW,
			);
			expect(parsed.messages).toEqual([]);
			expect(parsed.refused[0]).toMatch(/sender must be a phone number/);
		},
	);

	it.each(['12345678', '123456789012345', '6281234567890'])('takes the sender %s', (from) => {
		expect(metaText({ from }).from).toBe(from);
	});
});

describe('the trigger answers 400, never 500, to a body its parser cannot read', () => {
	const trigger = new WhatsAppGatewayTrigger();
	const appSecret = 'app-secret-123';
	const credentials = {
		whatsAppCloudApi: {
			appSecret,
			verifyToken: 'v',
			accessToken: 't',
			phoneNumberId: PHONE_NUMBER_ID,
		},
		fonnteApi: { token: 'tok', webhookSecret: 's3cret' },
	};

	it.each(['\u0000', 'x1y2'])(
		'Fonnte: a sender that is not a phone number (%j) is answered 200, logged, and nothing runs',
		async (sender) => {
			const ctx = webhookContext({
				webhookName: 'default',
				credentials,
				params: { provider: 'fonnte' },
				query: { secret: 's3cret' },
				rawBody: JSON.stringify({ sender, message: 'halo' }),
			});
			const result = await trigger.webhook.call(ctx);
			expect(result.workflowData).toBeUndefined();
			expect(result.webhookResponse).toBe('OK');
			expect(ctx.logs).toContainEqual({
				level: 'warn',
				message: expect.stringMatching(
					/^WhatsApp trigger: refused a message from ".*": a sender must be a phone number/,
				),
			});
		},
	);

	it('Meta: the once-crashing timestamps still start the workflow with one item', async () => {
		const raw = JSON.stringify(
			envelope({ messages: [message('text', { body: 'halo' }, { timestamp: 1e16 })] }),
		);
		const ctx = webhookContext({
			webhookName: 'default',
			credentials,
			params: { provider: 'meta' },
			rawBody: raw,
			headers: {
				'X-Hub-Signature-256': `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`,
			},
		});
		const result = await trigger.webhook.call(ctx);
		const items = (result.workflowData?.[0] ?? []).map((i) => i.json as IDataObject);
		expect(items).toEqual([expect.objectContaining({ text: 'halo' })]);
	});
});

describe('Meta parser: a location whose coordinates are not numbers', () => {
	it('is read as an unsupported message, not a crash', () => {
		const longitude = JSON.parse('{"toString": {"toString": 1, "valueOf": 1}}');
		const msg = parseMetaWebhook(
			envelope({ messages: [message('location', { latitude: -7.6, longitude })] }),
			NOW,
		).messages[0];
		expect(msg.type).toBe('unsupported');
	});
});
