import { api, bearer, startTestSandbox, viaProxy, type TestSandbox } from '../support/sandbox';

const GRAPH = 'graph.facebook.com';
let t: TestSandbox;
let phoneId: string;
let token: string;

beforeAll(async () => {
	t = await startTestSandbox();
	({ phoneNumberId: phoneId, accessToken: token } = t.sandbox.config());
});
afterAll(() => t.close());
beforeEach(() => api(t, 'POST', '/api/reset'));

const send = (body: object, accessToken = token) =>
	viaProxy(t, GRAPH, 'POST', `/v21.0/${phoneId}/messages`, {
		headers: bearer(accessToken),
		body: { messaging_product: 'whatsapp', ...body },
	});

/** The resident writes first: Meta sends free-form only within 24 h of their last message. */
const writes = (waId: string) => api(t, 'POST', `/api/residents/${waId}/messages`, { text: 'halo' });

describe('Meta Graph stand-in', () => {
	it('answers the credential test with the phone number', async () => {
		const res = await viaProxy(t, GRAPH, 'GET', `/v13.0/${phoneId}`, { headers: bearer(token) });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			id: phoneId,
			display_phone_number: t.sandbox.config().businessNumber,
		});
	});

	it('refuses a wrong token with OAuthException 190', async () => {
		const res = await send(
			{ to: '6281234567890', type: 'text', text: { body: 'x' } },
			'stolen-token',
		);
		expect(res.status).toBe(401);
		expect(res.json.error).toMatchObject({ code: 190, type: 'OAuthException' });
		expect((await api(t, 'GET', '/api/residents/6281234567890/messages')).json).toEqual([]);
	});

	it('records text, buttons, list and document messages in the resident chat, in order', async () => {
		const to = '6281234567890';
		await writes(to);
		const text = await send({ to, type: 'text', text: { body: 'Selamat datang' } });
		expect(text.status).toBe(200);
		expect(text.json).toMatchObject({
			messaging_product: 'whatsapp',
			contacts: [{ input: to, wa_id: to }],
		});
		expect(text.json.messages[0].id).toMatch(/^wamid\./);
		await send({
			to,
			type: 'interactive',
			interactive: {
				type: 'button',
				body: { text: 'Lanjut?' },
				action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Ya' } }] },
			},
		});
		await send({
			to,
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Pilih layanan' },
				action: {
					button: 'Layanan',
					sections: [
						{ title: 'Surat', rows: [{ id: 'sktm', title: 'SKTM', description: 'Tidak mampu' }] },
					],
				},
			},
		});
		const upload = await uploadPdf();
		await send({
			to,
			type: 'document',
			document: { id: upload, filename: 'surat.pdf', caption: 'Surat Anda' },
		});

		const chat = (await api(t, 'GET', `/api/residents/${to}/messages`)).json.filter(
			(m: any) => m.direction === 'out',
		);
		expect(chat.map((m: any) => [m.direction, m.type])).toEqual([
			['out', 'text'],
			['out', 'buttons'],
			['out', 'list'],
			['out', 'document'],
		]);
		expect(chat[0].text).toBe('Selamat datang');
		expect(chat[1].buttons).toEqual([{ id: 'yes', title: 'Ya' }]);
		expect(chat[2].list.sections[0].rows[0]).toMatchObject({ id: 'sktm', title: 'SKTM' });
		expect(chat[3].document.fileName).toBe('surat.pdf');
		const pdf = await fetch(chat[3].document.url);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).toString()).toBe('%PDF-1.4 sandbox');
	});

	it.each([
		['a missing recipient', { type: 'text', text: { body: 'x' } }, 100],
		['four buttons', { to: '62811', type: 'interactive', interactive: buttons(4, 'Ok') }, 131009],
		[
			'a 21-character button title',
			{ to: '62811', type: 'interactive', interactive: buttons(1, 'x'.repeat(21)) },
			131009,
		],
		['eleven list rows', { to: '62811', type: 'interactive', interactive: list(11) }, 131009],
	])('rejects %s like Meta does', async (_name, body, code) => {
		const res = await send(body);
		expect(res.status).toBe(400);
		expect(res.json.error).toMatchObject({ code, type: 'OAuthException' });
		expect((await api(t, 'GET', '/api/residents')).json).toEqual([]);
	});

	it('round-trips media: upload, look up the url, download the same bytes with the token', async () => {
		const id = await uploadPdf();
		const info = await viaProxy(t, GRAPH, 'GET', `/v21.0/${id}`, { headers: bearer(token) });
		expect(info.json).toMatchObject({
			id,
			mime_type: 'application/pdf',
			messaging_product: 'whatsapp',
			file_size: 16,
		});
		const url = new URL(info.json.url);
		const noToken = await viaProxy(t, url.hostname, 'GET', url.pathname + url.search);
		expect(noToken.status).toBe(401);
		const bytes = await viaProxy(t, url.hostname, 'GET', url.pathname + url.search, {
			headers: bearer(token),
		});
		expect(bytes.status).toBe(200);
		expect(bytes.body.toString()).toBe('%PDF-1.4 sandbox');
	});

	it('marks an inbound message read', async () => {
		const { json } = await api(t, 'POST', '/api/residents/6281299990000/messages', {
			text: 'halo',
		});
		const res = await send({ status: 'read', message_id: json.messageId });
		expect(res.json).toEqual({ success: true });
		expect((await api(t, 'GET', '/api/residents/6281299990000/messages')).json[0].read).toBe(true);
	});
});

function buttons(count: number, title: string) {
	return {
		type: 'button',
		body: { text: 'Pilih' },
		action: {
			buttons: Array.from({ length: count }, (_, i) => ({
				type: 'reply',
				reply: { id: `b${i}`, title },
			})),
		},
	};
}

function list(rows: number) {
	return {
		type: 'list',
		body: { text: 'Pilih' },
		action: {
			button: 'Menu',
			sections: [
				{
					title: 'A',
					rows: Array.from({ length: rows }, (_, i) => ({ id: `r${i}`, title: `Baris ${i}` })),
				},
			],
		},
	};
}

async function uploadPdf(): Promise<string> {
	const boundary = '----sandboxtest';
	const body = Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n`,
		),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\napplication/pdf\r\n`,
		),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
		),
		Buffer.from('%PDF-1.4 sandbox'),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	const res = await viaProxy(t, GRAPH, 'POST', `/v21.0/${phoneId}/media`, {
		headers: { ...bearer(token), 'Content-Type': `multipart/form-data; boundary=${boundary}` },
		body,
	});
	expect(res.status).toBe(200);
	return res.json.id;
}
