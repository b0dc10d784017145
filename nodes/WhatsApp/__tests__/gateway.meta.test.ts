import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { FakeApi, parseMultipart } from '../../../test/support/whatsapp/fakeApi';
import { executeContext } from '../../../test/support/whatsapp/harness';

const api = new FakeApi();
const V = 'v26.0';
const PN = '106540352242922';
const MESSAGES = `/${V}/${PN}/messages`;
const sent = (id: string) => ({
	status: 200,
	body: {
		messaging_product: 'whatsapp',
		contacts: [{ input: '6281234567890', wa_id: '6281234567890' }],
		messages: [{ id }],
	},
});

beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.reset());

const node = new WhatsAppGateway();

function creds() {
	return {
		whatsAppCloudApi: {
			accessToken: 'EAAG-test-token',
			phoneNumberId: PN,
			graphApiVersion: V,
			baseUrl: api.baseUrl,
		},
	};
}

async function run(params: IDataObject, items?: INodeExecutionData[], continueOnFail = false) {
	const ctx = executeContext({
		params: { provider: 'meta', options: { retryDelayMs: 1 }, ...params },
		items,
		credentials: creds(),
		continueOnFail,
	});
	const [out] = await node.execute.call(ctx);
	return out;
}

describe('WhatsApp Gateway (Meta) – message', () => {
	it('sends text to the normalized recipient with the bearer token', async () => {
		api.on('POST', MESSAGES, sent('wamid.A'));
		const out = await run({
			resource: 'message',
			operation: 'sendText',
			to: '0812-3456-7890',
			text: 'Halo',
		});
		expect(out).toEqual([
			{
				json: { provider: 'meta', to: '6281234567890', messageIds: ['wamid.A'] },
				pairedItem: { item: 0 },
			},
		]);
		const [req] = api.requests;
		expect(req.method).toBe('POST');
		expect(req.path).toBe(MESSAGES);
		expect(req.headers.authorization).toBe('Bearer EAAG-test-token');
		expect(req.headers['content-type']).toMatch(/application\/json/);
		expect(req.json()).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '6281234567890',
			type: 'text',
			text: { preview_url: false, body: 'Halo' },
		});
	});

	it('treats 0812…, +62 812… and 62812… as the same recipient', async () => {
		api.on('POST', MESSAGES, sent('wamid.A'));
		for (const to of ['081234567890', '+62 812 3456 7890', '6281234567890']) {
			await run({ resource: 'message', operation: 'sendText', to, text: 'x' });
		}
		expect(api.requests.map((r) => (r.json() as IDataObject).to)).toEqual([
			'6281234567890',
			'6281234567890',
			'6281234567890',
		]);
	});

	it('refuses an invalid recipient, naming it, without calling the API', async () => {
		await expect(
			run({ resource: 'message', operation: 'sendText', to: '12ab', text: 'x' }),
		).rejects.toThrow(
			new NodeOperationError({} as never, 'Recipient "12ab" is not a valid phone number'),
		);
		expect(api.requests).toHaveLength(0);
	});

	it('splits text longer than 4096 characters into several messages', async () => {
		api.on('POST', MESSAGES, sent('wamid.1'), sent('wamid.2'));
		const text = `${'a'.repeat(3000)}\n\n${'b'.repeat(3000)}`;
		const out = await run({
			resource: 'message',
			operation: 'sendText',
			to: '6281234567890',
			text,
		});
		expect(out[0].json.messageIds).toEqual(['wamid.1', 'wamid.2']);
		expect(api.requests.map((r) => ((r.json() as IDataObject).text as IDataObject).body)).toEqual([
			'a'.repeat(3000),
			'b'.repeat(3000),
		]);
	});

	it('sends reply buttons, shortening long titles with an ellipsis', async () => {
		api.on('POST', MESSAGES, sent('wamid.B'));
		await run({
			resource: 'message',
			operation: 'sendButtons',
			to: '6281234567890',
			text: 'Pilih layanan',
			header: 'Kelurahan',
			buttons: {
				button: [
					{ id: 'sktm', title: 'SKTM' },
					{ id: 'domisili', title: 'Surat Keterangan Domisili Usaha' },
				],
			},
		});
		expect(api.requests[0].json()).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '6281234567890',
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'text', text: 'Kelurahan' },
				body: { text: 'Pilih layanan' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'sktm', title: 'SKTM' } },
						{ type: 'reply', reply: { id: 'domisili', title: 'Surat Keterangan Do…' } },
					],
				},
			},
		});
	});

	it('refuses more than 3 buttons in the Send Buttons operation', async () => {
		const button = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` }));
		await expect(
			run({
				resource: 'message',
				operation: 'sendButtons',
				to: '6281234567890',
				text: 't',
				buttons: { button },
			}),
		).rejects.toThrow(/1 to 3 buttons/);
	});

	it('sends a list message with row descriptions and limits applied', async () => {
		api.on('POST', MESSAGES, sent('wamid.L'));
		await run({
			resource: 'message',
			operation: 'sendList',
			to: '6281234567890',
			text: 'Layanan tersedia',
			listButton: 'Lihat daftar layanan surat',
			sectionTitle: 'Surat',
			footer: 'Balas angka juga bisa',
			rows: {
				row: [
					{
						id: 'sku',
						title: 'Surat Keterangan Usaha untuk KUR',
						description: 'Untuk pengajuan KUR',
					},
				],
			},
		});
		expect((api.requests[0].json() as IDataObject).interactive).toEqual({
			type: 'list',
			body: { text: 'Layanan tersedia' },
			footer: { text: 'Balas angka juga bisa' },
			action: {
				button: 'Lihat daftar layana…',
				sections: [
					{
						title: 'Surat',
						rows: [
							{ id: 'sku', title: 'Surat Keterangan Usaha…', description: 'Untuk pengajuan KUR' },
						],
					},
				],
			},
		});
	});

	it('sends the replies array of each item in order, keeping the item fields', async () => {
		api.on('POST', MESSAGES, sent('wamid.1'), sent('wamid.2'), sent('wamid.3'));
		const replies = [
			{ type: 'text', text: 'Selamat datang' },
			{
				type: 'buttons',
				text: 'Pilih',
				buttons: [
					{ id: 'ya', title: 'Ya' },
					{ id: 'tidak', title: 'Tidak' },
				],
			},
			{
				type: 'list',
				text: 'Daftar',
				button: 'Pilih',
				sections: [
					{
						rows: Array.from({ length: 12 }, (_, i) => ({
							id: `r${i}`,
							title: `Layanan ${i + 1}`,
						})),
					},
				],
			},
		];
		const out = await run(
			{
				resource: 'message',
				operation: 'sendReplies',
				repliesField: 'replies',
				recipientField: 'waId',
			},
			[{ json: { waId: '081234567890', replies, session: { state: 'menu' } } }],
		);
		expect(api.requests.map((r) => (r.json() as IDataObject).type)).toEqual([
			'text',
			'interactive',
			'text',
		]);
		// 12 rows exceed WhatsApp's 10: sent as numbered text so no choice is lost.
		const fallback = ((api.requests[2].json() as IDataObject).text as IDataObject).body as string;
		expect(fallback).toMatch(/^Daftar\n\n1\. Layanan 1\n2\. Layanan 2/);
		expect(fallback).toContain('12. Layanan 12');
		expect(out[0].json).toMatchObject({
			session: { state: 'menu' },
			delivery: {
				provider: 'meta',
				to: '6281234567890',
				sent: 3,
				messageIds: ['wamid.1', 'wamid.2', 'wamid.3'],
				fallbacks: 1,
			},
		});
	});

	it('reports a replies field that holds no replies, naming the field', async () => {
		await expect(
			run(
				{
					resource: 'message',
					operation: 'sendReplies',
					repliesField: 'replies',
					recipientField: 'waId',
				},
				[{ json: { waId: '6281234567890', replies: [{ type: 'card' }] } }],
			),
		).rejects.toThrow(/Field "replies" does not hold replies: reply 0 has unknown type "card"/);
	});

	it('marks a message as read', async () => {
		api.on('POST', MESSAGES, { body: { success: true } });
		const out = await run({ resource: 'message', operation: 'markRead', messageId: 'wamid.IN' });
		expect(api.requests[0].json()).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.IN',
		});
		expect(out[0].json).toEqual({ provider: 'meta', messageId: 'wamid.IN', read: true });
	});
});

describe('WhatsApp Gateway (Meta) – media', () => {
	const pdf = Buffer.from('%PDF-1.7 surat');
	const binaryItem = (data: Buffer, mimeType: string, fileName: string): INodeExecutionData => ({
		json: {},
		binary: { data: { data: data.toString('base64'), mimeType, fileName } },
	});

	it('uploads binary data to /media, then sends the document by id with file name and caption', async () => {
		api.on('POST', `/${V}/${PN}/media`, { body: { id: '4490709327384033' } });
		api.on('POST', MESSAGES, sent('wamid.D'));
		const out = await run(
			{
				resource: 'media',
				operation: 'sendDocument',
				to: '6281234567890',
				source: 'binary',
				binaryPropertyName: 'data',
				additionalFields: { caption: 'Surat Anda' },
			},
			[binaryItem(pdf, 'application/pdf', 'SKTM-001.pdf')],
		);
		const [upload, send] = api.requests;
		expect(upload.headers.authorization).toBe('Bearer EAAG-test-token');
		const parts = parseMultipart(upload.body, String(upload.headers['content-type']));
		expect(parts.messaging_product.data.toString()).toBe('whatsapp');
		expect(parts.type.data.toString()).toBe('application/pdf');
		expect(parts.file).toMatchObject({ filename: 'SKTM-001.pdf', contentType: 'application/pdf' });
		expect(parts.file.data.equals(pdf)).toBe(true);
		expect(send.json()).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '6281234567890',
			type: 'document',
			document: { id: '4490709327384033', caption: 'Surat Anda', filename: 'SKTM-001.pdf' },
		});
		expect(out[0].json.messageIds).toEqual(['wamid.D']);
	});

	it('sends an image by link', async () => {
		api.on('POST', MESSAGES, sent('wamid.I'));
		await run({
			resource: 'media',
			operation: 'sendImage',
			to: '6281234567890',
			source: 'url',
			url: 'https://example.org/a.png',
			additionalFields: { caption: 'Contoh' },
		});
		expect((api.requests[0].json() as IDataObject).image).toEqual({
			link: 'https://example.org/a.png',
			caption: 'Contoh',
		});
	});

	it('refuses an image over 5 MB before uploading', async () => {
		const big = Buffer.alloc(5 * 1024 * 1024 + 1);
		await expect(
			run(
				{
					resource: 'media',
					operation: 'sendImage',
					to: '6281234567890',
					source: 'binary',
					binaryPropertyName: 'data',
					additionalFields: {},
				},
				[binaryItem(big, 'image/jpeg', 'x.jpg')],
			),
		).rejects.toThrow(/Media too large.*at most 5\.0 MB/);
		expect(api.requests).toHaveLength(0);
	});

	it('downloads incoming media: id → URL → file with the bearer token', async () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
		api.on('GET', '/v26.0/1003383421387256', {
			body: {
				messaging_product: 'whatsapp',
				url: `${api.baseUrl}/whatsapp_business/attachments/?mid=1003383421387256&ext=1`,
				mime_type: 'image/jpeg',
				sha256: 'abc',
				file_size: 7,
				id: '1003383421387256',
			},
		});
		api.on('GET', '/whatsapp_business/attachments/', { body: jpeg });
		const out = await run(
			{
				resource: 'media',
				operation: 'download',
				mediaId: '1003383421387256',
				binaryPropertyName: 'data',
				fileName: '',
			},
			[
				{
					json: {
						messageId: 'wamid.IN',
						media: { id: '1003383421387256', mimeType: 'image/jpeg' },
					},
				},
			],
		);
		expect(api.requests[0].path).toBe(`/v26.0/1003383421387256?phone_number_id=${PN}`);
		expect(api.requests[1].headers.authorization).toBe('Bearer EAAG-test-token');
		expect(out[0].json.messageId).toBe('wamid.IN');
		expect(out[0].binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: '1003383421387256.jpg',
		});
		expect(Buffer.from(out[0].binary!.data.data, 'base64').equals(jpeg)).toBe(true);
	});
});

describe('WhatsApp Gateway (Meta) – errors', () => {
	const graphError = (code: number, message: string, status = 400, details?: string) => ({
		status,
		body: {
			error: {
				message,
				type: 'OAuthException',
				code,
				...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
				fbtrace_id: 'AbC',
			},
		},
	});
	const sendText = () =>
		run({ resource: 'message', operation: 'sendText', to: '6281234567890', text: 'x' });

	it('explains 131047 (outside the 24-hour window): use an approved template', async () => {
		api.on(
			'POST',
			MESSAGES,
			graphError(
				131047,
				'(#131047) Re-engagement message',
				400,
				'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			),
		);
		const error = await sendText().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/24-hour/);
		expect(error.description).toMatch(/approved template/);
		expect(api.requests).toHaveLength(1);
	});

	it('explains an expired token (190): generate a new / system user token', async () => {
		api.on(
			'POST',
			MESSAGES,
			graphError(190, 'Error validating access token: Session has expired', 401),
		);
		const error = await sendText().catch((e) => e);
		expect(error.message).toMatch(/invalid or expired/);
		expect(error.description).toMatch(/System User/);
	});

	it('retries rate limits with backoff and succeeds when the limit clears', async () => {
		api.on(
			'POST',
			MESSAGES,
			graphError(130429, 'Rate limit hit'),
			graphError(80007, 'Rate limit issues'),
			sent('wamid.OK'),
		);
		const out = await sendText();
		expect(out[0].json.messageIds).toEqual(['wamid.OK']);
		expect(api.requests).toHaveLength(3);
	});

	it('gives up after the configured retries with advice', async () => {
		api.on('POST', MESSAGES, graphError(131056, '(#131056) Pair rate limit hit'));
		const error = await run({
			resource: 'message',
			operation: 'sendText',
			to: '6281234567890',
			text: 'x',
			options: { retryDelayMs: 1, rateLimitRetries: 2 },
		}).catch((e) => e);
		expect(api.requests).toHaveLength(3);
		expect(error.message).toMatch(/rate limit.*131056.*gave up after 3 attempts/);
		expect(error.description).toMatch(/same resident/);
	});

	it('with continue-on-fail, reports the error per item and sends the others', async () => {
		api.on('POST', MESSAGES, graphError(131053, 'Media upload error'), sent('wamid.2'));
		const ctx = executeContext({
			params: (i) => ({
				provider: 'meta',
				resource: 'message',
				operation: 'sendText',
				to: ['6281234567890', 'nonsense', '6281234567890'][i],
				text: 'x',
				options: { retryDelayMs: 1 },
			}),
			items: [{ json: {} }, { json: {} }, { json: {} }],
			credentials: creds(),
			continueOnFail: true,
		});
		const [out] = await node.execute.call(ctx);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.error).toMatch(/131053/);
		expect(out[1].json.error).toMatch(/"nonsense" is not a valid phone number/);
		expect(out[2].json.messageIds).toEqual(['wamid.2']);
	});
});
