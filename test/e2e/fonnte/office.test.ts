// The office on Fonnte, end to end: the Setup form chose Fonnte, so every WhatsApp node talks to
// the sandbox's Fonnte (numbered menus answered by number or words, photos arriving as URLs,
// the letter as a document, notices as plain messages, a redelivered webhook, the send queue).
import { SANDBOX_FONNTE_PACE } from '../../../sandbox/runtime/stack';
import { pdfText } from '../support/letter';
import { staffClient } from '../support/clients';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from '../support/office';
import {
	catalog,
	fillRequest,
	numberedOption,
	photoOf,
	Resident,
	said,
	templatePattern,
} from '../support/resident';
import { useStack } from '../support/use-stack';
import { waitFor } from '../support/wait';

const stack = useStack();
const m = catalog.messages;
/** A resident's whole request at one message a second, then staff and the approvals round. */
const LONG = 12 * 60 * 1000;

async function sandbox<T>(path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${stack().sandboxUrl}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
	return (await res.json()) as T;
}

/** From greeting to ticket on Fonnte: every option chosen by its number, one by its words. */
async function request(resident: Resident, serviceKey: string): Promise<string> {
	const service = catalog.services.find((s) => s.key === serviceKey)!;
	await resident.say('halo');
	// The menu is numbered text: the resident types the words of the option.
	expect(numberedOption(resident.lastText, m['menu.request'])).toBeDefined();
	expect(resident.replies.every((r) => !r.buttons && !r.list)).toBe(true);
	await resident.say(m['menu.request']);
	await resident.tap(service.title);
	await fillRequest(resident, service);
	await resident.tap(m['button.confirm']);
	const ticket = templatePattern('submitted').exec(resident.lastText)?.[2];
	if (!ticket) throw new Error(`no ticket in: ${resident.lastText}`);
	return ticket;
}

