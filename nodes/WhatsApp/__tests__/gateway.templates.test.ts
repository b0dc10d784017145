// Send Template, Send Notice (free-form inside the 24-hour window, template outside, one fallback
// on 131047) and Create Office Templates, against a scripted Graph API and Fonnte.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { OFFICE_TEMPLATES } from '../../domain/messaging/templates';
import { FakeApi } from '../../../test/support/whatsapp/fakeApi';
import { executeContext } from '../../../test/support/whatsapp/harness';

const api = new FakeApi();
const V = 'v26.0';
const PN = '106540352242922';
const WABA = '2000001';
const MESSAGES = `/${V}/${PN}/messages`;
const MEDIA = `/${V}/${PN}/media`;
let counter = 0;
const sent = () => ({ status: 200, body: { messages: [{ id: `wamid.${++counter}` }] } });
const outsideWindow = {
	status: 400,
	body: {
		error: {
			message: '(#131047) Re-engagement message',
			type: 'OAuthException',
			code: 131047,
			error_data: {
				messaging_product: 'whatsapp',
				details:
					'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			},
			fbtrace_id: 'A1',
		},
	},
};

beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => {
	api.reset();
	counter = 0;
});

const node = new WhatsAppGateway();
const creds = () => ({
	whatsAppCloudApi: {
		accessToken: 'EAAG-test-token',
		phoneNumberId: PN,
		businessAccountId: WABA,
		graphApiVersion: V,
		baseUrl: api.baseUrl,
	},
	fonnteApi: { token: 'fonnte-token', baseUrl: api.baseUrl },
});

async function run(params: IDataObject, items?: INodeExecutionData[], provider = 'meta') {
	const ctx = executeContext({
		params: { provider, resource: 'message', options: { retryDelayMs: 1 }, ...params },
		items,
		credentials: creds(),
	});
	const [out] = await node.execute.call(ctx);
	return out;
}

const pdf = Buffer.from('%PDF-1.4 surat');
const letterItem = (json: IDataObject = {}): INodeExecutionData => ({
	json,
	binary: {
		data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'Surat.pdf' },
	},
});
const values = {
	name: 'Siti Aminah',
	serviceTitle: 'Surat Keterangan Domisili',
	ticket: 'PCL-2611-AB12',
	letterNumber: '470/001/401.301.3/2026',
};
const notice = (lastInboundAt: string, extra: IDataObject = {}) => ({
	operation: 'sendNotice',
	to: '081234567890',
	lastInboundAt,
	noticeTemplate: 'pecelan_surat_selesai',
	templateValues: values,
	freeForm: 'templateText',
	attachDocument: true,
	binaryPropertyName: 'data',
	language: 'id',
	...extra,
});
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600e3).toISOString();
const bodies = () => api.requests.filter((r) => r.path === MESSAGES).map((r) => r.json() as any);

describe('Send Template (Meta)', () => {
	it('sends name, language, body parameters, a document header from binary data and buttons', async () => {
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent());
		const out = await run(
			{
				operation: 'sendTemplate',
				to: '+62 812 3456 7890',
				templateName: 'pecelan_surat_selesai',
				language: 'id',
				bodyParameters: { parameter: [{ value: 'Siti' }, { value: 'Domisili' }] },
				headerType: 'document',
				headerSource: 'binary',
				headerBinaryField: 'data',
				headerFileName: 'Surat PCL-1.pdf',
				templateButtons: {
					button: [
						{ kind: 'quickReply', index: 0, value: 'menu' },
						{ kind: 'url', index: 1, value: 'PCL-1' },
					],
				},
			},
			[letterItem()],
		);
		expect(out[0].json).toEqual({
			provider: 'meta',
			to: '6281234567890',
			template: 'pecelan_surat_selesai',
			language: 'id',
			messageIds: ['wamid.1'],
		});
		expect(bodies()[0]).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '6281234567890',
			type: 'template',
			template: {
				name: 'pecelan_surat_selesai',
				language: { code: 'id' },
				components: [
					{
						type: 'header',
						parameters: [
							{ type: 'document', document: { id: 'media-1', filename: 'Surat PCL-1.pdf' } },
						],
					},
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Siti' },
							{ type: 'text', text: 'Domisili' },
						],
					},
					{
						type: 'button',
						sub_type: 'quick_reply',
						index: '0',
						parameters: [{ type: 'payload', payload: 'menu' }],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: '1',
						parameters: [{ type: 'text', text: 'PCL-1' }],
					},
				],
			},
		});
	});

	it('names the template and what Meta refused when the parameters do not match', async () => {
		api.on('POST', MESSAGES, {
			status: 400,
			body: {
				error: {
					message: '(#132000) Number of parameters does not match the expected number of params',
					type: 'OAuthException',
					code: 132000,
					error_data: {
						details:
							'body: number of localizable_params (1) does not match the expected number of params (4)',
					},
				},
			},
		});
		const failure = run({
			operation: 'sendTemplate',
			to: '081234567890',
			templateName: 'pecelan_pengajuan_ditolak',
			language: 'id',
			bodyParameters: { parameter: [{ value: 'Siti' }] },
			headerType: 'none',
		});
		await expect(failure).rejects.toThrow(
			'Template "pecelan_pengajuan_ditolak" (id): The template parameters do not match the approved template (132000)',
		);
		await expect(failure).rejects.toMatchObject({
			description: expect.stringContaining('expected number of params (4)'),
		});
	});
});

