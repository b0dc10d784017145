// The sandbox plays Fonnte at the network edge: /send and /device with the device token, its
// answers (status false with a reason, HTTP 200), attachments by URL, and its webhook to the
// office (with or without the secret), delivered again until it gets a 200.
import { buildMultipart } from '../../nodes/WhatsApp/providers/multipart';
import { parseFonnteWebhook } from '../../nodes/WhatsApp/providers/fonnte/fonnteWebhook';
import { waitFor } from '../e2e/support/wait';
import {
	api,
	startReceiver,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

const API = 'api.fonnte.com';
const MEDIA = 'md.fonnte.com';
const resident = '6281298765432';
let t: TestSandbox;
let token: string;

beforeAll(async () => {
	t = await startTestSandbox({ provider: 'fonnte', fonnteDelivery: { delaysMs: [50, 50, 50] } });
	token = t.sandbox.config().fonnteToken;
});
afterAll(() => t.close());
beforeEach(async () => {
	await api(t, 'POST', '/api/reset');
	await api(t, 'POST', '/api/fonnte', {
		package: 'all feature',
		deviceStatus: 'connect',
		quota: 1000,
		withSecret: true,
	});
});

const send = (body: object | string, auth = token, contentType = 'application/json') =>
	viaProxy(t, API, 'POST', '/send', {
		headers: { Authorization: auth, 'Content-Type': contentType },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
const chat = async (waId = resident) =>
	(await api(t, 'GET', `/api/residents/${waId}/messages`)).json as Array<Record<string, any>>;

describe('Fonnte stand-in: sending', () => {
	it('answers the credential test (/device) with the device, its package and quota', async () => {
		const res = await viaProxy(t, API, 'POST', '/device', { headers: { Authorization: token } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			status: true,
			device: t.sandbox.config().businessNumber,
			device_status: 'connect',
			package: 'all feature',
			quota: '1000',
		});
	});

	it('answers a wrong token as Fonnte does: HTTP 200, status false, "token invalid"', async () => {
		const res = await send({ target: resident, message: 'x' }, 'stolen');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ reason: 'token invalid', status: false });
		expect(await chat()).toEqual([]);
	});

	it('sends text to a target written 08…, as form fields or JSON, and counts the quota', async () => {
		const form = await send(
			'target=081298765432&message=Halo%20warga',
			token,
			'application/x-www-form-urlencoded',
		);
		expect(form.json).toMatchObject({
			status: true,
			detail: 'success! message in queue',
			target: [resident],
		});
		expect(form.json.id).toHaveLength(1);
		await send({ target: resident, message: 'Kedua' });
		expect((await chat()).map((m) => [m.direction, m.type, m.text])).toEqual([
			['out', 'text', 'Halo warga'],
			['out', 'text', 'Kedua'],
		]);
		expect((await api(t, 'GET', '/api/fonnte')).json).toMatchObject({ quota: 998, messages: 2 });
	});

	it('sends an uploaded file as a document the resident can open', async () => {
		const pdf = Buffer.from('%PDF-1.4 surat');
		const form = buildMultipart(
			{ target: resident, message: 'Surat Bapak/Ibu', filename: 'surat.pdf' },
			{ file: { data: pdf, fileName: 'surat.pdf', mimeType: 'application/pdf' } },
		);
		const res = await viaProxy(t, API, 'POST', '/send', {
			headers: { Authorization: token, 'Content-Type': form.contentType },
			body: form.body,
		});
		expect(res.json.status).toBe(true);
		const [letter] = await chat();
		expect(letter).toMatchObject({ type: 'document', text: 'Surat Bapak/Ibu' });
		expect(letter.document.fileName).toBe('surat.pdf');
		const opened = await fetch(letter.document.url);
		expect(Buffer.from(await opened.arrayBuffer())).toEqual(pdf);
	});

	it('sends a url with a filename as a document', async () => {
		await send({ target: resident, url: 'https://example.org/files/x.pdf', filename: 'surat.pdf' });
		expect((await chat())[0].document).toMatchObject({
			fileName: 'surat.pdf',
			url: 'https://example.org/files/x.pdf',
		});
	});

	it.each([
		[{ deviceStatus: 'disconnect' }, { target: resident, message: 'x' }, 'device disconnected'],
		[{ quota: 0 }, { target: resident, message: 'x' }, 'insufficient quota'],
		[{}, { target: 'abc', message: 'x' }, 'invalid target'],
		[{}, { target: resident }, 'empty message'],
		[{}, { target: resident, url: 'ftp://x' }, 'invalid url'],
	])('refuses (%j) %j with "%s" and sends nothing', async (device, body, reason) => {
		await api(t, 'POST', '/api/fonnte', device);
		const res = await send(body);
		expect(res.json).toEqual({ reason, status: false });
		expect(await chat()).toEqual([]);
	});

	it('reports how fast the number sent: the most sends in one second', async () => {
		for (let i = 0; i < 3; i++) await send({ target: resident, message: `m${i}` });
		const { pace, sends } = (await api(t, 'GET', '/api/fonnte/sends')).json;
		expect(sends).toHaveLength(3);
		expect(pace.maxPerSecond).toBe(3);
	});
});

describe('Fonnte stand-in: the webhook to the office', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeEach(async () => {
		receiver = await startReceiver();
		t.sandbox.setIntakeWebhookUrl(receiver.url);
	});
	afterEach(() => receiver.close());

	const bodyOf = (i: number) => JSON.parse(receiver.received[i].raw.toString('utf8'));

	it('posts sender, message and inboxid to the URL with ?secret=…, and the trigger reads it', async () => {
		const sent = await api(t, 'POST', `/api/residents/${resident}/messages`, { text: 'halo' });
		expect(sent.json).toMatchObject({ webhookStatus: 200 });
		const body = bodyOf(0);
		expect(body).toMatchObject({ sender: resident, message: 'halo', inboxid: sent.json.messageId });
		expect(receiver.received).toHaveLength(1);
		const parsed = parseFonnteWebhook(body);
		expect(parsed.messages[0]).toMatchObject({ from: resident, text: 'halo', type: 'text' });
		const device = (await api(t, 'GET', '/api/fonnte')).json;
		expect(device.webhookUrl).toBe(
			`${receiver.url}?secret=${encodeURIComponent(t.sandbox.config().fonnteWebhookSecret)}`,
		);
	});

	it('leaves the secret out when the dashboard URL has none', async () => {
		await api(t, 'POST', '/api/fonnte', { withSecret: false });
		const device = (await api(t, 'GET', '/api/fonnte')).json;
		expect(device.webhookUrl).toBe(receiver.url);
		await api(t, 'POST', `/api/residents/${resident}/messages`, { text: 'halo' });
		expect(receiver.received).toHaveLength(1);
	});

	it('names a photo by url, filename and extension on "all feature"; the url serves it', async () => {
		const photo = Buffer.from('jpeg bytes');
		await api(t, 'POST', `/api/residents/${resident}/messages`, {
			image: { fileName: 'ktp.jpg', mimeType: 'image/jpeg', dataBase64: photo.toString('base64') },
		});
		const body = bodyOf(0);
		expect(body).toMatchObject({ filename: 'ktp', extension: 'jpg', message: '' });
		const url = new URL(body.url);
		expect(url.host).toBe(MEDIA);
		const res = await viaProxy(t, MEDIA, 'GET', url.pathname);
		expect(res.body).toEqual(photo);
		expect(parseFonnteWebhook(body).messages[0]).toMatchObject({
			type: 'image',
			media: { url: body.url, fileName: 'ktp.jpg', mimeType: 'image/jpeg' },
		});
	});

	it('forwards no attachment on another package: the webhook carries no url', async () => {
		await api(t, 'POST', '/api/fonnte', { package: 'Free' });
		await api(t, 'POST', `/api/residents/${resident}/messages`, {
			image: { fileName: 'ktp.jpg', dataBase64: Buffer.from('x').toString('base64') },
		});
		const body = bodyOf(0);
		expect(body.url).toBeUndefined();
		expect(body.message).toBe('');
	});

	it('delivers a webhook again, same inboxid, until it is answered 200', async () => {
		let answers = [500, 500, 200];
		const flaky = await startFlakyReceiver(() => answers.shift() ?? 200);
		t.sandbox.setIntakeWebhookUrl(flaky.url);
		const sent = await api(t, 'POST', `/api/residents/${resident}/messages`, { text: 'halo' });
		expect(sent.json).toMatchObject({ webhookStatus: 500, redelivering: true });
		await waitFor(async () => flaky.ids.length >= 3 || undefined, {
			timeoutMs: 10000,
			description: 'the third attempt',
		});
		expect(new Set(flaky.ids)).toEqual(new Set([sent.json.messageId]));
		const attempts = (
			await api(t, 'GET', `/api/webhooks/deliveries?messageId=${sent.json.messageId}`)
		).json.map((a: { webhookStatus: number }) => a.webhookStatus);
		expect(attempts).toEqual([500, 500, 200]);
		answers = [];
		await flaky.close();
	});
});

async function startFlakyReceiver(status: () => number) {
	const { createServer } = await import('node:http');
	const ids: string[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			ids.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).inboxid);
			res.writeHead(status());
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as import('node:net').AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/intake`,
		ids,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
