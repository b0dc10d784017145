// Every time the office writes into the sheet reads as the staff's clock (WIB), in one form
// Sheets sorts and understands: a request received, answered and delivered, its survey answer, a
// complaint received and answered, a hand-off asked for and finished, the letter's Buku Agenda row.
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import {
	approveUntilSurveyInvitation,
	columns,
	decide,
	registerEverySeconds,
	registerRowOf,
	rowOf,
	statuses,
	tabRows,
} from './support/office';
import { catalog, Resident, submitRequest, templatePattern } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;
const tabs = DEFAULT_SHEET_LAYOUT.tabs;
const WIB_CELL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const MINUTE = 60_000;

/** The instant a WIB cell names; fails the test on any other form. */
function instantOf(cell: string, where: string): number {
	const parts = WIB_CELL.exec(cell);
	if (!parts) throw new Error(`${where} is "${cell}", not a WIB date-time (yyyy-MM-dd HH:mm:ss)`);
	const [, y, mo, d, h, mi, s] = parts.map(Number);
	return Date.UTC(y, mo - 1, d, h - 7, mi, s);
}

async function setTabCells(tab: string, rowNumber: number, values: Record<string, string>) {
	const url = `${stack().sandboxUrl}/api/sheet/rows/${rowNumber}?sheet=${encodeURIComponent(tab)}`;
	const response = await fetch(url, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(values),
	});
	if (!response.ok) throw new Error(`PATCH ${tab} row ${rowNumber}: ${await response.text()}`);
}

async function rowWhere(
	tab: string,
	test: (values: Record<string, string>) => boolean,
	what: string,
) {
	return waitFor(async () => (await tabRows(stack(), tab)).find((r) => test(r.values)), {
		timeoutMs: 240000,
		intervalMs: 1000,
		description: what,
	});
}

describe('time cells in every tab', () => {
	// The Buku Agenda runs every 5 minutes; here every few seconds.
	registerEverySeconds(stack);

	it(
		'are WIB date-times of the moment each thing happened',
		async () => {
			const started = Date.now() - MINUTE;
			const cells: Array<{ where: string; cell: string }> = [];
			const keep = (tab: string, values: Record<string, string>, names: string[]) => {
				for (const name of names)
					cells.push({ where: `${tab} · ${name}`, cell: values[name] ?? '' });
			};

			// A request delivered, and its survey answered.
			const sari = new Resident(stack(), '6281400000071', 'Sari');
			const ticket = await submitRequest(sari, 'pengantar-skck');
			const invite = await approveUntilSurveyInvitation(stack(), sari, ticket);
			const start = invite.buttons!.find((b) => b.title === m['button.survey'])!;
			await sari.send({ reply: { id: start.id, title: start.title } });
			for (let i = 0; i < 9; i++) await sari.choose('score:4');
			await sari.tap(m['button.skip']);
			const done = await rowOf(stack(), ticket, (r) => r.values[columns.status] === statuses.done);
			keep('Permohonan', done.values, [columns.receivedAt, columns.completedAt]);
			const survey = await rowWhere(
				tabs.surveys.name,
				(v) => v[tabs.surveys.columns.ticket] === ticket,
				'the survey row',
			);
			keep(tabs.surveys.name, survey.values, [tabs.surveys.columns.answeredAt]);
			const register = await registerRowOf(stack(), done.values[columns.letterNumber]);
			keep(tabs.register.name, register.values, [tabs.register.columns.date]);

			// A request rejected: the resident was told.
			const joko = new Resident(stack(), '6281400000072', 'Joko');
			const rejected = await submitRequest(joko, 'domisili');
			await rowOf(stack(), rejected);
			await decide(stack(), rejected, statuses.rejected, 'Alamat tidak di wilayah kelurahan ini');
			const told = await rowOf(stack(), rejected, (r) => !!r.values[columns.notifiedAt]);
			keep('Permohonan', told.values, [columns.notifiedAt]);

			// A complaint, answered by staff.
			const c = tabs.complaints.columns;
			const rina = new Resident(stack(), '6281400000073', 'Rina');
			await rina.say(
				'saya mau mengadu, lampu jalan di RT 03 mati sudah dua minggu belum diperbaiki',
			);
			await rina.tap(m['button.skip']);
			await rina.tap(m['button.confirm']);
			const complaintTicket = templatePattern('complaint.submitted').exec(rina.lastText)![1];
			const complaint = await rowWhere(
				tabs.complaints.name,
				(v) => v[c.ticket] === complaintTicket,
				'the complaint row',
			);
			await setTabCells(tabs.complaints.name, complaint.rowNumber, {
				[c.response]: 'Lampu sudah diganti petugas hari ini.',
				[c.status]: 'Selesai',
			});
			const answered = await rowWhere(
				tabs.complaints.name,
				(v) => v[c.ticket] === complaintTicket && !!v[c.notifiedAt],
				'the complaint answered',
			);
			keep(tabs.complaints.name, answered.values, [c.receivedAt, c.notifiedAt, c.completedAt]);

			// A hand-off, finished by staff.
			const h = tabs.handoffs.columns;
			const budi = new Resident(stack(), '6281400000074', 'Budi');
			await budi.say('tolong sambungkan ke operator kelurahan');
			const handoff = await rowWhere(
				tabs.handoffs.name,
				(v) => v[h.waId] === budi.waId,
				'the hand-off row',
			);
			await setTabCells(tabs.handoffs.name, handoff.rowNumber, { [h.status]: 'Selesai' });
			const resumed = await rowWhere(
				tabs.handoffs.name,
				(v) => v[h.waId] === budi.waId && !!v[h.notifiedAt],
				'the hand-off finished',
			);
			keep(tabs.handoffs.name, resumed.values, [h.at, h.notifiedAt]);

			const ended = Date.now() + MINUTE;
			expect(cells).toHaveLength(10);
			for (const { where, cell } of cells) {
				const at = instantOf(cell, where);
				expect({ where, inThisTest: at >= started && at <= ended }).toEqual({
					where,
					inThisTest: true,
				});
			}
		},
		15 * 60_000,
	);
});
