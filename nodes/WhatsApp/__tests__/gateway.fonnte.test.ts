import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { FakeApi, parseMultipart } from '../../../test/support/whatsapp/fakeApi';
import { executeContext } from '../../../test/support/whatsapp/harness';

const api = new FakeApi();
const queued = (id: string) => ({
	body: {
		detail: 'success! message in queue',
		id: [id],
		process: 'pending',
		requestid: 1,
		status: true,
		target: ['6281234567890'],
	},
});

beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.reset());

const node = new WhatsAppGateway();

async function run(params: IDataObject, items?: INodeExecutionData[]) {
	const ctx = executeContext({
		params: { provider: 'fonnte', options: { retryDelayMs: 1 }, ...params },
		items,
		credentials: {
			fonnteApi: { token: 'fonnte-device-token', baseUrl: api.baseUrl, webhookSecret: 's' },
		},
	});
	const [out] = await node.execute.call(ctx);
	return { out, ctx };
}

describe('WhatsApp Gateway (Fonnte)', () => {
	it('sends text to /send with the token in the Authorization header', async () => {
		api.on('POST', '/send', queued('80367170'));
		const { out } = await run({
			resource: 'message',
			operation: 'sendText',
			to: '+62 812-3456-7890',
			text: 'Halo',
		});
		const [req] = api.requests;
		expect(req.headers.authorization).toBe('fonnte-device-token');
		expect(req.json()).toEqual({ target: '6281234567890', message: 'Halo' });
		expect(out[0].json).toEqual({
			provider: 'fonnte',
			to: '6281234567890',
			messageIds: ['80367170'],
		});
	});

	it('sends buttons as numbered text (Fonnte has no interactive messages)', async () => {
		api.on('POST', '/send', queued('1'));
		const { out } = await run({
			resource: 'message',
			operation: 'sendButtons',
			to: '081234567890',
			text: 'Lanjutkan?',
			footer: 'Balas dengan angka',
			buttons: {
				button: [
					{ id: 'ya', title: 'Ya' },
					{ id: 'tidak', title: 'Tidak' },
				],
			},
		});
		expect((api.requests[0].json() as IDataObject).message).toBe(
			'Lanjutkan?\n\n1. Ya\n2. Tidak\n\n_Balas dengan angka_',
		);
		expect(out[0].json.fallback).toBe('numberedText');
	});

	it('sends a list as numbered text with row descriptions', async () => {
		api.on('POST', '/send', queued('2'));
		await run({
			resource: 'message',
			operation: 'sendList',
			to: '081234567890',
			text: 'Pilih layanan',
			listButton: 'Layanan',
			sectionTitle: '',
			rows: {
				row: [
					{ id: 'sku', title: 'SKU', description: 'untuk KUR' },
					{ id: 'sktm', title: 'SKTM' },
				],
			},
		});
		expect((api.requests[0].json() as IDataObject).message).toBe(
			'Pilih layanan\n\n1. SKU (untuk KUR)\n2. SKTM',
		);
	});

	it('sends a document from binary data as multipart with target, caption, filename and file', async () => {
		api.on('POST', '/send', queued('3'));
		const pdf = Buffer.from('%PDF-1.7 surat');
		await run(
			{
				resource: 'media',
				operation: 'sendDocument',
				to: '6281234567890',
				source: 'binary',
				binaryPropertyName: 'data',
				additionalFields: { caption: 'Surat Anda' },
			},
			[
				{
					json: {},
					binary: {
						data: {
							data: pdf.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'SKTM.pdf',
						},
					},
				},
			],
		);
		const req = api.requests[0];
		expect(req.headers.authorization).toBe('fonnte-device-token');
		const parts = parseMultipart(req.body, String(req.headers['content-type']));
		expect(parts.target.data.toString()).toBe('6281234567890');
		expect(parts.message.data.toString()).toBe('Surat Anda');
		expect(parts.filename.data.toString()).toBe('SKTM.pdf');
		expect(parts.file).toMatchObject({ filename: 'SKTM.pdf', contentType: 'application/pdf' });
		expect(parts.file.data.equals(pdf)).toBe(true);
	});

	it('sends a document by URL with its file name', async () => {
		api.on('POST', '/send', queued('4'));
		await run({
			resource: 'media',
			operation: 'sendDocument',
			to: '6281234567890',
			source: 'url',
			url: 'https://example.org/s.pdf',
			additionalFields: { fileName: 'surat.pdf' },
		});
		expect(api.requests[0].json()).toEqual({
			target: '6281234567890',
			url: 'https://example.org/s.pdf',
			filename: 'surat.pdf',
		});
	});

	it('downloads an attachment URL without sending the token', async () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 9]);
		api.on('GET', '/files/ktp.jpg', { body: jpeg, headers: { 'Content-Type': 'image/jpeg' } });
		const { out, ctx } = await run(
			{
				resource: 'media',
				operation: 'download',
				mediaUrl: `${api.baseUrl}/files/ktp.jpg`,
				allowedHosts: `http://${new URL(api.baseUrl).host}`,
				binaryPropertyName: 'foto',
				fileName: '',
			},
			[{ json: { media: { url: `${api.baseUrl}/files/ktp.jpg`, fileName: 'ktp.jpg' } } }],
		);
		expect(api.requests[0].headers.authorization).toBeUndefined();
		expect(ctx.authCalls).toEqual([]);
		expect(out[0].binary?.foto).toMatchObject({ mimeType: 'image/jpeg', fileName: 'ktp.jpg' });
		expect(Buffer.from(out[0].binary!.foto.data, 'base64').equals(jpeg)).toBe(true);
	});

	it('answers mark-as-read without a request, saying why', async () => {
		const { out } = await run({ resource: 'message', operation: 'markRead', messageId: '991' });
		expect(api.requests).toHaveLength(0);
		expect(out[0].json).toMatchObject({
			provider: 'fonnte',
			read: false,
			note: expect.stringMatching(/autoread/),
		});
	});

	it('turns {"status":false,"reason":"token invalid"} into an error with what to do', async () => {
		api.on('POST', '/send', { body: { reason: 'token invalid', status: false } });
		await expect(
			run({ resource: 'message', operation: 'sendText', to: '6281234567890', text: 'x' }),
		).rejects.toThrow(/Fonnte rejected the token: token invalid/);
	});

	it('sends the replies array in order as text', async () => {
		api.on('POST', '/send', queued('a'), queued('b'));
		const { out } = await run(
			{
				resource: 'message',
				operation: 'sendReplies',
				repliesField: 'out.replies',
				recipientField: 'msg.from',
			},
			[
				{
					json: {
						msg: { from: '6281234567890' },
						out: {
							replies: [
								{ type: 'text', text: 'Satu' },
								{ type: 'buttons', text: 'Dua', buttons: [{ id: '1', title: 'A' }] },
							],
						},
					},
				},
			],
		);
		expect(api.requests.map((r) => (r.json() as IDataObject).message)).toEqual([
			'Satu',
			'Dua\n\n1. A',
		]);
		expect(out[0].json.delivery).toEqual({
			provider: 'fonnte',
			to: '6281234567890',
			sent: 2,
			messageIds: ['a', 'b'],
			fallbacks: 1,
		});
	});
});