describe('Send Notice', () => {
	it('inside the window: one document whose caption is the notice, no template', async () => {
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent());
		const out = await run(notice(hoursAgo(2)), [letterItem({ ticket: 'PCL-2611-AB12' })]);
		const [body] = bodies();
		expect(bodies()).toHaveLength(1);
		expect(body.type).toBe('document');
		expect(body.document).toMatchObject({ id: 'media-1', filename: 'Surat.pdf' });
		expect(body.document.caption).toContain('Nomor surat: 470/001/401.301.3/2026');
		expect(out[0].json).toMatchObject({
			ticket: 'PCL-2611-AB12',
			delivery: { via: 'freeForm', fellBack: false, messageIds: ['wamid.1'] },
		});
	});

	it("inside the window the caption is the node's Wording with the values filled in; outside, the approved template", async () => {
		const wording =
			'Kabar baik, {name}! {serviceTitle} sudah jadi.\nNomor: {letterNumber} ({ticket}) {unknown}';
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent(), sent());
		await run(notice(hoursAgo(2), { noticeWording: wording }), [letterItem()]);
		await run(notice(hoursAgo(30), { noticeWording: wording }), [letterItem()]);
		const [inside, outside] = bodies();
		expect(inside.document.caption).toBe(
			'Kabar baik, Siti Aminah! Surat Keterangan Domisili sudah jadi.\nNomor: 470/001/401.301.3/2026 (PCL-2611-AB12) {unknown}',
		);
		expect(outside.template.name).toBe('pecelan_surat_selesai');
	});

	it("a template chosen by an expression gets its own wording, not another template's bundled one", async () => {
		const digest = node.description.properties.filter((p) => p.name === 'noticeWording').at(-1)!;
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent());
		// What n8n hands on when Template is an expression: the last Wording's default.
		await run(
			notice(hoursAgo(2), {
				noticeTemplate: 'pecelan_draf_ahli_waris',
				noticeWording: digest.default,
			}),
			[letterItem()],
		);
		const [body] = bodies();
		expect(body.document.caption).toContain(
			'Halo Siti Aminah, permohonan *Surat Keterangan Domisili*',
		);
		expect(body.document.caption).toContain('meterai');
		expect(body.document.caption).not.toContain('Ringkasan pagi');
	});

	it("each template's Wording defaults to its bundled text, shown with named values", () => {
		const wordings = node.description.properties.filter((p) => p.name === 'noticeWording');
		expect(wordings).toHaveLength(OFFICE_TEMPLATES.length);
		const letter = wordings.find((p) =>
			p.displayOptions?.show?.noticeTemplate?.includes('pecelan_surat_selesai'),
		);
		expect(letter?.default).toBe(
			'Halo {name}, surat *{serviceTitle}* Bapak/Ibu sudah selesai dan terlampir di pesan ini.\nTiket: {ticket}\nNomor surat: {letterNumber}\n\nKeaslian surat dapat diperiksa melalui kode QR di dalamnya.',
		);
	});

	it('outside the window (30 h): the template with the letter as its document header', async () => {
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent());
		const out = await run(notice(hoursAgo(30)), [letterItem()]);
		expect(bodies()).toHaveLength(1);
		const { template } = bodies()[0];
		expect(template.name).toBe('pecelan_surat_selesai');
		expect(template.components[0].parameters[0].document).toEqual({
			id: 'media-1',
			filename: 'Surat.pdf',
		});
		expect(template.components[1].parameters.map((p: any) => p.text)).toEqual(
			Object.values(values),
		);
		expect(out[0].json).toMatchObject({ delivery: { via: 'template', fellBack: false } });
	});

	it('an unknown last message counts as outside the window', async () => {
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, sent());
		await run(notice(''), [letterItem()]);
		expect(bodies().map((b) => b.type)).toEqual(['template']);
	});

	it('a 131047 falls back to the template once, reusing the uploaded letter', async () => {
		api.on('POST', MEDIA, { status: 200, body: { id: 'media-1' } });
		api.on('POST', MESSAGES, outsideWindow, sent());
		const out = await run(notice(hoursAgo(1)), [letterItem()]);
		expect(bodies().map((b) => b.type)).toEqual(['document', 'template']);
		expect(api.requests.filter((r) => r.path === MEDIA)).toHaveLength(1);
		expect(out[0].json).toMatchObject({ delivery: { via: 'template', fellBack: true } });
	});

	it('sends Service Desk replies free-form, and fills a missing value with a dash outside', async () => {
		api.on('POST', MESSAGES, sent());
		const replies = [{ type: 'text', text: 'Mohon maaf, pengajuan ditolak. Alasan: foto buram' }];
		const params = {
			noticeTemplate: 'pecelan_pengajuan_ditolak',
			freeForm: 'replies',
			repliesField: 'replies',
			attachDocument: false,
			templateValues: { name: 'Budi', serviceTitle: 'SKTM', ticket: 'PCL-9' },
		};
		await run(notice(hoursAgo(1), params), [{ json: { replies } }]);
		expect(bodies()[0].text.body).toBe(replies[0].text);
		api.reset();
		api.on('POST', MESSAGES, sent());
		await run(notice(hoursAgo(48), params), [{ json: { replies } }]);
		const [, body, button] = [0, ...bodies()[0].template.components];
		expect(body.parameters.map((p: any) => p.text)).toEqual(['Budi', 'SKTM', 'PCL-9', '-']);
		expect(button).toMatchObject({ sub_type: 'quick_reply', parameters: [{ payload: 'menu' }] });
	});

	it('values typed as broken JSON are refused, naming the parameter; nothing is sent', async () => {
		api.on('POST', MESSAGES, sent());
		const failure = run(notice(hoursAgo(1), { templateValues: '{ "name": "Budi", ' }), [
			letterItem(),
		]);
		await expect(failure).rejects.toThrow(
			'The "templateValues" parameter of item 0 is not valid JSON',
		);
		expect(bodies()).toHaveLength(0);
	});

	it('values typed as JSON text fill the template like an object', async () => {
		api.on('POST', MESSAGES, sent());
		const text = JSON.stringify({ name: 'Budi', serviceTitle: 'SKTM', ticket: 'PCL-9' });
		const params = { noticeTemplate: 'pecelan_pengajuan_ditolak', attachDocument: false };
		await run(notice(hoursAgo(48), { ...params, templateValues: text }), [{ json: {} }]);
		const [, body] = [0, ...bodies()[0].template.components];
		expect(body.parameters.map((p: any) => p.text)).toEqual(['Budi', 'SKTM', 'PCL-9', '-']);
	});

	it('Fonnte has no window: the letter goes with the template wording as its caption', async () => {
		api.on('POST', '/send', { status: 200, body: { status: true, id: ['80367170'] } });
		const out = await run(notice(hoursAgo(72)), [letterItem()], 'fonnte');
		const [request] = api.requests;
		expect(request.body.toString('latin1')).toContain('Nomor surat: 470/001/401.301.3/2026');
		expect(request.body.toString('latin1')).toContain('%PDF-1.4 surat');
		expect(out[0].json).toMatchObject({ delivery: { provider: 'fonnte', via: 'freeForm' } });
	});
});

