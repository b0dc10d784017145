import { createHmac } from 'node:crypto';
import {
	api,
	bearer,
	connectThroughProxy,
	startReceiver,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

let t: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	t = await startTestSandbox({
		appSecret: 'test-secret',
		sheetHeader: ['Tiket', 'Nama', 'Status', 'Catatan'],
	});
	receiver = await startReceiver();
	t.sandbox.setIntakeWebhookUrl(receiver.url);
});
afterAll(async () => {
	await receiver.close();
	await t.close();
});
beforeEach(async () => {
	await api(t, 'POST', '/api/reset');
	receiver.received.length = 0;
});

const hmac = (raw: Buffer) =>
	`sha256=${createHmac('sha256', 'test-secret').update(raw).digest('hex')}`;

describe('resident messages become signed Meta webhooks', () => {
	it('delivers a text as Meta shapes it, signed with the app secret', async () => {
		const res = await api(t, 'POST', '/api/residents/6281234567890/messages', {
			text: 'halo',
			name: 'Siti',
		});
		expect(res.json).toEqual({ messageId: expect.stringMatching(/^wamid\./), webhookStatus: 200 });
		const [hook] = receiver.received;
		expect(hook.headers['x-hub-signature-256']).toBe(hmac(hook.raw));
		const body = JSON.parse(hook.raw.toString());
		const config = t.sandbox.config();
		expect(body).toEqual({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: expect.any(String),
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: {
									display_phone_number: config.businessNumber,
									phone_number_id: config.phoneNumberId,
								},
								contacts: [{ profile: { name: 'Siti' }, wa_id: '6281234567890' }],
								messages: [
									{
										from: '6281234567890',
										id: res.json.messageId,
										timestamp: expect.stringMatching(/^\d{10}$/),
										type: 'text',
										text: { body: 'halo' },
									},
								],
							},
						},
					],
				},
			],
		});
		const chat = (await api(t, 'GET', '/api/residents/6281234567890/messages')).json;
		expect(chat).toEqual([
			expect.objectContaining({
				direction: 'in',
				type: 'text',
				text: 'halo',
				id: res.json.messageId,
			}),
		]);
	});

	it('answers a list row with list_reply and a button with button_reply, in reply to the message shown', async () => {
		const { accessToken, phoneNumberId } = t.sandbox.config();
		// Meta sends free-form only within 24 h of the resident's last message.
		await api(t, 'POST', '/api/residents/6281234567890/messages', { text: 'menu' });
		receiver.received.length = 0;
		const sent = await viaProxy(
			t,
			'graph.facebook.com',
			'POST',
			`/v21.0/${phoneNumberId}/messages`,
			{
				headers: bearer(accessToken),
				body: {
					messaging_product: 'whatsapp',
					to: '6281234567890',
					type: 'interactive',
					interactive: {
						type: 'list',
						body: { text: 'Pilih' },
						action: {
							button: 'Layanan',
							sections: [{ rows: [{ id: 'sktm', title: 'SKTM', description: 'Tidak mampu' }] }],
						},
					},
				},
			},
		);
		await api(t, 'POST', '/api/residents/6281234567890/messages', {
			reply: { id: 'sktm', title: 'SKTM' },
		});
		await api(t, 'POST', '/api/residents/6281234567890/messages', {
			reply: { id: 'yes', title: 'Ya' },
		});
		const [list, button] = receiver.received.map(
			(h) => JSON.parse(h.raw.toString()).entry[0].changes[0].value.messages[0],
		);
		expect(list).toMatchObject({
			type: 'interactive',
			context: { id: sent.json.messages[0].id },
			interactive: {
				type: 'list_reply',
				list_reply: { id: 'sktm', title: 'SKTM', description: 'Tidak mampu' },
			},
		});
		expect(button.interactive).toEqual({
			type: 'button_reply',
			button_reply: { id: 'yes', title: 'Ya' },
		});
	});

	it("answers a template's quick reply as Meta does: a button message with payload and text", async () => {
		const { accessToken, phoneNumberId } = t.sandbox.config();
		const sent = await viaProxy(t, 'graph.facebook.com', 'POST', `/v21.0/${phoneNumberId}/messages`, {
			headers: bearer(accessToken),
			body: {
				messaging_product: 'whatsapp',
				to: '6281234567890',
				type: 'template',
				template: {
					name: 'pecelan_layanan_aktif_kembali',
					language: { code: 'id' },
					components: [
						{
							type: 'button',
							sub_type: 'quick_reply',
							index: '0',
							parameters: [{ type: 'payload', payload: 'menu' }],
						},
					],
				},
			},
		});
		expect(sent.status).toBe(200);
		await api(t, 'POST', '/api/residents/6281234567890/messages', {
			reply: { id: 'menu', title: 'Menu', type: 'button' },
		});
		const message = JSON.parse(receiver.received[0].raw.toString()).entry[0].changes[0].value
			.messages[0];
		expect(message).toMatchObject({
			type: 'button',
			button: { payload: 'menu', text: 'Menu' },
			context: { id: sent.json.messages[0].id },
		});
	});

	it('stores a photo so n8n can download it by its media id, and re-delivers the same message id once in the chat', async () => {
		const photo = Buffer.from('jpeg-bytes');
		const first = await api(t, 'POST', '/api/residents/6281234567890/messages', {
			image: { fileName: 'ktp.jpg', mimeType: 'image/jpeg', dataBase64: photo.toString('base64') },
		});
		const image = JSON.parse(receiver.received[0].raw.toString()).entry[0].changes[0].value
			.messages[0].image;
		expect(image).toMatchObject({
			mime_type: 'image/jpeg',
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		const { accessToken } = t.sandbox.config();
		const info = await viaProxy(t, 'graph.facebook.com', 'GET', `/v21.0/${image.id}`, {
			headers: bearer(accessToken),
		});
		const url = new URL(info.json.url);
		expect(
			(
				await viaProxy(t, url.hostname, 'GET', url.pathname + url.search, {
					headers: bearer(accessToken),
				})
			).body,
		).toEqual(photo);
		await api(t, 'POST', '/api/residents/6281234567890/messages', {
			text: 'x',
			messageId: first.json.messageId,
		});
		expect(receiver.received).toHaveLength(2);
		expect((await api(t, 'GET', '/api/residents/6281234567890/messages')).json).toHaveLength(1);
	});

	it('delivers a raw (forged) body with the given signature, or signs it when none is given', async () => {
		const forged = await api(t, 'POST', '/api/webhooks/raw', {
			body: '{"object":"x"}',
			signature: 'sha256=deadbeef',
		});
		expect(forged.json).toEqual({ webhookStatus: 200 });
		expect(receiver.received[0].headers['x-hub-signature-256']).toBe('sha256=deadbeef');
		await api(t, 'POST', '/api/webhooks/raw', { body: 'not json' });
		expect(receiver.received[1].raw.toString()).toBe('not json');
		expect(receiver.received[1].headers['x-hub-signature-256']).toBe(hmac(Buffer.from('not json')));
		expect((await api(t, 'POST', '/api/webhooks/raw', { body: 42 })).status).toBe(400);
	});

	it('rejects a message with nothing to send', async () => {
		const res = await api(t, 'POST', '/api/residents/6281234567890/messages', { sticker: {} });
		expect(res.status).toBe(400);
		expect(receiver.received).toHaveLength(0);
	});
});

