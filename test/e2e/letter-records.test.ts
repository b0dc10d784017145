// What the public and the office's Drive keep of a letter, through the real workflows: the QR page
// answers from the letter's verification record (it works with Google Sheets down), follows staff
// revoking the letter and undoing it, and says the same 404 to any other code; each request's
// photos live in a folder of their own that the retention workflow deletes once the letter is
// delivered and the period passed, the row then saying so; a letter issued before records existed
// gets one from the nightly run.
import { randomBytes } from 'node:crypto';

import verification from '../../templates/signing/verification.json';
import { faultClient, staffClient } from './support/clients';
import { checkLetter } from './support/letter-check';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import type { StackInfo } from './support/stack-info';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import { editWorkflow, pauseWorkflow } from './support/workflow-edit';

const stack = useStack();
/** Not in the numbering's pattern, so it does not move the sequence of new letters. */
const LEGACY_NUMBER = `400.12.2/LAMA/401.301.3/${new Date().getFullYear()}`;
/** Approvals poll every 15 s; a busy machine takes a few rounds. */
const ROUNDS = { timeoutMs: 150000, intervalMs: 1000 };

function verifyUrl(info: StackInfo, code: string): string {
	const hook = info.workflows.flatMap((w) => w.webhooks).find((h) => h.url.includes('/verifikasi'));
	if (!hook) throw new Error('the verify workflow has no webhook');
	return hook.url.replace(':code', encodeURIComponent(code));
}

async function page(code: string): Promise<{ status: number; html: string }> {
	const response = await fetch(verifyUrl(stack(), code));
	return { status: response.status, html: await response.text() };
}

