// Staff decisions days after the resident's last message (Meta's 24-hour window), and a row
// whose letter cannot be made: through the real approvals workflow and the sandbox's Meta.
import type { ChatMessage } from '../../sandbox/server';
import { readPdf, squash } from '../support/pdfText';
import refusals from '../../templates/letterhead/refusals.json';
import { staffClient } from './support/clients';
import {
	columns as c,
	decide,
	nextApprovalsRound,
	nextUnpromptedMessage,
	rowOf,
	statuses,
} from './support/office';
import { Resident, submitRequest } from './support/resident';
import { sessionRows, updateSessionRow } from './support/sessions';
import { useStack } from './support/use-stack';

const stack = useStack();
/** Two or three residents submit and staff decide: several rounds of a real n8n on a busy machine. */
const LONG = 8 * 60 * 1000;

/**
 * "30 hours later": the resident's last message is 30 hours old for both sides, the sandbox's Meta
 * (which now refuses free-form messages to this resident) and n8n's record of the window
 * (`lastInboundAt` of the resident's session row, which Send Notice reads).
 */
async function hoursLater(resident: Resident, hours: number): Promise<void> {
	const res = await fetch(`${stack().sandboxUrl}/api/residents/${resident.waId}/age`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ hours }),
	});
	if (!res.ok) throw new Error(`aging ${resident.waId} answered ${res.status}`);
	const rows = await sessionRows(stack(), resident.waId);
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows) {
		const last = Date.parse(row.lastInboundAt ?? '');
		expect(Number.isNaN(last)).toBe(false);
		await updateSessionRow(stack(), row.id, {
			lastInboundAt: new Date(last - hours * 3600000).toISOString(),
		});
	}
}

const outgoing = async (resident: Resident, after: number) =>
	(await resident.chat()).slice(after).filter((m) => m.direction === 'out');

/**
 * Every message the workflows posted to Meta for this resident since `since`, refused ones
 * included (a free-form message outside the window is refused and never reaches the chat):
 * `<type>[:<template name>] <HTTP status>`, oldest first.
 */
async function messagePosts(resident: Resident, since: Date): Promise<string[]> {
	const calls = await staffClient(stack()).calls();
	return calls
		.filter(
			(call) =>
				call.method === 'POST' &&
				call.path.endsWith('/messages') &&
				new Date(call.at) >= since &&
				(call.bodySummary ?? '').includes(`"to":"${resident.waId}"`),
		)
		.map((call) => {
			const body = call.bodySummary ?? '';
			const type = /"type":"(\w+)"/.exec(body)?.[1];
			const template = type === 'template' ? `:${/"name":"([^"]+)"/.exec(body)?.[1]}` : '';
			return `${type}${template} ${call.status}`;
		});
}
const SURVEY_INVITATION = 'template:pecelan_undangan_survei 200';