describe('staff sheet, reset, health, proxy', () => {
	it('lets staff change a row as a person types, and reset keeps only the header', async () => {
		const { spreadsheetId, accessToken } = t.sandbox.config();
		await viaProxy(
			t,
			'sheets.googleapis.com',
			'PUT',
			`/v4/spreadsheets/${spreadsheetId}/values/Permohonan!A2?valueInputOption=RAW`,
			{
				headers: bearer(accessToken),
				body: { values: [['T-1', 'Siti', 'Menunggu']] },
			},
		);
		const patched = await api(t, 'PATCH', '/api/sheet/rows/2', {
			Status: 'Ditolak',
			Catatan: 'KTP buram',
		});
		expect(patched.json).toEqual({
			rowNumber: 2,
			values: { Tiket: 'T-1', Nama: 'Siti', Status: 'Ditolak', Catatan: 'KTP buram' },
		});
		expect((await api(t, 'PATCH', '/api/sheet/rows/2', { Unknown: 'x' })).status).toBe(400);
		const sheet = (await api(t, 'GET', '/api/sheet')).json;
		expect(sheet.header).toEqual(['Tiket', 'Nama', 'Status', 'Catatan']);
		expect(sheet.dropdowns.Status).toContain('Disetujui');
		await api(t, 'POST', '/api/residents/6281234567890/messages', { text: 'halo' });
		await api(t, 'POST', '/api/reset');
		expect((await api(t, 'GET', '/api/sheet')).json.rows).toEqual([]);
		expect((await api(t, 'GET', '/api/residents')).json).toEqual([]);
		expect((await api(t, 'GET', '/api/calls')).json).toEqual([]);
	});

	it('logs every call n8n makes with host, path, query, status and body', async () => {
		const { phoneNumberId, accessToken } = t.sandbox.config();
		await api(t, 'POST', '/api/residents/62811/messages', { text: 'halo' });
		await viaProxy(t, 'graph.facebook.com', 'POST', `/v21.0/${phoneNumberId}/messages?debug=1`, {
			headers: bearer(accessToken),
			body: { messaging_product: 'whatsapp', to: '62811', type: 'text', text: { body: 'hai' } },
		});
		const [call] = (await api(t, 'GET', '/api/calls')).json;
		expect(call).toMatchObject({
			host: 'graph.facebook.com',
			method: 'POST',
			path: `/v21.0/${phoneNumberId}/messages`,
			query: { debug: '1' },
			status: 200,
		});
		expect(call.bodySummary).toContain('"hai"');
	});

	it('reports 503 until n8n is ready, then 200', async () => {
		expect(await api(t, 'GET', '/api/health')).toEqual({
			status: 503,
			json: { ok: false, reason: expect.stringContaining('not started') },
		});
		let ready = false;
		t.sandbox.setN8n({ url: 'http://127.0.0.1:5678', ready: async () => ready });
		expect((await api(t, 'GET', '/api/health')).status).toBe(503);
		ready = true;
		expect(await api(t, 'GET', '/api/health')).toEqual({ status: 200, json: { ok: true } });
		expect((await api(t, 'GET', '/api/config')).json).toMatchObject({
			n8nUrl: 'http://127.0.0.1:5678',
			intakeWebhookUrl: receiver.url,
			appSecret: 'test-secret',
		});
	});

	it('refuses CONNECT to a host it does not stand in for', async () => {
		const { status, socket } = await connectThroughProxy(t.sandbox.proxyUrl, 'api.example.com');
		socket.destroy();
		expect(status).toBe(403);
	});

	it('pushes a change event to the page when a message arrives', async () => {
		const controller = new AbortController();
		const events = await fetch(`${t.sandbox.url}/api/events`, { signal: controller.signal });
		const reader = events.body!.getReader();
		await reader.read(); // retry hint
		await api(t, 'POST', '/api/residents/6281200000000/messages', { text: 'halo' });
		const { value } = await reader.read();
		controller.abort();
		expect(new TextDecoder().decode(value)).toContain('"waId":"6281200000000"');
	});
});
