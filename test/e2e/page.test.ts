// The sandbox page against the real workflows, as a newcomer uses it in a browser: the resident's
// chat asks for the status and gets n8n's answer, staff approve in the sheet's Status dropdown,
// and the letter appears in the chat without a reload. Saves the README's screenshots on request.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

import { launchChromium } from '../support/browser';

import { columns as c, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();
const SHOTS = process.env.PECELAN_UPDATE_SCREENSHOTS
	? join(__dirname, '..', '..', 'docs', 'screenshots')
	: join(tmpdir(), `pecelan-e2e-shots-${process.pid}`);

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('the sandbox page with the real workflows', () => {
	it('chats as a resident and approves as staff, both updating live', async () => {
		const waId = '6281399991109';
		const ticket = await submitRequest(
			new Resident(stack(), waId, 'Lina Marlina'),
			'domisili',
			(field) => (field.key === 'nama' ? 'Lina Marlina' : undefined),
		);
		await rowOf(stack(), ticket);

		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(stack().sandboxUrl);
		await page.locator('#health.ok').waitFor({ timeout: 30000 });
		await page.selectOption('#resident', waId);
		await page.locator('.msg.out', { hasText: ticket }).first().waitFor();

		await page.fill('#text', 'status');
		await page.press('#text', 'Enter');
		// n8n's answer: the status of this resident's own request.
		await page
			.locator('.msg.out', { hasText: statuses.pending })
			.last()
			.waitFor({ timeout: 60000 });
		mkdirSync(SHOTS, { recursive: true });
		await page.screenshot({ path: join(SHOTS, 'sandbox-status.png'), animations: 'disabled' });

		const row = page.locator('tbody tr', { hasText: ticket });
		// Status is one of the row's dropdowns (Penandatangan is another): picked by its column.
		const status = `select[name="${c.status}"]`;
		await row.locator(status).selectOption(statuses.approved);
		// The approvals workflow (every 15 s) numbers, prints and sends the letter; it appears live.
		await page.locator('.msg.out a', { hasText: '.pdf' }).last().waitFor({ timeout: 150000 });
		await page.locator('tbody tr', { hasText: ticket }).locator(status).waitFor();
		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		await page
			.locator('tbody tr', { hasText: done.values[c.letterNumber] })
			.waitFor({ timeout: 10000 });
		await page.screenshot({ path: join(SHOTS, 'sandbox-letter.png'), animations: 'disabled' });
		await page.close();
	});
});
