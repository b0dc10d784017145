// The sheet's Apps Script as the sandbox plays it: a staff edit runs the shipped script, whose post
// n8n's Sheet Edit Trigger accepts; n8n's own writes run nothing, as in Google Sheets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	parseSheetEdit,
	sheetEditRefusal,
	sheetEditTimeRefusal,
	signSheetEdit,
} from '../../nodes/domain/sheet/sheetEdit';
import { api, bearer, startTestSandbox, viaProxy, type TestSandbox } from '../support/sandbox';

let t: TestSandbox;
let n8n: Server;
const received: Array<{ body: Buffer; signature: string | undefined }> = [];

beforeAll(async () => {
	t = await startTestSandbox({ sheetHeader: ['Tiket', 'Status', 'Catatan', 'Nama', 'NIK'] });
	n8n = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({
				body: Buffer.concat(chunks),
				signature: req.headers['x-pecelan-signature'] as string | undefined,
			});
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => n8n.listen(0, '127.0.0.1', resolve));
	t.sandbox.setSheetEditWebhookUrl(
		`http://127.0.0.1:${(n8n.address() as AddressInfo).port}/webhook/x/sheet-edit`,
	);
});
afterAll(async () => {
	await t.close();
	n8n.close();
});

const waitForPosts = async (count: number) => {
	for (let i = 0; i < 100 && received.length < count; i++)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(received).toHaveLength(count);
};

describe('the onEdit script, played by the sandbox', () => {
	it('posts the edited row (ticket and status only), signed with the shared secret', async () => {
		const { spreadsheetId, accessToken, sheetEditSecret } = t.sandbox.config();
		// n8n writes a row through the Sheets API: Google runs no onEdit trigger for that.
		await viaProxy(
			t,
			'sheets.googleapis.com',
			'PUT',
			`/v4/spreadsheets/${spreadsheetId}/values/Permohonan!A2?valueInputOption=RAW`,
			{
				headers: bearer(accessToken),
				body: { values: [['SKU-1', 'Menunggu', '', 'Siti', '3577014107900001']] },
			},
		);
		// The sandbox plays the script inside the write's own request and logs each post it makes
		// before answering: once the write is answered, a script it ran would be in the log.
		expect((await api(t, 'GET', '/api/sheet-edits')).json).toEqual([]);

		await api(t, 'PATCH', '/api/sheet/rows/2', { Status: 'Disetujui' });
		await waitForPosts(1);
		const [post] = received;
		expect(sheetEditRefusal(post.body, post.signature, sheetEditSecret)).toBeUndefined();
		// It signs the time it posts at, so n8n takes the call now and would refuse it replayed later.
		const signed = parseSheetEdit(JSON.parse(post.body.toString('utf8')));
		expect(Math.abs(Date.now() - Date.parse(signed.editedAt))).toBeLessThan(60_000);
		expect(sheetEditTimeRefusal(signed, new Date())).toBeUndefined();
		expect(sheetEditTimeRefusal(signed, new Date(Date.now() + 6 * 60_000))).toMatch(
			/more than 5 minutes ago/,
		);
		expect(sheetEditRefusal(post.body, post.signature, 'another secret')).toMatch(/wrong/);
		const edit = parseSheetEdit(JSON.parse(post.body.toString('utf8')));
		expect(edit).toMatchObject({
			spreadsheetId,
			sheetName: 'Permohonan',
			column: 'Status',
			rows: [{ row: 2, ticket: 'SKU-1', status: 'Disetujui' }],
		});
		expect(post.body.toString('utf8')).not.toMatch(/Siti|3577014107900001/);
		const log = (await api(t, 'GET', '/api/sheet-edits')).json;
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ status: 200, signature: post.signature });
	});
});

describe('sheet edit signatures', () => {
	const body = Buffer.from('{"sheetName":"Permohonan","rows":[]}');
	it('refuses unsigned, forged and unkeyed calls with the reason', () => {
		expect(sheetEditRefusal(body, signSheetEdit(body, 's3cret'), 's3cret')).toBeUndefined();
		expect(sheetEditRefusal(body, undefined, 's3cret')).toMatch(/no x-pecelan-signature/);
		expect(sheetEditRefusal(body, 'sha256=00', 's3cret')).toMatch(/wrong/);
		expect(sheetEditRefusal(body, signSheetEdit(body, 's3cret'), '')).toMatch(/no shared secret/);
	});
	it('refuses a signed body that is not an edit', () => {
		expect(() => parseSheetEdit([])).toThrow(/not a JSON object/);
		expect(() => parseSheetEdit({ sheetName: 'P', rows: [{ row: 'x' }] })).toThrow(/rows\[0\]/);
	});
});