describe('an office on Fonnte', () => {
	it('runs on Fonnte: the sandbox plays Fonnte and the office answers through it', async () => {
		expect(stack().config.provider).toBe('fonnte');
		const device = await sandbox<{ package: string; webhookUrl: string }>('/api/fonnte');
		expect(device.package).toBe('all feature');
		expect(device.webhookUrl).toContain('?secret=');
	});

	it(
		'an SKU request with photos: row with the photos, approval, the letter in the chat',
		async () => {
			const budi = new Resident(stack(), '6281390001001', 'Budi Hartono');
			const ticket = await request(budi, 'sku-kur');
			const service = catalog.services.find((s) => s.key === 'sku-kur')!;

			const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
			expect(row.values[c.status]).toBe(statuses.pending);
			expect(row.values[c.waId]).toBe(budi.waId);
			for (const doc of service.documents.filter((d) => !d.optional))
				expect(row.values[c.documents]).toContain(doc.label);
			// The photo went from Fonnte's URL to the request's Drive folder, bytes intact.
			const folderLink = row.values[c.documents].split('\n')[1];
			const folder = (await (await fetch(folderLink)).json()) as { files: Array<{ url: string }> };
			const photo = await fetch(new URL(folder.files[0].url, folderLink));
			expect(await photo.text()).toMatch(/^photo of /);

			const before = (await budi.chat()).length;
			await decide(stack(), ticket, statuses.approved);
			const letter = await nextUnpromptedMessage(budi, before, (x) => !!x.document, 'the letter');
			const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
			const number = done.values[c.letterNumber];
			expect(letter.text).toContain(ticket);
			expect(letter.text).toContain(number);
			expect(letter.template).toBeUndefined();
			expect(letter.document!.fileName).toMatch(/\.pdf$/);
			expect(await pdfText(await budi.download(letter.document!.url))).toContain(number);
		},
		LONG,
	);

	it(
		'a rejection reaches the resident as a plain message with the note; the status question shows it',
		async () => {
			const sri = new Resident(stack(), '6281390002002', 'Sri Rahayu');
			const ticket = await request(sri, 'domisili');
			await rowOf(stack(), ticket);
			const before = (await sri.chat()).length;
			await decide(stack(), ticket, statuses.rejected, 'Alamat berbeda dengan KK');
			const rejection = await nextUnpromptedMessage(
				sri,
				before,
				(x) => x.text.includes(ticket),
				'the rejection',
			);
			expect(rejection.text).toContain('Alamat berbeda dengan KK');
			expect(rejection.template).toBeUndefined();
			await rowOf(stack(), ticket, (r) => !!r.values[c.notifiedAt]);

			// "Cek status" by its words, then by its number in the menu.
			await sri.say('cek status');
			expect(said('status.header', sri.lastText)).toBe(true);
			expect(sri.lastText).toContain(ticket);
			expect(sri.lastText).toContain(statuses.rejected);
			await sri.say('menu');
			await sri.tap(m['menu.status']);
			expect(sri.lastText).toContain(ticket);
		},
		LONG,
	);

	it(
		'a webhook Fonnte delivers again (same inboxid) is answered once',
		async () => {
			const ani = new Resident(stack(), '6281390003003', 'Ani Lestari');
			const inboxid = `${Date.now()}`.slice(-9);
			await ani.send({ text: 'halo', messageId: inboxid });
			expect(ani.replies.length).toBeGreaterThan(0);
			const answered = (await ani.chat()).filter((x) => x.direction === 'out').length;
			await ani.send({ text: 'halo', messageId: inboxid });
			expect(ani.replies).toEqual([]);
			expect((await ani.chat()).filter((x) => x.direction === 'out')).toHaveLength(answered);
		},
		LONG,
	);

	it(
		'a photo on a package that does not forward media gets how to bring the documents instead',
		async () => {
			await sandbox('/api/fonnte', { package: 'Free' });
			try {
				const dedi = new Resident(stack(), '6281390004004', 'Dedi Kurnia');
				await dedi.say('halo');
				await dedi.photo(photoOf('KTP'));
				expect(dedi.lastText).toBe(m['unsupported.media_unavailable']);
			} finally {
				await sandbox('/api/fonnte', { package: 'all feature' });
			}
		},
		LONG,
	);

	it(
		'a burst of 10 rejections leaves the office number one by one, spaced by the configured delay',
		async () => {
			// Ten requests already in the sheet (as another resident's row, new tickets and numbers),
			// all rejected at once.
			const staff = staffClient(stack());
			const sheet = await staff.sheet();
			const model = sheet.rows.find((r) => r.values[c.serviceKey] === 'domisili')!;
			expect(model).toBeDefined();
			const targets = Array.from(
				{ length: 10 },
				(_, i) => `62813900100${String(i).padStart(2, '0')}`,
			);
			const first = Math.max(...sheet.rows.map((r) => r.rowNumber)) + 1;
			const since = Date.now();
			for (const [i, waId] of targets.entries()) {
				const values = { ...model.values };
				for (const blank of [
					c.notifiedAt,
					c.completedAt,
					c.letterNumber,
					c.verificationCode,
					c.problem,
				])
					values[blank] = '';
				Object.assign(values, {
					[c.ticket]: `${model.values[c.ticket].slice(0, -2)}${String(i).padStart(2, '0')}`,
					[c.waId]: waId,
					[c.name]: `Warga Uji ${i + 1}`,
					[c.status]: statuses.rejected,
					[c.note]: 'Berkas belum lengkap',
				});
				await staff.setCells(first + i, values);
			}
			const sends = await waitFor(
				async () => {
					const { sends } = await sandbox<{ sends: Array<{ target: string; atMs: number }> }>(
						`/api/fonnte/sends?since=${since}`,
					);
					const burst = sends.filter((s) => targets.includes(s.target));
					return burst.length >= targets.length ? burst : undefined;
				},
				{ timeoutMs: 300000, intervalMs: 1000, description: 'ten rejection notices' },
			);
			expect(new Set(sends.map((s) => s.target))).toEqual(new Set(targets));
			const { sends: all, pace } = await sandbox<{
				sends: Array<{ atMs: number }>;
				pace: { maxPerSecond: number };
			}>(`/api/fonnte/sends?since=${since}`);
			const times = all.map((s) => s.atMs).sort((a, b) => a - b);
			// Every message from the office's number, these ten and any other, took the next slot of
			// one queue: a delay apart when they left n8n (arrival adds the network's own jitter).
			const delayMs = SANDBOX_FONNTE_PACE.sendDelaySeconds * 1000;
			expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(
				(times.length - 1) * delayMs - 300,
			);
			// Never many in one second (two only when the network delays one and not the next).
			expect(pace.maxPerSecond).toBeLessThanOrEqual(2);
		},
		LONG,
	);
});
