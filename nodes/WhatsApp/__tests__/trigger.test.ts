import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { WhatsAppGatewayTrigger } from '../WhatsAppGatewayTrigger.node';
import { webhookContext, type WebhookSetup } from '../../../test/support/whatsapp/harness';
import {
	contacts,
	envelope,
	every,
	PHONE_NUMBER_ID,
	RESIDENT,
	statusUpdate,
} from '../../../test/support/whatsapp/metaPayloads';

const META = {
	whatsAppCloudApi: {
		appSecret: 'app-secret-123',
		verifyToken: 'verify-me',
		accessToken: 't',
		phoneNumberId: PHONE_NUMBER_ID,
	},
};
const FONNTE = { fonnteApi: { token: 'tok', webhookSecret: 's3cret' } };

const trigger = new WhatsAppGatewayTrigger();

async function run(setup: Partial<WebhookSetup> & Pick<WebhookSetup, 'params'>) {
	const ctx = webhookContext({
		webhookName: 'default',
		credentials: { ...META, ...FONNTE },
		...setup,
	});
	const result = await trigger.webhook.call(ctx);
	const items = (result.workflowData?.[0] ?? []).map((i) => i.json as IDataObject);
	return { result, items, response: ctx.response, logs: ctx.logs };
}

const sign = (raw: string, secret = META.whatsAppCloudApi.appSecret) =>
	`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

function metaPost(
	body: unknown,
	signature?: string | null,
	params: IDataObject = { provider: 'meta' },
) {
	// Pretty-printed on purpose: the signature must cover the exact bytes, not a re-serialisation.
	const raw = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (signature !== null) headers['X-Hub-Signature-256'] = signature ?? sign(raw);
	return run({ params, rawBody: raw, headers });
}

describe('WhatsApp Gateway Trigger (Meta)', () => {
	it('answers the verification GET with the challenge as text', async () => {
		const { response, result } = await run({
			webhookName: 'setup',
			params: { provider: 'meta' },
			query: {
				'hub.mode': 'subscribe',
				'hub.verify_token': 'verify-me',
				'hub.challenge': '1158201444',
			},
		});
		expect(response).toMatchObject({
			status: 200,
			contentType: 'text/plain',
			body: '1158201444',
			ended: true,
		});
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('refuses a verification GET with a wrong token (403)', async () => {
		const { response, result } = await run({
			webhookName: 'setup',
			params: { provider: 'meta' },
			query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' },
		});
		expect(response.status).toBe(403);
		expect(result.workflowData).toBeUndefined();
	});

	it('starts one execution item per message when the signature is right', async () => {
		const { items, response } = await metaPost(
			envelope({ contacts, messages: [every.text(), every.image(), every.buttonReply()] }),
		);
		expect(response.status).toBeUndefined();
		expect(items.map((i) => i.type)).toEqual(['text', 'image', 'button_reply']);
		expect(items[0]).toMatchObject({
			provider: 'meta',
			from: RESIDENT,
			name: 'Siti Aminah',
			text: 'Halo, saya mau buat SKTM',
		});
	});

	it.each(Object.entries(every))('passes a %s message through as an item', async (_, make) => {
		const { items } = await metaPost(envelope({ contacts, messages: [make()] }));
		expect(items).toHaveLength(1);
		expect(items[0].from).toBe(RESIDENT);
	});

	it.each([
		['a wrong signature', sign('{}')],
		['a signature made with another secret', undefined as unknown as string],
		['no signature', null],
	])('rejects %s with 401 and no execution', async (_, signature) => {
		const body = envelope({ contacts, messages: [every.text()] });
		const raw = JSON.stringify(body);
		const sig = signature === undefined ? sign(raw, 'not-the-secret') : signature;
		const { result, response, logs } = await metaPost(raw, sig);
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
		expect(logs.some((l) => l.level === 'warn' && /X-Hub-Signature-256/.test(l.message))).toBe(
			true,
		);
	});

	it('drops status-only payloads unless status updates are included', async () => {
		const body = envelope({ statuses: [statusUpdate('sent'), statusUpdate('read')] });
		const dropped = await metaPost(body);
		expect(dropped.result).toEqual({ webhookResponse: 'OK' });

		const kept = await metaPost(body, undefined, { provider: 'meta', includeStatuses: true });
		expect(kept.items).toEqual([
			expect.objectContaining({ kind: 'status', status: 'sent', recipient: RESIDENT }),
			expect.objectContaining({ kind: 'status', status: 'read' }),
		]);
	});

	it('answers 400 to a signed body that is not JSON and logs why', async () => {
		const { result, response, logs } = await metaPost(
			'{"object": "whatsapp_business_account", "entry": [',
		);
		expect(response.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
		expect(logs.find((l) => l.level === 'warn')?.message).toMatch(/not JSON/);
	});

	it('runs nothing (200) for messages to another phone number id of the same Meta app', async () => {
		const body = envelope({ contacts, messages: [every.text()] }) as {
			entry: Array<{ changes: Array<{ value: { metadata: { phone_number_id: string } } }> }>;
		};
		body.entry[0].changes[0].value.metadata.phone_number_id = '999000111222333';
		const { result, response, items } = await metaPost(body);
		expect(items).toEqual([]);
		expect(result.webhookResponse).toBe('OK');
		expect(response.status).toBeUndefined();
		const off = await metaPost(body, undefined, { provider: 'meta', ownNumberOnly: false });
		expect(off.items).toHaveLength(1);
		const named = await metaPost(body, undefined, {
			provider: 'meta',
			phoneNumberId: '999000111222333',
		});
		expect(named.items).toHaveLength(1);
	});

	it('answers 400 to a signed JSON body of the wrong shape', async () => {
		const { response } = await metaPost({ object: 'whatsapp_business_account', entry: 'x' });
		expect(response.status).toBe(400);
	});
});

describe('WhatsApp Gateway Trigger (Fonnte)', () => {
	const body = {
		device: '6282227097005',
		sender: '6281234567890',
		message: 'halo',
		name: 'Siti',
		timestamp: 1750000000,
		inboxid: 77,
	};

	it('accepts the secret from the query string', async () => {
		const { items } = await run({
			params: { provider: 'fonnte' },
			query: { secret: 's3cret' },
			rawBody: JSON.stringify(body),
		});
		expect(items).toEqual([
			expect.objectContaining({
				provider: 'fonnte',
				from: '6281234567890',
				name: 'Siti',
				text: 'halo',
				messageId: '77',
				businessNumber: '6282227097005',
			}),
		]);
	});

	it('accepts the secret from the X-Webhook-Secret header', async () => {
		const { items } = await run({
			params: { provider: 'fonnte' },
			headers: { 'X-Webhook-Secret': 's3cret' },
			rawBody: JSON.stringify(body),
		});
		expect(items).toHaveLength(1);
	});

	it.each([
		['a wrong secret', { secret: 'guess' }],
		['no secret', {}],
	])('rejects %s with 401', async (_, query) => {
		const { response, result } = await run({
			params: { provider: 'fonnte' },
			query,
			rawBody: JSON.stringify(body),
		});
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('rejects every request while the credential has no secret', async () => {
		const ctx = webhookContext({
			webhookName: 'default',
			params: { provider: 'fonnte' },
			credentials: { fonnteApi: { token: 'tok', webhookSecret: '' } },
			query: { secret: '' },
			rawBody: JSON.stringify(body),
		});
		await trigger.webhook.call(ctx);
		expect(ctx.response.status).toBe(401);
		expect(ctx.logs[0].message).toMatch(/set a webhook secret/);
	});

	it('answers 400 to a body without sender or status', async () => {
		const { response } = await run({
			params: { provider: 'fonnte' },
			query: { secret: 's3cret' },
			rawBody: JSON.stringify({ device: '1' }),
		});
		expect(response.status).toBe(400);
	});

	it('drops a status update unless asked, then gives a status item', async () => {
		const update = JSON.stringify({
			device: '6282227097005',
			id: '80367170',
			stateid: 'abc',
			status: 'sent',
			state: 'read',
		});
		expect(
			(await run({ params: { provider: 'fonnte' }, query: { secret: 's3cret' }, rawBody: update }))
				.result,
		).toEqual({ webhookResponse: 'OK' });
		const kept = await run({
			params: { provider: 'fonnte', includeStatuses: true },
			query: { secret: 's3cret' },
			rawBody: update,
		});
		expect(kept.items).toEqual([
			expect.objectContaining({ kind: 'status', messageId: '80367170', status: 'read' }),
		]);
	});
});