describe('Create Office Templates', () => {
	it('submits each office template to the business account; media headers need a sample', async () => {
		api.on('POST', `/${V}/${WABA}/message_templates`, (req: any) => ({
			status: 200,
			body: { id: `t-${(req.json() as any).name}`, status: 'PENDING', category: 'UTILITY' },
		}));
		const out = await run({
			operation: 'createTemplates',
			templates: OFFICE_TEMPLATES.map((t) => t.template.name),
			sampleHandle: '',
		});
		const results = out[0].json.templates as IDataObject[];
		const withDocument = [
			'pecelan_surat_selesai',
			'pecelan_draf_ahli_waris',
			'pecelan_laporan_bulanan',
			'pecelan_buku_agenda',
			'pecelan_uji_admin',
		];
		for (const r of results) {
			expect(r.status).toBe(withDocument.includes(String(r.name)) ? 'SKIPPED' : 'PENDING');
		}
		const posted = api.requests.map((r) => r.json() as any);
		expect(posted).toHaveLength(OFFICE_TEMPLATES.length - withDocument.length);
		for (const p of posted) {
			expect(p).toMatchObject({ language: 'id', category: 'UTILITY' });
			expect(Object.keys(p).sort()).toEqual(['category', 'components', 'language', 'name']);
		}
	});
});
