// Three letters end to end through the real workflows, one of them with a list of records: the
// resident reads the requirements first, requests the letter, makes a mistake and corrects it,
// sends photos, confirms and gets a ticket; the row appears for staff; staff approve; the signed
// PDF in the chat holds the resident's data and the number; the QR code printed on it, read as a
// phone reads it, opens the page that confirms the letter.
import type { FieldSpec } from '../../nodes/domain/catalog/types';
import { decodeApplicationCell } from '../../nodes/domain/sheet/applicationCell';
import { staffClient } from './support/clients';
import { pdfText, qrLinkOf } from './support/letter';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import {
	catalog,
	defaultAnswer,
	fillRequest,
	Resident,
	said,
	templatePattern,
} from './support/resident';
import type { StackInfo } from './support/stack-info';
import { useStack } from './support/use-stack';

const stack = useStack();
const m = catalog.messages;

interface Journey {
	service: string;
	waId: string;
	/** The WhatsApp profile name. */
	name: string;
	/** The full name as the resident types it (default: the profile name). */
	typedName?: string;
	/** Answers beyond the defaults; a first wrong answer is given where `wrong` says. */
	answers: (field: FieldSpec, record?: number) => string | undefined;
	records?: Record<string, number>;
	/** What the letter must print besides its number. */
	printed: string[];
	/** The applicant's corrected birth date as the letter prints it, where the letter prints it. */
	printedBirthDate?: string;
	/**
	 * A letter issued in two steps (heirs.test.ts): the first approval sends the draft; staff then
	 * record this registration and approve again for the registered letter.
	 */
	registration?: { number: string; date: string };
}

const heirs = ['Ahmad Fauzi', 'Rina Marlina', 'Joko Santoso'];
const journeys: Journey[] = [
	{
		service: 'sku-kur',
		waId: '6281311110001',
		name: 'Siti Aminah',
		// Starts with "=": written USER_ENTERED, Sheets would make it a formula (and run it).
		typedName: '=SUM(A1) Siti Aminah',
		answers: (field) => {
			if (field.key === 'tanggal_lahir') return '1 Juli 1990';
			if (field.key === 'jenis_kelamin') return 'perempuan';
			// A woman's NIK carries her birth day + 40.
			if (field.key === 'nik') return '3577014107900001';
			if (field.key === 'usaha_nama') return 'Warung Bu Siti';
			return undefined;
		},
		printed: ['=SUM(A1) Siti Aminah', 'SURAT KETERANGAN USAHA', 'Warung Bu Siti'],
		printedBirthDate: '1 Juli 1990',
	},
	{
		service: 'ahli-waris',
		waId: '6281311110002',
		name: 'Rudi Hartono',
		answers: (field, record) => {
			if (field.key === 'nama' && record !== undefined) return heirs[record];
			// Not the catalog's example NIK, which the bot's hints show anyone.
			if (field.key === 'nik' && record === undefined) return '3577011708900007';
			return undefined;
		},
		records: { ahli_waris: heirs.length, saksi: 2 },
		printed: ['AHLI WARIS', ...heirs],
		registration: { number: '400.12.3/017/401.301.3/2026', date: '12/05/2026' },
	},
	{
		service: 'sktm',
		waId: '6281311110003',
		name: 'Bambang Priyono',
		answers: (field, record) => {
			if (field.key === 'keperluan') return 'Keringanan biaya rumah sakit';
			if (field.key === 'nik' && record === undefined) return '3577011708900009';
			return undefined;
		},
		records: { tanggungan: 1 },
		printed: ['Bambang Priyono', 'TIDAK MAMPU', 'Keringanan biaya rumah sakit'],
		printedBirthDate: '17 Agustus 1990',
	},
];

