// The fault switch (POST /api/faults): armed calls fail with the body Meta or Google send, the
// rest go through, and a spent fault lets the next call succeed.
import { connect as tlsConnect } from 'node:tls';
import {
	api,
	bearer,
	connectThroughProxy,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

const GRAPH = 'graph.facebook.com';
const SHEETS = 'sheets.googleapis.com';
let t: TestSandbox;

beforeAll(async () => {
	t = await startTestSandbox({ sheetHeader: ['Tiket', 'Status'] });
});
afterAll(() => t.close());
// Each resident writes first: Meta sends free-form only within 24 h of their last message.
beforeEach(async () => {
	await api(t, 'POST', '/api/reset');
	for (const waId of ['6281200000001', '6281200000002', '6281200000003'])
		await api(t, 'POST', `/api/residents/${waId}/messages`, { text: 'halo' });
});

const sendTo = (to: string, type: 'text' | 'document') => {
	const { phoneNumberId, accessToken } = t.sandbox.config();
	const content =
		type === 'text'
			? { body: 'Surat Anda sedang dibuat' }
			: { link: 'https://contoh.test/surat.pdf' };
	return viaProxy(t, GRAPH, 'POST', `/v21.0/${phoneNumberId}/messages`, {
		headers: bearer(accessToken),
		body: { messaging_product: 'whatsapp', to, type, [type]: content },
	});
};

const arm = (fault: Record<string, unknown>) => api(t, 'POST', '/api/faults', fault);

/** What the office sent the resident (their own "halo" left out). */
const chat = async (waId: string) =>
	(
		(await api(t, 'GET', `/api/residents/${waId}/messages`)).json as Array<{
			type: string;
			direction: 'in' | 'out';
		}>
	).filter((m) => m.direction === 'out');

const readSheet = () =>
	viaProxy(
		t,
		SHEETS,
		'GET',
		`/v4/spreadsheets/${t.sandbox.config().spreadsheetId}/values/Permohonan`,
		{ headers: bearer('ya29.token') },
	);

describe('the fault switch', () => {
	it('fails a document send once with Meta error 131000, then delivers; texts pass meanwhile', async () => {
		const armed = await api(t, 'POST', '/api/faults', {
			service: 'whatsapp',
			operation: 'sendDocument',
			status: 500,
			times: 1,
		});
		expect(armed.status).toBe(201);

		const text = await sendTo('6281200000001', 'text');
		expect(text.status).toBe(200);
		const failed = await sendTo('6281200000001', 'document');
		expect(failed.status).toBe(500);
		expect(failed.json.error).toMatchObject({
			code: 131000,
			type: 'OAuthException',
			message: '(#131000) Something went wrong',
			error_data: { messaging_product: 'whatsapp', details: 'Something went wrong' },
		});
		expect(failed.json.error.fbtrace_id).toEqual(expect.any(String));
		expect((await chat('6281200000001')).map((m) => m.type)).toEqual(['text']);

		const retried = await sendTo('6281200000001', 'document');
		expect(retried.status).toBe(200);
		expect((await chat('6281200000001')).map((m) => m.type)).toEqual(['text', 'document']);
		expect((await api(t, 'GET', '/api/faults')).json).toEqual([
			expect.objectContaining({ operation: 'sendDocument', times: 1, hits: 1 }),
		]);
	});

	it('holds a send unanswered until the caller gives up, noting its port, and sends nothing', async () => {
		const armed = (await arm({ service: 'whatsapp', operation: 'sendMessage', hold: true }))
			.json as { id: number };
		const { socket } = await connectThroughProxy(t.sandbox.proxyUrl, GRAPH);
		const callerPort = socket.localPort;
		const tls = tlsConnect({ socket, servername: GRAPH, ca: t.ca });
		const { phoneNumberId, accessToken } = t.sandbox.config();
		const body = JSON.stringify({
			messaging_product: 'whatsapp',
			to: '6281200000001',
			type: 'text',
			text: { body: 'Tidak pernah sampai' },
		});
		let answered = false;
		tls.on('data', () => (answered = true));
		tls.write(
			`POST /v21.0/${phoneNumberId}/messages HTTP/1.1\r\nHost: ${GRAPH}\r\n` +
				`Authorization: Bearer ${accessToken}\r\nContent-Type: application/json\r\n` +
				`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
		);
		const held = async () =>
			(
				(await api(t, 'GET', '/api/faults')).json as Array<{ id: number; heldFrom?: number[] }>
			).find((f) => f.id === armed.id)?.heldFrom ?? [];
		for (let i = 0; i < 100 && (await held()).length === 0; i++)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(await held()).toEqual([callerPort]);
		tls.destroy();
		expect(answered).toBe(false);
		expect(await chat('6281200000001')).toEqual([]);
		// Spent: the next send goes through.
		expect((await sendTo('6281200000001', 'text')).status).toBe(200);
	});

	it('hits only calls whose body names the given text', async () => {
		await api(t, 'POST', '/api/faults', {
			service: 'whatsapp',
			operation: 'sendMessage',
			status: 503,
			bodyContains: '6281200000002',
		});
		expect((await sendTo('6281200000003', 'text')).status).toBe(200);
		const failed = await sendTo('6281200000002', 'text');
		expect(failed.status).toBe(503);
		expect(failed.json.error).toMatchObject({ code: 131016 });
	});

	it('answers a Sheets read with the per-minute quota error twice, then with the values', async () => {
		await arm({ service: 'sheets', operation: 'read', status: 429, times: 2 });
		for (let i = 0; i < 2; i++) {
			const limited = await readSheet();
			expect(limited.status).toBe(429);
			expect(limited.json.error).toMatchObject({
				code: 429,
				status: 'RESOURCE_EXHAUSTED',
				message: expect.stringContaining("quota metric 'Read requests'"),
				details: [
					expect.objectContaining({
						'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
						reason: 'RATE_LIMIT_EXCEEDED',
					}),
				],
			});
		}
		const read = await readSheet();
		expect(read.status).toBe(200);
		expect(read.json.values).toEqual([['Tiket', 'Status']]);
	});

	it('refuses a whole spreadsheet metadata call and leaves reads and masked metadata calls alone', async () => {
		await arm({ service: 'sheets', operation: 'getSpreadsheet', status: 403, times: 1 });
		const id = t.sandbox.config().spreadsheetId;
		const get = (path: string) =>
			viaProxy(t, SHEETS, 'GET', `/v4/spreadsheets/${id}${path}`, {
				headers: bearer('ya29.token'),
			});
		expect((await readSheet()).status).toBe(200);
		expect((await get('?fields=sheets.properties')).status).toBe(200);
		expect((await get('')).status).toBe(403);
		expect((await get('')).status).toBe(200);
	});

	it('lists the failed calls in the calls log, and reset disarms what is left', async () => {
		await arm({ service: 'sheets', operation: 'any', status: 503, times: 5 });
		expect((await readSheet()).status).toBe(503);
		const calls = (await api(t, 'GET', '/api/calls')).json as Array<{
			host: string;
			status: number;
		}>;
		expect(calls.filter((c) => c.host === SHEETS).map((c) => c.status)).toEqual([503]);
		await api(t, 'POST', '/api/reset');
		expect((await api(t, 'GET', '/api/faults')).json).toEqual([]);
		expect((await readSheet()).status).toBe(200);
	});

	it.each([
		[{ service: 'whatsapp', operation: 'teleport', status: 500 }, 'sendDocument'],
		[{ service: 'sheets', operation: 'read', status: 200 }, 'status'],
		[{ service: 'sheets', operation: 'read', status: 429, times: 0 }, 'times'],
		[{ service: 'fax', operation: 'send', status: 500 }, 'whatsapp'],
	])('refuses a fault it cannot play, saying why: %j', async (fault, reason) => {
		const refused = await api(t, 'POST', '/api/faults', fault);
		expect(refused.status).toBe(400);
		expect(refused.json.error).toContain(reason);
		expect((await api(t, 'GET', '/api/faults')).json).toEqual([]);
	});
});

describe('a held call', () => {
	it('is answered normally after the hold, and dropped when its caller goes away meanwhile', async () => {
		expect(
			(await arm({ service: 'whatsapp', operation: 'sendDocument', holdMs: 300 })).status,
		).toBe(201);
		const started = Date.now();
		expect((await sendTo('6281200000001', 'document')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
		expect((await chat('6281200000001')).map((m) => m.type)).toEqual(['document']);

		await arm({ service: 'whatsapp', operation: 'sendDocument', holdMs: 60000 });
		// The caller (n8n) dies while the call is held: its connection closes.
		const { phoneNumberId, accessToken } = t.sandbox.config();
		const { socket } = await connectThroughProxy(t.sandbox.proxyUrl, GRAPH);
		const tls = tlsConnect({ socket, servername: GRAPH, ca: t.ca });
		const body = JSON.stringify({
			messaging_product: 'whatsapp',
			to: '6281200000002',
			type: 'document',
			document: { link: 'https://contoh.test/surat.pdf' },
		});
		tls.write(
			`POST /v21.0/${phoneNumberId}/messages HTTP/1.1\r\nHost: ${GRAPH}\r\nAuthorization: Bearer ${accessToken}\r\n` +
				`Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
		);
		const held = async () =>
			((await api(t, 'GET', '/api/faults')).json as Array<{ hits: number; holdMs?: number }>).some(
				(f) => f.holdMs === 60000 && f.hits === 1,
			);
		for (let i = 0; i < 250 && !(await held()); i++) await new Promise((r) => setTimeout(r, 20));
		tls.destroy();
		const dropped = async () =>
			((await api(t, 'GET', '/api/calls')).json as Array<{ status: number }>).some(
				(c) => c.status === 0,
			);
		for (let i = 0; i < 250 && !(await dropped()); i++) await new Promise((r) => setTimeout(r, 20));
		expect(await dropped()).toBe(true);
		expect(await chat('6281200000002')).toEqual([]);
	});

	it('needs a sensible hold time', async () => {
		expect((await arm({ service: 'whatsapp', operation: 'sendDocument', holdMs: -1 })).status).toBe(
			400,
		);
	});
});
