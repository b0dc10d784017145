// Staff decisions through the real approvals workflow: a rejection with a reason, a fix round
// trip that keeps the ticket, status questions before and after, and an inheritance letter whose
// list of heirs prints in full.
import { readPdf, squash } from '../support/pdfText';
import {
	columns as c,
	decide,
	documentLinks,
	nextApprovalsRound,
	nextUnpromptedMessage,
	rowOf,
	statuses,
} from './support/office';
import {
	catalog,
	photoOf,
	Resident,
	said,
	submitRequest,
	templatePattern,
	word,
} from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();
const m = catalog.messages;

describe('staff decisions', () => {
	it('a rejection reaches the resident with the reason, and the status says so', async () => {
		const budi = new Resident(stack(), '6281322220002', 'Budi Santoso');
		const ticket = await submitRequest(budi, 'domisili');
		await rowOf(stack(), ticket);

		await budi.say('status');
		expect(budi.lastText).toContain(ticket);
		expect(budi.lastText).toContain(statuses.pending);

		const before = (await budi.chat()).length;
		await decide(stack(), ticket, statuses.rejected, 'Alamat berbeda dengan Kartu Keluarga');
		const notice = await nextUnpromptedMessage(
			budi,
			before,
			(msg) => said('notice.rejected', msg.text),
			'the rejection',
		);
		expect(notice.text).toContain('Alamat berbeda dengan Kartu Keluarga');
		expect(notice.text).toContain(ticket);
		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.notifiedAt]);
		const handled = new Date();
		expect(row.values[c.letterNumber]).toBe('');

		await budi.say('status');
		expect(budi.lastText).toContain(statuses.rejected);
		expect(budi.lastText).toContain('Alamat berbeda dengan Kartu Keluarga');
		// Handled once: no second notice once another whole approvals round has run.
		await nextApprovalsRound(stack(), handled);
		const notices = (await budi.chat()).filter((msg) => said('notice.rejected', msg.text));
		expect(notices).toHaveLength(1);
	});

	it('"Perbaiki" asks again for what the note names, keeps the ticket, and the fixed request is approved', async () => {
		const dewi = new Resident(stack(), '6281333330003', 'Dewi Lestari');
		const ticket = await submitRequest(dewi, 'pengantar-skck');
		const filed = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);

		const before = (await dewi.chat()).length;
		await decide(stack(), ticket, statuses.fix, 'Foto KTP buram, mohon kirim ulang');
		const ask = await nextUnpromptedMessage(
			dewi,
			before,
			(msg) => templatePattern('document.ask').test(msg.text),
			'the request for a new photo',
		);
		const ktp = catalog.services
			.find((s) => s.key === 'pengantar-skck')!
			.documents.find((d) => d.key === 'ktp')!;
		const oldKtp = await documentLinks(filed.values[c.documents], ktp.label);
		expect(oldKtp).toHaveLength(1);
		expect(ask.text).toContain(ktp.label);
		const intro = (await dewi.chat()).slice(before).find((msg) => said('fix.intro', msg.text));
		expect(intro?.text).toContain('Foto KTP buram');
		await rowOf(stack(), ticket, (r) => !!r.values[c.notifiedAt]);

		// The resident sends the new photo and confirms again.
		dewi.replies = [ask];
		const newPhoto = photoOf('KTP baru');
		await dewi.photo(newPhoto);
		if (said('document.received', dewi.lastText)) await dewi.say(word('command.done'));
		expect(said('summary.ask', dewi.replies.at(-1)!.text)).toBe(true);
		await dewi.tap(m['button.confirm']);
		expect(said('resubmitted', dewi.lastText)).toBe(true);
		expect(dewi.lastText).toContain(ticket);

		// The same row, back to "Menunggu", notified cleared, the documents filed again.
		const row = await rowOf(
			stack(),
			ticket,
			(r) =>
				r.values[c.status] === statuses.pending &&
				!r.values[c.notifiedAt] &&
				!!r.values[c.documents] &&
				r.values[c.documents] !== filed.values[c.documents],
		);
		// The KTP in the folder the row now links is the photo sent for the fix, and only that one.
		const ktpLinks = await documentLinks(row.values[c.documents], ktp.label);
		expect(ktpLinks).toHaveLength(1);
		expect(ktpLinks[0]).not.toBe(oldKtp[0]);
		const linked = await fetch(ktpLinks[0]);
		expect(linked.status).toBe(200);
		expect(Buffer.from(await linked.arrayBuffer())).toEqual(newPhoto.data);
		const rows = (await (await fetch(`${stack().sandboxUrl}/api/sheet`)).json()) as {
			rows: Array<{ values: Record<string, string> }>;
		};
		expect(rows.rows.filter((r) => r.values[c.ticket] === ticket)).toHaveLength(1);

		const beforeLetter = (await dewi.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		await nextUnpromptedMessage(
			dewi,
			beforeLetter,
			(msg) => !!msg.document,
			'the letter after the fix',
		);
		await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		await dewi.say('status');
		expect(dewi.lastText).toContain(statuses.done);
	});

	it('an inheritance letter lists every heir the resident entered', async () => {
		const heirs = ['Ahmad Fauzi', 'Rina Marlina', 'Joko Widodo Santoso'];
		const rudi = new Resident(stack(), '6281344440004', 'Rudi Hartono');
		const ticket = await submitRequest(
			rudi,
			'ahli-waris',
			(field, record) => {
				if (field.key === 'nama' && record !== undefined && heirs[record]) return heirs[record];
				return undefined;
			},
			{ ahli_waris: heirs.length, saksi: 2 },
		);
		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		for (const heir of heirs) expect(row.values[c.details]).toContain(heir);

		const before = (await rudi.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		const letter = await nextUnpromptedMessage(
			rudi,
			before,
			(msg) => !!msg.document,
			'the inheritance letter',
		);
		const text = squash(
			(await readPdf(await rudi.download(letter.document!.url))).map((p) => p.text).join(' '),
		);
		expect(text).toContain('AHLI WARIS');
		// The sandbox office is configured completely: a signatory with name and NIP, no placeholder.
		expect(text).toContain('Hadi Santoso Contoh');
		expect(text).toContain('NIP. 19700101 199503 1 001');
		expect(text).not.toContain('atur di node');
		for (const heir of heirs) expect(text.toUpperCase()).toContain(heir.toUpperCase());
	});
});