describe.each(journeys)('a letter end to end: $service', (journey) => {
	it('is requested with a corrected mistake, filed, approved, delivered and verifiable', async () => {
		const service = catalog.services.find((s) => s.key === journey.service)!;
		const resident = new Resident(stack(), journey.waId, journey.name);
		await resident.say('halo');
		expect(said('greeting', resident.lastText)).toBe(true);
		await resident.tap(m['menu.info']);
		await resident.choose(service.key);
		// The requirements name every document before anything is asked.
		for (const doc of service.documents) expect(resident.lastText).toContain(doc.label);
		await resident.tap(m['button.request']);

		// The resident answers "Bukan" to the birth date read from the NIK and types it; the first
		// one is impossible (31 February): the bot says so and asks again.
		const retries: string[] = [];
		let firstBirthDate = true;
		await fillRequest(
			resident,
			service,
			(field, record) => {
				if (said('field.retry', resident.lastText)) retries.push(field.key);
				if (field.key === 'nama' && record === undefined) return journey.typedName ?? journey.name;
				if (field.key === 'tanggal_lahir' && record === undefined && firstBirthDate) {
					firstBirthDate = false;
					return '31-02-1990';
				}
				return journey.answers(field, record);
			},
			journey.records,
			undefined,
			false,
		);
		expect(retries).toContain('tanggal_lahir');
		// The summary masks the NIK.
		expect(resident.lastText).toMatch(/\d{4}\*{8}\d{4}/);
		const nikField = service.fields.find((f) => f.key === 'nik')!;
		const nik = journey.answers(nikField) ?? defaultAnswer(nikField);

		await resident.tap(m['button.confirm']);
		expect(said('submitted', resident.lastText)).toBe(true);
		const ticket = templatePattern('submitted').exec(resident.lastText)![2];

		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		expect(row.values[c.status]).toBe(statuses.pending);
		expect(row.values[c.waId]).toBe(journey.waId);
		// The name cell reads back as the literal text typed, never as a formula's result.
		expect(row.values[c.name]).toBe(journey.typedName ?? journey.name);
		// Dokumen: what the request's folder holds (each required document named), then its link.
		const [holds, folderLink, ...more] = row.values[c.documents].split('\n');
		expect(more).toEqual([]);
		for (const doc of service.documents.filter((d) => !d.optional))
			expect(holds).toContain(doc.label);
		const folder = (await (await fetch(folderLink)).json()) as {
			folder: string;
			files: Array<{ name: string; url: string }>;
		};
		expect(folder.folder).toBe(ticket);
		expect(holds).toMatch(new RegExp(`^${folder.files.length} `));
		const photo = await fetch(new URL(folder.files[0].url, folderLink));
		expect(await photo.text()).toMatch(/^photo of /);

		let before = (await resident.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		if (journey.registration) {
			await nextUnpromptedMessage(resident, before, (msg) => !!msg.document, 'the draft');
			const waiting = await rowOf(
				stack(),
				ticket,
				(r) => r.values[c.status] === statuses.awaitingHeirs,
			);
			before = (await resident.chat()).length;
			await staffClient(stack()).setCells(waiting.rowNumber, {
				[c.registerNumber]: journey.registration.number,
				[c.registerDate]: journey.registration.date,
				[c.status]: statuses.approved,
			});
		}
		const letter = await nextUnpromptedMessage(
			resident,
			before,
			(msg) => !!msg.document,
			'the letter',
		);
		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		const number = done.values[c.letterNumber];
		// The service's classification code from the catalog, a three-digit sequence, the unit, the year.
		const classification = service.letter.classification.replace(/\./g, '\\.');
		expect(number).toMatch(new RegExp(`^${classification}/\\d{3}/401\\.301\\.3/\\d{4}$`));
		// One message for the decision: the letter, its caption the notice with ticket and number.
		expect(letter.text).toContain(ticket);
		expect(letter.text).toContain(number);

		expect(done.values[c.name]).toBe(journey.typedName ?? journey.name);
		const pdf = await resident.download(letter.document!.url);
		const text = await pdfText(pdf);
		expect(text).toContain(number);
		for (const printed of journey.printed)
			expect(text.toUpperCase()).toContain(printed.toUpperCase());
		if (journey.printedBirthDate) {
			// The letter holds the applicant's NIK and the corrected birth date, not the refused one.
			expect(text).toContain(nik);
			expect(text).toContain(journey.printedBirthDate);
			expect(text).not.toMatch(/31 Februari/i);
		}

		// The QR code drawn on the letter, decoded from the rendered page, opens this letter's page.
		const code = done.values[c.verificationCode];
		expect(code.length).toBeGreaterThanOrEqual(20);
		const link = await qrLinkOf(pdf);
		expect(link.pathname).toBe(verifyUrl(stack(), code).pathname);
		const page = await fetch(link);
		const html = await page.text();
		expect(page.status).toBe(200);
		// n8n owns Content-Security-Policy on webhook answers (its sandbox policy; a workflow's own is dropped).
		expect(page.headers.get('content-security-policy')).toMatch(/^sandbox /);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('no-referrer');
		expect(html).toContain(number);
		expect(html).toContain(journey.name);
		expect(html).toContain(`${nik.slice(0, 4)}********${nik.slice(-4)}`);
		// Personal data stays masked on every page anyone can open, and in everything the bot said.
		expect(html).not.toContain(nik);
		const guessed = await fetch(new URL(link.href.replace(/[^/]{2}$/, 'ZZ')));
		expect(guessed.status).toBe(404);
		expect(await guessed.text()).not.toContain(nik);
		const botSaid = (await resident.chat())
			.filter((msg) => msg.direction === 'out')
			.map((msg) => JSON.stringify(msg))
			.join('\n');
		expect(botSaid).not.toContain(nik);
	});
});

function verifyUrl(info: StackInfo, code: string): URL {
	const hook = info.workflows.flatMap((w) => w.webhooks).find((h) => h.url.includes('/verifikasi'));
	if (!hook) throw new Error('the verify workflow has no webhook');
	return new URL(hook.url.replace(':code', code));
}

describe('a typed birth date that disagrees with the NIK', () => {
	it('is kept: the resident is told, the summary masks the NIK, and staff read the "⚠️ Perlu dicek" note first', async () => {
		const budi = new Resident(stack(), '6281311110009', 'Budi Raharjo');
		const service = catalog.services.find((s) => s.key === 'domisili')!;
		const nik = '3577011708900001'; // born 17 August 1990
		await budi.say('halo');
		await budi.tap(m['menu.request']);
		await budi.choose(service.key);
		const chatBefore = (await budi.chat()).length;
		await fillRequest(
			budi,
			service,
			(field) =>
				field.key === 'nik' ? nik : field.key === 'tanggal_lahir' ? '18-08-1990' : undefined,
			{},
			undefined,
			false,
		);
		const fill = (key: string) =>
			m[key]
				.replace('{where}', '')
				.replace('{nik}', '17 Agustus 1990')
				.replace('{declared}', '18 Agustus 1990');
		const told = (await budi.chat())
			.slice(chatBefore)
			.filter((msg) => msg.direction === 'out')
			.map((msg) => msg.text);
		expect(
			told.filter((text) => text.includes(fill('nik.mismatch.resident.birthDate'))),
		).toHaveLength(1);
		// The summary shows the NIK masked, never whole.
		expect(budi.lastText).toContain(`${nik.slice(0, 4)}********${nik.slice(-4)}`);
		expect(budi.lastText).not.toContain(nik);

		await budi.tap(m['button.confirm']);
		const ticket = templatePattern('submitted').exec(budi.lastText)![2];
		const row = await rowOf(stack(), ticket);
		expect(row.values[c.details].split('\n')[0]).toBe(fill('nik.mismatch.staff.birthDate'));
		// Kept as typed: the note asks staff to check, nothing was changed for the resident.
		const kept = decodeApplicationCell(row.values[c.application]) as {
			data: Record<string, unknown>;
		};
		expect([kept.data.nik, kept.data.tanggal_lahir]).toEqual([nik, '1990-08-18']);
	});
});

describe('a 50,000-character message in the middle of a request', () => {
	it('gets a clear answer; the question stays open, and every answer before and after is filed', async () => {
		const rudi = new Resident(stack(), '6281311110010', 'Rudi Hartono');
		const service = catalog.services.find((s) => s.key === 'domisili')!;
		const job = service.fields.find((f) => f.key === 'pekerjaan')!;
		await rudi.say('halo');
		await rudi.tap(m['menu.request']);
		await rudi.choose(service.key);
		const answers = (field: FieldSpec) => (field.key === 'nama' ? 'Rudi Hartono' : undefined);
		await fillRequest(rudi, service, answers, {}, (last) => last.includes(job.question));

		const huge = 'Mohon dibantu, saya mau bertanya soal surat domisili untuk anak saya. '
			.repeat(720)
			.slice(0, 50000);
		expect(huge).toHaveLength(50000);
		await rudi.say(huge);
		expect(templatePattern('text.too_long').test(rudi.lastText)).toBe(true);
		expect(rudi.lastText).toContain(String(catalog.settings?.maxTextLength ?? 1000));
		// The same question is still open: a short answer is taken as the job.
		await rudi.say('Guru Honorer');
		await fillRequest(rudi, service, answers);
		await rudi.tap(m['button.confirm']);
		const ticket = templatePattern('submitted').exec(rudi.lastText)![2];
		const row = await rowOf(stack(), ticket);
		const kept = decodeApplicationCell(row.values[c.application]) as {
			data: Record<string, unknown>;
		};
		expect([kept.data.nama, kept.data.nik, kept.data.pekerjaan]).toEqual([
			'Rudi Hartono',
			defaultAnswer(service.fields.find((f) => f.key === 'nik')!),
			'Guru Honorer',
		]);
		expect(JSON.stringify(row.values)).not.toContain('Mohon dibantu');
	});
});
