// One resident, one letter, end to end through the real workflows: the requirements first, the
// request with a mistake corrected, photos, confirmation and ticket; the row for staff; approval;
// the signed PDF in the chat holding the resident's data and number; its QR link confirming it.
import { readPdf, squash } from '../nodes/shared/letter/pdf-text';
import { decide, columns as c, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { catalog, fillRequest, Resident, said, templatePattern } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();
const m = catalog.messages;
const sku = catalog.services.find((s) => s.key === 'sku-kur')!;

describe('a business-licence letter (SKU) from greeting to verified PDF', () => {
	it('is requested, corrected, filed, approved, delivered and verifiable', async () => {
		const siti = new Resident(stack(), '6281311110001', 'Siti Aminah');
		await siti.say('halo');
		expect(siti.lastText).toContain('Siti Aminah');
		await siti.tap(m['menu.info']);
		await siti.choose(sku.key);
		// The requirements name every document before anything is asked.
		for (const doc of sku.documents) expect(siti.lastText).toContain(doc.label);
		await siti.tap(m['button.request']);

		let nikAttempts = 0;
		await fillRequest(siti, sku, (field) => {
			if (field.key === 'nama') return 'Siti Aminah';
			if (field.key === 'tanggal_lahir') return '1 Juli 1990';
			if (field.key === 'jenis_kelamin') return 'perempuan';
			// First a NIK with a man's birth day for 1 July 1990, then the right one (+40).
			if (field.key === 'nik') return nikAttempts++ === 0 ? '3577010107900001' : '3577014107900001';
			if (field.key === 'usaha_nama') return 'Warung =SUM(A1)';
			return undefined;
		});
		expect(nikAttempts).toBe(2);
		expect(siti.lastText).toContain('3577********0001');
		expect(siti.lastText).not.toContain('3577014107900001');

		await siti.tap(m['button.confirm']);
		expect(said('submitted', siti.lastText)).toBe(true);
		const ticket = templatePattern('submitted').exec(siti.lastText)![2];

		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		expect(row.values[c.status]).toBe(statuses.pending);
		expect(row.values[c.nik]).toBe('3577014107900001');
		expect(row.values[c.waId]).toBe('6281311110001');
		expect(row.values[c.details]).toContain('1 Juli 1990');
		// Written RAW: the resident's formula stays text.
		expect(row.values[c.details]).toContain('Warung =SUM(A1)');
		for (const doc of sku.documents.filter((d) => !d.optional))
			expect(row.values[c.documents]).toContain(doc.label);
		const photo = await fetch(/(https?:\/\/\S+)/.exec(row.values[c.documents])![1]);
		expect(await photo.text()).toMatch(/^photo of /);

		const before = (await siti.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		const letter = await nextUnpromptedMessage(siti, before, (msg) => !!msg.document, 'the letter');
		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		const number = done.values[c.letterNumber];
		expect(number).toMatch(/^400\.12\.[\d.]+\/\d{3}\/401\.301\.3\/\d{4}$/);
		expect(done.values[c.completedAt]).not.toBe('');
		const notice = (await siti.chat())
			.slice(before)
			.find((msg) => said('notice.approved', msg.text));
		expect(notice?.text).toContain(number);

		const pdf = await siti.download(letter.document!.url);
		const pages = await readPdf(pdf);
		const text = squash(pages.map((p) => p.text).join(' '));
		expect(text).toContain(number);
		expect(text).toContain('SURAT KETERANGAN USAHA');
		expect(text).toMatch(/SITI AMINAH|Siti Aminah/);
		expect(text).toContain('Warung =SUM(A1)');

		// The QR link (also written in the row as its code) confirms the letter, with a masked NIK.
		const code = done.values[c.verificationCode];
		expect(code.length).toBeGreaterThanOrEqual(20);
		const verifyUrl = new URL(`/webhook/${verifyHook(stack())}/verifikasi/${code}`, stack().n8nUrl);
		const page = await fetch(verifyUrl);
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(html).toContain(number);
		expect(html).toContain('Siti Aminah');
		expect(html).toContain('3577********0001');
		expect(html).not.toContain('3577014107900001');
		const forged = await fetch(
			new URL(`/webhook/${verifyHook(stack())}/verifikasi/${code.slice(0, -2)}ZZ`, stack().n8nUrl),
		);
		expect(forged.status).toBe(404);
	});
});

function verifyHook(info: ReturnType<typeof stack>): string {
	const hook = info.workflows.flatMap((w) => w.webhooks).find((h) => h.url.includes('/verifikasi'));
	if (!hook) throw new Error('the verify workflow has no webhook');
	return new URL(hook.url).pathname.split('/')[2];
}
