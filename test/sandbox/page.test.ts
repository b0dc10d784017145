import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

import { launchChromium } from '../support/browser';
import {
	api,
	bearer,
	startReceiver,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

// The README's screenshots come from the end-to-end page test (real workflows); this one checks
// the page alone and keeps its screenshot out of the work tree.
const SCREENSHOT = join(tmpdir(), `pecelan-sandbox-page-${process.pid}.png`);
const HEADER = [
	'Tiket',
	'Waktu',
	'WhatsApp',
	'Nama',
	'NIK',
	'Layanan',
	'Dokumen',
	'Status',
	'Catatan',
	'Nomor Surat',
];
const RESIDENT = '6281234567890';

let t: TestSandbox;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	t = await startTestSandbox({ sheetHeader: HEADER });
	receiver = await startReceiver();
	t.sandbox.setIntakeWebhookUrl(receiver.url);
	browser = await launchChromium();
}, 30000);
afterAll(async () => {
	await browser?.close();
	await receiver?.close();
	await t?.close();
});

/** What n8n would do: answer the resident through the Graph stand-in and append a request row. */
async function seed() {
	const { accessToken, phoneNumberId, spreadsheetId, sheetName } = t.sandbox.config();
	const graph = (body: object) =>
		viaProxy(t, 'graph.facebook.com', 'POST', `/v21.0/${phoneNumberId}/messages`, {
			headers: bearer(accessToken),
			body: { messaging_product: 'whatsapp', to: RESIDENT, ...body },
		});
	await api(t, 'POST', `/api/residents/${RESIDENT}/messages`, {
		text: 'halo',
		name: 'Siti Aminah',
	});
	await graph({
		type: 'interactive',
		interactive: {
			type: 'list',
			header: { type: 'text', text: 'Kelurahan Oro-Oro Ombo' },
			body: { text: 'Selamat datang, Siti. Silakan pilih layanan.' },
			footer: { text: 'Ketik "menu" kapan saja' },
			action: {
				button: 'Pilih layanan',
				sections: [
					{
						title: 'Surat',
						rows: [
							{ id: 'sktm', title: 'SKTM', description: 'Surat Keterangan Tidak Mampu' },
							{ id: 'domisili', title: 'Domisili' },
						],
					},
				],
			},
		},
	});
	await graph({
		type: 'interactive',
		interactive: {
			type: 'button',
			body: { text: 'Lanjutkan permohonan SKTM?' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'yes', title: 'Ya' } },
					{ type: 'reply', reply: { id: 'no', title: 'Batal' } },
				],
			},
		},
	});
	await viaProxy(
		t,
		'sheets.googleapis.com',
		'POST',
		`/v4/spreadsheets/${spreadsheetId}/values/${sheetName}!A:J:append?valueInputOption=RAW`,
		{
			headers: bearer(accessToken),
			body: {
				values: [
					[
						'PCL-7K2Q',
						'2026-05-05 09:12',
						RESIDENT,
						'Siti Aminah',
						'3577********0001',
						'SKTM',
						`${t.sandbox.url}/api/media/x`,
						'Menunggu',
						'',
						'',
					],
					[
						'PCL-9XA1',
						'2026-05-05 09:40',
						'6285712345678',
						'Budi Santoso',
						'3577********0003',
						'Domisili',
						'',
						'Disetujui',
						'',
						'400.12/41/401.301.3/2026',
					],
				],
			},
		},
	);
}

describe('sandbox page', () => {
	it('lets a resident chat and tap a list row, and staff change a Status, both updating live', async () => {
		await seed();
		t.sandbox.setN8n({ url: 'http://127.0.0.1:5678', ready: async () => true });
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(t.sandbox.url);
		await page.locator('.msg', { hasText: 'Lanjutkan permohonan SKTM?' }).waitFor();

		await page.getByRole('button', { name: '☰ Pilih layanan' }).click();
		await page.getByRole('button', { name: /SKTM/ }).click();
		await page.locator('.msg.in', { hasText: 'SKTM' }).waitFor();
		const delivered = JSON.parse(receiver.received.at(-1)!.raw.toString()).entry[0].changes[0].value
			.messages[0];
		expect(delivered.interactive).toMatchObject({ type: 'list_reply', list_reply: { id: 'sktm' } });

		await page.fill('#text', 'Nama saya Siti Aminah');
		await page.press('#text', 'Enter');
		await page.locator('.msg.in', { hasText: 'Nama saya Siti Aminah' }).waitFor();

		const patched = () =>
			page.waitForResponse(
				(r) => r.url().includes('/api/sheet/rows/2') && r.request().method() === 'PATCH',
			);
		let saved = patched();
		await page.locator('tbody tr').first().locator('select').selectOption('Perbaiki');
		await saved;
		expect((await api(t, 'GET', '/api/sheet')).json.rows[0].values.Status).toBe('Perbaiki');
		const note = page.locator('tbody tr').first().locator('td.note');
		saved = patched();
		await note.click();
		await page.keyboard.type('Foto KTP buram, mohon kirim ulang');
		await page.keyboard.press('Enter');
		await saved;
		expect((await api(t, 'GET', '/api/sheet')).json.rows[0].values.Catatan).toBe(
			'Foto KTP buram, mohon kirim ulang',
		);

		// A message from "n8n" shows up without a reload.
		const { accessToken, phoneNumberId } = t.sandbox.config();
		await viaProxy(t, 'graph.facebook.com', 'POST', `/v21.0/${phoneNumberId}/messages`, {
			headers: bearer(accessToken),
			body: {
				messaging_product: 'whatsapp',
				to: RESIDENT,
				type: 'text',
				text: { body: 'Terima kasih. Permohonan Anda sedang diperiksa petugas.' },
			},
		});
		await page.locator('.msg.out', { hasText: 'sedang diperiksa' }).waitFor({ timeout: 2000 });

		await page.locator('#health.ok').waitFor();
		mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
		await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
		await page.close();
	}, 30000);
});
