/**
 * Bodies an outsider can send that once crashed the parsers (found by the fuzz suite in
 * test/fuzz): each is now read with a fallback or refused with a WebhookPayloadError (400).
 */
import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { parseFonnteWebhook } from '../providers/fonnte/fonnteWebhook';
import { parseMetaWebhook } from '../providers/meta/metaWebhook';
import { WebhookPayloadError } from '../providers/payloadError';
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

	it.each(['\u0000', '+', 'abc'])('refuses a sender with no phone number (%j)', (sender) => {
		expect(() => fonnte({ sender, message: 'halo' })).toThrow(WebhookPayloadError);
		expect(() => fonnte({ sender, message: 'halo' })).toThrow(/"sender" holds no phone number/);
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

	it('Fonnte: a sender with no digits gets 400 with the reason, and nothing runs', async () => {
		const ctx = webhookContext({
			webhookName: 'default',
			credentials,
			params: { provider: 'fonnte' },
			query: { secret: 's3cret' },
			rawBody: JSON.stringify({ sender: '\u0000', message: 'halo' }),
		});
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData).toBeUndefined();
		expect(ctx.response).toMatchObject({ status: 400 });
		expect(String(ctx.response.body)).toMatch(/sender/);
	});

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