async function media(path: string): Promise<{ status: number; body: any }> {
	const response = await fetch(new URL(path, stack().sandboxUrl));
	const text = await response.text();
	return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

/** Approves a request and waits for the delivered letter and its finished row. */
async function deliveredLetter(resident: Resident, ticket: string) {
	const before = (await resident.chat()).length;
	await decide(stack(), ticket, statuses.approved);
	await nextUnpromptedMessage(resident, before, (m) => !!m.document, 'the letter');
	return rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
}

describe('the verification record', () => {
	it('is what the QR page reads; revocation and its undoing show; other codes are 404', async () => {
		const dewi = new Resident(stack(), '6281377770001', 'Dewi Lestari');
		const ticket = await submitRequest(dewi, 'domisili');
		const row = await deliveredLetter(dewi, ticket);
		const code = row.values[c.verificationCode];
		const nik = row.values[c.nik];
		const number = row.values[c.letterNumber];

		const found = await waitFor(
			async () => {
				const p = await page(code);
				return p.status === 200 && p;
			},
			{ timeoutMs: 30000, description: 'the page of the new letter' },
		);
		expect(found.html).toContain(number);
		expect(found.html).toContain(`${nik.slice(0, 4)}********${nik.slice(-4)}`);
		expect(found.html).not.toContain(nik);

		// Google Sheets refuses every call: the page still confirms the letter, from its record.
		// (Approvals, the only other reader now, is paused so the fault cannot strike it.)
		const resume = await pauseWorkflow(stack(), /Approvals/);
		const faults = faultClient(stack());
		try {
			await faults.arm({ service: 'sheets', operation: 'any', status: 500, times: 100000 });
			const offline = await page(code);
			expect(offline.status).toBe(200);
			expect(offline.html).toContain(number);
			expect(offline.html).toContain(row.values[c.name]);
			expect((await faults.list())[0].hits).toBe(0);
		} finally {
			await faults.clear();
			await resume();
		}

		const staff = staffClient(stack());
		await staff.setStatus(row.rowNumber, statuses.revoked);
		const revoked = await waitFor(
			async () => {
				const p = await page(code);
				return p.status === 410 && p;
			},
			{ ...ROUNDS, description: 'the page saying the letter is revoked' },
		);
		expect(revoked.html).toContain('telah dicabut');
		expect(revoked.html).toContain(number);
		// The file itself, uploaded to the letter check: intact, and revoked all the same.
		const file = await dewi.download(
			(await dewi.chat()).filter((m) => m.document).at(-1)!.document!.url,
		);
		const checked = await checkLetter(stack().n8nUrl, file);
		expect(checked).toContain(verification.revoked);
		expect(checked).toContain(verification.intact);
		expect(checked).not.toContain(verification.recorded);

		// Revoked by mistake: back to Selesai, the page confirms the letter again.
		await staff.setStatus(row.rowNumber, statuses.done);
		await waitFor(async () => (await page(code)).status === 200, {
			...ROUNDS,
			description: 'the page confirming the letter again',
		});
		const again = await checkLetter(stack().n8nUrl, file);
		expect(again).toContain(verification.recorded);
		expect(again).not.toContain(verification.revoked);

		const guessed = await page(code.slice(0, -2) + (code.endsWith('ZZ') ? 'YY' : 'ZZ'));
		expect(guessed.status).toBe(404);
		expect(guessed.html).not.toContain(number);
		for (const hostileCode of ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>']) {
			const hostile = await page(hostileCode);
			expect(hostile.status).toBe(404);
			expect(hostile.html).not.toMatch(/<img|<svg/i);
		}
	});
});

describe('request folders on Drive', () => {
	it("hold a request's photos, and go with them once the letter is delivered and the period passed", async () => {
		// Retention every 5 seconds, files kept 0 days after the request is finished.
		const restore = await editWorkflow(stack(), /Retention/, {
			'Every Night': () => ({ rule: { interval: [{ field: 'seconds', secondsInterval: 5 }] } }),
			'Retention Periods': (parameters: any) => {
				const fileDays = parameters.assignments.assignments.find((a: any) => a.name === 'fileDays');
				fileDays.value = 0;
				return parameters;
			},
		});
		try {
			const bayu = new Resident(stack(), '6281377770002', 'Bayu Saputra');
			const ticket = await submitRequest(bayu, 'domisili');
			const filed = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
			// The cell names what the folder holds and links the folder, which lists its files.
			const folderLink = filed.values[c.documents].split('\n')[1];
			const listed = (await (await fetch(folderLink)).json()) as { files: Array<{ url: string }> };
			const links = listed.files.map((f) => new URL(f.url, folderLink).toString());
			expect(links.length).toBeGreaterThan(0);

			// One folder named by the ticket in the office's folder, holding exactly the linked files.
			const office = await media(`/api/media/${stack().config.driveFolderId}`);
			const folder = office.body.files.find((f: any) => f.name === ticket);
			expect(folder).toBeDefined();
			const inFolder = (await media(`/api/media/${folder.id}`)).body.files.map((f: any) => f.url);
			expect(inFolder.sort()).toEqual(links.map((l) => new URL(l).pathname).sort());

			// Still there while the request waits for staff.
			expect((await media(`/api/media/${folder.id}`)).status).toBe(200);
			await deliveredLetter(bayu, ticket);

			const cleared = await rowOf(stack(), ticket, (r) =>
				/^Berkas dihapus/.test(r.values[c.documents]),
			);
			expect(cleared.values[c.documents]).not.toMatch(/https?:/);
			expect((await media(`/api/media/${folder.id}`)).status).toBe(404);
			for (const link of links) expect((await fetch(link)).status).toBe(404);
			expect((await fetch(folderLink)).status).toBe(404);

			// A letter issued (earlier this month) before verification records existed: the nightly
			// run gives it one.
			const staff = staffClient(stack());
			const rows = (await staff.sheet()).rows;
			const legacyRow = Math.max(...rows.map((r) => r.rowNumber)) + 1;
			const legacyCode = randomBytes(15).toString('base64url').toUpperCase().slice(0, 21);
			await staff.setCells(legacyRow, {
				[c.ticket]: 'SKU-LAMA001',
				[c.status]: statuses.done,
				[c.name]: 'Warga <b>Lama</b>',
				[c.nik]: '3577011708900005',
				[c.service]: 'Surat Keterangan Domisili',
				[c.serviceKey]: 'domisili',
				[c.waId]: '6281377770003',
				[c.letterNumber]: LEGACY_NUMBER,
				[c.verificationCode]: legacyCode,
				[c.receivedAt]: new Date(Date.now() - 60000).toISOString(),
				[c.completedAt]: new Date().toISOString(),
			});
			const legacy = await waitFor(
				async () => {
					const p = await page(legacyCode);
					return p.status === 200 && p;
				},
				{ ...ROUNDS, description: 'the page of a letter issued before records' },
			);
			expect(legacy.html).toContain(LEGACY_NUMBER);
			expect(legacy.html).toContain('Warga &lt;b&gt;Lama&lt;/b&gt;');
			expect(legacy.html).toContain('3577********0005');
			expect(legacy.html).not.toContain('<b>Lama');
		} finally {
			await restore();
		}
	});
});