describe('decisions outside the 24-hour window', () => {
	it(
		'an approval 30 h after the last message reaches the resident as the template with the PDF',
		async () => {
			const sari = new Resident(stack(), '6281355550005', 'Sari Wulandari');
			const ticket = await submitRequest(sari, 'domisili');
			await rowOf(stack(), ticket);
			await hoursLater(sari, 30);

			const before = (await sari.chat()).length;
			const decidedAt = new Date();
			await decide(stack(), ticket, statuses.approved);
			const letter = await nextUnpromptedMessage(
				sari,
				before,
				(m) => !!m.document,
				'the letter as a template',
			);
			expect(letter.template).toBe('pecelan_surat_selesai');
			const row = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
			expect(letter.text).toContain(ticket);
			expect(letter.text).toContain(row.values[c.letterNumber]);
			// One message for the decision, also after another whole round: the template carries the
			// letter, and nothing free-form was even tried (Meta would have refused it, unseen in the chat).
			await nextApprovalsRound(stack(), new Date());
			const decisionMessages = (await outgoing(sari, before)).filter(
				(m: ChatMessage) => m.template !== 'pecelan_undangan_survei',
			);
			expect(decisionMessages).toHaveLength(1);
			expect(
				(await messagePosts(sari, decidedAt)).filter((post) => post !== SURVEY_INVITATION),
			).toEqual(['template:pecelan_surat_selesai 200']);
			const pdf = squash(
				(await readPdf(await sari.download(letter.document!.url))).map((p) => p.text).join(' '),
			);
			expect(pdf).toContain(row.values[c.letterNumber]);
		},
		LONG,
	);

	it(
		'a rejection and a fix request at 30 h arrive as their templates with the staff note',
		async () => {
			const agus = new Resident(stack(), '6281366660006', 'Agus Salim');
			const rejectedTicket = await submitRequest(agus, 'domisili');
			const rina = new Resident(stack(), '6281377770007', 'Rina Marlina');
			const fixTicket = await submitRequest(rina, 'pengantar-skck');
			await rowOf(stack(), rejectedTicket);
			await rowOf(stack(), fixTicket);
			await hoursLater(agus, 30);
			await hoursLater(rina, 30);

			const agusBefore = (await agus.chat()).length;
			const rinaBefore = (await rina.chat()).length;
			const decidedAt = new Date();
			await decide(stack(), rejectedTicket, statuses.rejected, 'Alamat berbeda dengan KK');
			await decide(stack(), fixTicket, statuses.fix, 'Foto KTP buram, mohon kirim ulang');

			const rejection = await nextUnpromptedMessage(
				agus,
				agusBefore,
				(m) => m.template === 'pecelan_pengajuan_ditolak',
				'the rejection template',
			);
			expect(rejection.text).toContain(rejectedTicket);
			expect(rejection.text).toContain('Alamat berbeda dengan KK');
			const fix = await nextUnpromptedMessage(
				rina,
				rinaBefore,
				(m) => m.template === 'pecelan_perbaikan_diminta',
				'the fix request template',
			);
			expect(fix.text).toContain(fixTicket);
			expect(fix.text).toContain('Foto KTP buram');
			await rowOf(stack(), rejectedTicket, (r) => !!r.values[c.notifiedAt]);
			await rowOf(stack(), fixTicket, (r) => !!r.values[c.notifiedAt]);
			// Once each, also after another whole round, and only as the template (no free-form try).
			await nextApprovalsRound(stack(), new Date());
			expect(await outgoing(agus, agusBefore)).toHaveLength(1);
			expect(await outgoing(rina, rinaBefore)).toHaveLength(1);
			expect(await messagePosts(agus, decidedAt)).toEqual([
				'template:pecelan_pengajuan_ditolak 200',
			]);
			expect(await messagePosts(rina, decidedAt)).toEqual([
				'template:pecelan_perbaikan_diminta 200',
			]);
		},
		LONG,
	);

	it(
		'a row whose letter cannot be made shows why in the sheet; the other row of the run is delivered once',
		async () => {
			const broken = new Resident(stack(), '6281388880008', 'Bayu Pratama');
			const brokenTicket = await submitRequest(broken, 'domisili');
			const fine = new Resident(stack(), '6281399990009', 'Citra Dewi');
			const fineTicket = await submitRequest(fine, 'domisili');
			const brokenRow = await rowOf(stack(), brokenTicket);
			await rowOf(stack(), fineTicket);
			// Someone edited the stored application: it names a letter template that does not exist.
			const application = JSON.parse(brokenRow.values[c.application]) as Record<string, unknown>;
			const letter = { ...(application.letter as object), template: 'surat-yang-dihapus' };
			await staffClient(stack()).setCells(brokenRow.rowNumber, {
				[c.application]: JSON.stringify({ ...application, letter }),
			});

			const brokenBefore = (await broken.chat()).length;
			const fineBefore = (await fine.chat()).length;
			// Decided together: usually one run of the workflow carries both.
			await decide(stack(), brokenTicket, statuses.approved);
			await decide(stack(), fineTicket, statuses.approved);

			const failed = await rowOf(stack(), brokenTicket, (r) => !!r.values[c.problem]);
			expect(failed.values[c.problem]).toMatch(/^Surat belum terkirim: .+kosongkan kolom Masalah/);
			// Staff read why in Indonesian (the letter could not be made), not a later step's error.
			expect(failed.values[c.problem]).toContain(refusals.failed.split(' (')[0]);
			expect(failed.values[c.completedAt]).toBe('');
			await nextUnpromptedMessage(fine, fineBefore, (m) => !!m.document, 'the other letter');
			await rowOf(stack(), fineTicket, (r) => r.values[c.status] === statuses.done);

			// Several more rounds of the workflow (staff edits start them): still one letter, and
			// nothing to the broken row.
			for (let round = 0; round < 3; round++) await nextApprovalsRound(stack());
			expect((await outgoing(fine, fineBefore)).filter((m) => !!m.document)).toHaveLength(1);
			expect(await outgoing(broken, brokenBefore)).toEqual([]);
		},
		LONG,
	);
});
