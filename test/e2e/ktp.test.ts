// The KTP photo in the conversation, through the real workflows: at the identity questions the
// resident sends a photo of their KTP (a synthetic card drawn from a sample identity), hears
// "Sedang membaca KTP …", sees the fields read with the NIK masked, says "Ya, benar", and the
// request needs at least 8 fewer messages than the same request typed; the letter carries what
// was confirmed. A correction ("Ubah alamat") is asked and shown again; a blurred photo leaves the
// questions as they were, with a short reason.
import { drawKtpPhoto, PHOTO_STYLES, type PhotoStyle } from '../support/ktp/draw';
import { SAMPLE_KTPS, type SampleKtp } from '../support/ktp/identities';
import type { FieldSpec } from '../../nodes/domain/catalog/types';
import { pdfText } from './support/letter';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { catalog, fillRequest, Resident, said, templatePattern } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();

const m = catalog.messages;
const SERVICE = 'pengantar-skck';
const service = catalog.services.find((s) => s.key === SERVICE)!;
const ktp = SAMPLE_KTPS[1];

/** A resident who counts the messages they send. */
class Counting extends Resident {
	sent = 0;
	override async send(body: Record<string, unknown>) {
		this.sent++;
		return super.send(body);
	}
}

/** The photo as a phone sends it over WhatsApp. */
function photoOf(card: SampleKtp, style: PhotoStyle, seed: number) {
	return { fileName: 'ktp.jpg', mimeType: 'image/jpeg', data: drawKtpPhoto(card, style, seed) };
}

const title = (text: string) => text.toLowerCase().replace(/\b\w/g, (x) => x.toUpperCase());

/** What the same resident types for each identity question (what is printed on the card). */
function typedFromCard(field: FieldSpec): string | undefined {
	const typed: Record<string, string> = {
		nama: title(ktp.nama),
		nik: ktp.nik,
		tempat_lahir: title(ktp.tempatLahir),
		tanggal_lahir: ktp.tanggalLahir.split('-').reverse().join('-'),
		jenis_kelamin: ktp.jenisKelamin,
		agama: title(ktp.agama),
		status_perkawinan: title(ktp.statusPerkawinan),
		pekerjaan: title(ktp.pekerjaan),
		kewarganegaraan: ktp.kewarganegaraan,
		alamat: title(ktp.alamat),
		rt: ktp.rt,
		rw: ktp.rw,
	};
	return typed[field.key];
}

async function toIdentity(resident: Resident): Promise<void> {
	await resident.say('halo');
	await resident.tap(m['menu.request']);
	await resident.choose(SERVICE);
	await resident.tap(m['button.continue']);
	// The first identity question comes with the offer to read the KTP from a photo.
	expect(resident.lastText).toContain(m['ktp.offer']);
	expect(resident.lastText).toContain(service.fields[0].question);
}

async function submitted(resident: Resident): Promise<string> {
	await resident.tap(m['button.confirm']);
	const ticket = templatePattern('submitted').exec(resident.lastText)?.[2];
	if (!ticket) throw new Error(`no ticket in: ${resident.lastText}`);
	return ticket;
}

describe('the KTP photo at the identity questions', () => {
	it('is read, shown masked, confirmed with one tap: ≥ 8 fewer messages, and the letter carries it', async () => {
		const typed = new Counting(stack(), '6281347000001', 'Budi');
		await toIdentity(typed);
		await fillRequest(typed, service, (field, record) =>
			record === undefined ? typedFromCard(field) : undefined,
		);
		await submitted(typed);

		const reader = new Counting(stack(), '6281347000002', 'Budi');
		await toIdentity(reader);
		await reader.photo(photoOf(ktp, PHOTO_STYLES.phone, 11));
		// "Sedang membaca KTP …" leaves first, then the fields read.
		const [reading, ...shown] = reader.replies;
		expect(reading.text).toBe(m['ktp.reading']);
		const read = shown.map((r) => r.text).join('\n');
		expect(said('ktp.read', read)).toBe(true);
		expect(read).toContain(`************${ktp.nik.slice(-4)}`);
		expect(read).not.toContain(ktp.nik);
		expect(read).toContain(title(ktp.nama));
		expect(read).toMatch(/Salak/i);
		await reader.tap(m['button.ktp.yes']);
		// The photo is the KTP file too: said once, and never asked for with the documents.
		expect(reader.replies.map((r) => r.text)).toContain(m['ktp.filed']);
		for (const key of ['nama', 'nik', 'tempat_lahir', 'agama', 'alamat'])
			expect(reader.lastText).not.toContain(service.fields.find((f) => f.key === key)!.question);
		await fillRequest(reader, service);
		const summary = reader.lastText;
		expect(summary).toContain(title(ktp.nama));
		expect(summary).toContain(ktp.nik.slice(-4));
		const ticket = await submitted(reader);
		const asked = (await reader.chat())
			.filter((msg) => msg.direction === 'out')
			.map((msg) => templatePattern('document.ask').exec(msg.text ?? '')?.[1])
			.filter((label) => !!label);
		expect(asked.length).toBeGreaterThan(0);
		expect(asked).not.toContain('KTP');
		const filed = await rowOf(stack(), ticket, (r) => /KTP/.test(r.values[c.documents]));
		expect(filed.values[c.documents]).toMatch(/KTP/);

		expect(typed.sent - reader.sent).toBeGreaterThanOrEqual(8);

		const before = (await reader.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		const letter = await nextUnpromptedMessage(
			reader,
			before,
			(msg) => !!msg.document,
			'the letter',
		);
		const row = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		expect(row.values[c.name]).toBe(title(ktp.nama));
		const text = (await pdfText(await reader.download(letter.document!.url))).toUpperCase();
		for (const printed of [ktp.nama, ktp.nik, ktp.tempatLahir, '17 AGUSTUS 1985', 'SALAK'])
			expect(text).toContain(printed);
	});

	it('"Ubah alamat" asks the address and shows the reading again; only then is it used', async () => {
		const resident = new Resident(stack(), '6281347000003', 'Budi');
		await toIdentity(resident);
		await resident.photo(photoOf(ktp, PHOTO_STYLES.phone, 11));
		expect(said('ktp.read', resident.lastText)).toBe(true);
		await resident.say('Ubah alamat');
		expect(resident.lastText).toContain(service.fields.find((f) => f.key === 'alamat')!.question);
		await resident.say('Jl. Merpati No. 9');
		expect(said('ktp.read', resident.lastText)).toBe(true);
		expect(resident.lastText).toContain('Jl. Merpati No. 9');
		await resident.tap(m['button.ktp.yes']);
		await fillRequest(resident, service);
		expect(resident.lastText).toContain('Jl. Merpati No. 9');
		expect(resident.lastText).not.toMatch(/salak/i);
	});

	it('a blurred photo: the short reason, then the questions as today', async () => {
		const resident = new Resident(stack(), '6281347000004', 'Siti');
		await toIdentity(resident);
		await resident.photo(photoOf(SAMPLE_KTPS[0], PHOTO_STYLES.blurred, 12));
		expect(resident.replies[0].text).toBe(m['ktp.reading']);
		expect(resident.lastText).toContain(m['ktp.unreadable.blur']);
		expect(resident.lastText).toContain(service.fields[0].question);
		expect(said('ktp.read', resident.lastText)).toBe(false);
		await resident.say('Siti Aminah');
		expect(resident.lastText).toContain(service.fields.find((f) => f.key === 'nik')!.question);
	});
});
