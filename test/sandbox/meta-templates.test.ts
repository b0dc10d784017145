// Meta's 24-hour window and message templates, as the sandbox plays them through the Graph API.
import { OFFICE_TEMPLATES } from '../../nodes/domain/messaging/templates';
import { api, bearer, startTestSandbox, viaProxy, type TestSandbox } from '../support/sandbox';

const GRAPH = 'graph.facebook.com';
const SITI = '6281234567890';
let t: TestSandbox;

beforeAll(async () => {
	t = await startTestSandbox();
});
afterAll(() => t.close());
beforeEach(() => api(t, 'POST', '/api/reset'));

const config = () => t.sandbox.config();
const graph = (method: string, path: string, body?: object) =>
	viaProxy(t, GRAPH, method, `/v21.0/${path}`, {
		headers: bearer(config().accessToken),
		body: body as any,
	});
const send = (body: object) =>
	graph('POST', `${config().phoneNumberId}/messages`, { messaging_product: 'whatsapp', ...body });
const text = (to: string) => send({ to, type: 'text', text: { body: 'Surat Anda siap' } });
const rejected = (to: string, parameters: string[]) =>
	send({
		to,
		type: 'template',
		template: {
			name: 'pecelan_pengajuan_ditolak',
			language: { code: 'id' },
			components: [
				{ type: 'body', parameters: parameters.map((p) => ({ type: 'text', text: p })) },
				{
					type: 'button',
					sub_type: 'quick_reply',
					index: '0',
					parameters: [{ type: 'payload', payload: 'menu' }],
				},
			],
		},
	});
const chat = async (waId: string) =>
	(await api(t, 'GET', `/api/residents/${waId}/messages`)).json as any[];

describe('the 24-hour customer-service window', () => {
	it('refuses free-form to a resident who never wrote, with 131047 and Meta’s error body', async () => {
		const res = await text(SITI);
		expect(res.status).toBe(400);
		expect(res.json.error).toMatchObject({
			code: 131047,
			message: '(#131047) Re-engagement message',
			type: 'OAuthException',
			error_data: { details: expect.stringContaining('more than 24 hours have passed') },
		});
		expect(await chat(SITI)).toEqual([]);
	});

	it('delivers free-form within 24 h and refuses it once the last message is 30 h old', async () => {
		await api(t, 'POST', `/api/residents/${SITI}/messages`, { text: 'halo' });
		expect((await text(SITI)).status).toBe(200);
		const aged = await api(t, 'POST', `/api/residents/${SITI}/age`, { hours: 30 });
		expect(aged.status).toBe(200);
		expect(Date.now() - Date.parse(aged.json.lastInboundAt)).toBeGreaterThan(29.9 * 3600e3);
		expect((await text(SITI)).json.error.code).toBe(131047);
		// Writing again reopens the window.
		await api(t, 'POST', `/api/residents/${SITI}/messages`, { text: 'halo lagi' });
		expect((await text(SITI)).status).toBe(200);
	});

	it('answers 404 when aging a resident who never wrote, 400 without hours', async () => {
		expect((await api(t, 'POST', '/api/residents/6289999999999/age', { hours: 30 })).status).toBe(404);
		expect((await api(t, 'POST', `/api/residents/${SITI}/age`, {})).status).toBe(400);
	});
});

describe('message templates', () => {
	it('starts with every office template APPROVED, created through the Graph endpoint', async () => {
		const listed = await graph('GET', `${config().wabaId}/message_templates`);
		expect(listed.status).toBe(200);
		const names = listed.json.data.map((x: any) => `${x.name}:${x.status}:${x.category}`);
		for (const office of OFFICE_TEMPLATES)
			expect(names).toContain(`${office.template.name}:APPROVED:UTILITY`);
	});

	it('sends an approved template outside the window and shows body, footer and buttons', async () => {
		const res = await rejected(SITI, ['Siti', 'Surat Domisili', 'PCL-1', 'Alamat beda']);
		expect(res.status).toBe(200);
		const [message] = await chat(SITI);
		expect(message).toMatchObject({ type: 'template', template: 'pecelan_pengajuan_ditolak' });
		expect(message.text).toContain('Siti, mohon maaf, pengajuan *Surat Domisili* (tiket PCL-1)');
		expect(message.text).toContain('Alasan: Alamat beda');
		expect(message.footer).toBe('Layanan surat kelurahan');
		expect(message.buttons).toEqual([{ id: 'menu', title: 'Menu' }]);
	});

	it('refuses a wrong parameter count with 132000 naming the component', async () => {
		const res = await rejected(SITI, ['Siti', 'Surat Domisili', 'PCL-1']);
		expect(res.status).toBe(400);
		expect(res.json.error).toMatchObject({
			code: 132000,
			error_data: {
				details:
					'body: number of localizable_params (3) does not match the expected number of params (4)',
			},
		});
	});

	it('refuses an unknown or not approved template with 132001', async () => {
		await api(t, 'POST', '/api/templates/pecelan_pengajuan_ditolak/status', { status: 'PENDING' });
		try {
			const res = await rejected(SITI, ['a', 'b', 'c', 'd']);
			expect(res.json.error.code).toBe(132001);
		} finally {
			await api(t, 'POST', '/api/templates/pecelan_pengajuan_ditolak/status', {
				status: 'APPROVED',
			});
		}
		const unknown = await send({
			to: SITI,
			type: 'template',
			template: { name: 'tidak_ada', language: { code: 'id' } },
		});
		expect(unknown.json.error).toMatchObject({
			code: 132001,
			error_data: { details: 'template name (tidak_ada) does not exist in id' },
		});
	});

	it('needs the document header a template declares, and shows it as the chat’s document', async () => {
		const params = ['Siti', 'Surat Domisili', 'PCL-1', '470/001/2026'];
		const body = (components: any[]) =>
			send({
				to: SITI,
				type: 'template',
				template: { name: 'pecelan_surat_selesai', language: { code: 'id' }, components },
			});
		const bodyPart = { type: 'body', parameters: params.map((p) => ({ type: 'text', text: p })) };
		const missing = await body([bodyPart]);
		expect(missing.json.error.code).toBe(132000);
		const withDoc = await body([
			{
				type: 'header',
				parameters: [
					{
						type: 'document',
						document: { link: 'https://example.org/surat.pdf', filename: 'Surat PCL-1.pdf' },
					},
				],
			},
			bodyPart,
		]);
		expect(withDoc.status).toBe(200);
		const [message] = await chat(SITI);
		expect(message.document).toEqual({ fileName: 'Surat PCL-1.pdf', url: 'https://example.org/surat.pdf' });
		expect(message.text).toContain('Nomor surat: 470/001/2026');
	});

	it('creates a template once per language and refuses a second one', async () => {
		const definition = {
			name: 'uji_coba',
			language: 'id',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Halo {{1}}', example: { body_text: [['Siti']] } }],
		};
		const created = await graph('POST', `${config().wabaId}/message_templates`, definition);
		expect(created.json).toMatchObject({ status: 'APPROVED', category: 'UTILITY' });
		const again = await graph('POST', `${config().wabaId}/message_templates`, definition);
		expect(again.status).toBe(400);
		expect(again.json.error.code).toBe(100);
	});
});
