// The staff's side of the office, through the ready "Staff alerts" workflow (its schedule run
// every few seconds here instead of every minute): a resident's request reaches the staff number
// the Setup form gave as one new-request alert, however many rounds run after it; a request left
// waiting past its service standard gets one reminder. The waiting days are made by writing an
// older "Diterima" into the row, as staff could in the sheet; nothing of the office is mocked.
import type { ChatMessage } from '../../sandbox/server';
import office from '../../sandbox/office.json';
import { executionsSince, residentClient } from './support/clients';
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import { columns, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { catalog, Resident, submitRequest } from './support/resident';
import { staffClient, type SheetView } from './support/clients';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import { editWorkflow } from './support/workflow-edit';

const stack = useStack();
const STAFF = office.form.staffWhatsApp;
const DAY = 86_400_000;

const staffAlerts = (template: string, ticket: string) => async (): Promise<ChatMessage[]> =>
	(await residentClient(stack()).messages(STAFF)).filter(
		(m) => m.direction === 'out' && m.template === template && m.text.includes(ticket),
	);

function workflowId(name: RegExp): string {
	const found = stack().workflows.find((w) => name.test(w.name));
	if (!found) throw new Error(`no workflow named ${name}`);
	return found.id;
}

/** Waits until `rounds` runs of the workflow started after `since` have finished. */
async function roundsAfter(name: RegExp, since: Date, rounds: number): Promise<void> {
	await waitFor(
		async () =>
			(await executionsSince(stack(), { workflowId: workflowId(name), since })).filter(
				(e) => e.finished || e.status === 'success',
			).length >= rounds,
		{ timeoutMs: 180000, intervalMs: 1000, description: `${rounds} rounds of ${name}` },
	);
}

/** For the tests of this block, the workflow's schedule runs every 3 seconds. */
function everyFewSeconds(name: RegExp, schedule: string): void {
	let restore: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		restore = await editWorkflow(stack(), name, {
			[schedule]: () => ({ rule: { interval: [{ field: 'seconds', secondsInterval: 3 }] } }),
		});
	});
	afterAll(async () => {
		await restore?.();
	});
}

/** `2026-11-27 09:15:00`: the WIB form the sheet's times take. */
function wibText(ms: number): string {
	return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const ALERTS = /Staff alerts/;
const REGISTER = /Buku Agenda/;

describe('staff alerts', () => {
	everyFewSeconds(ALERTS, 'Every Minute');

	it('tells the staff number of a new request once, with its ticket, service, name and row', async () => {
		const domisili = catalog.services.find((s) => s.key === 'domisili')!;
		const resident = new Resident(stack(), '6281377780101', 'Rina');
		const ticket = await submitRequest(resident, domisili.key);
		const row = await rowOf(stack(), ticket);
		const newRequest = staffAlerts('pecelan_petugas_permohonan_baru', ticket);
		const [alert] = await waitFor(
			async () => {
				const found = await newRequest();
				return found.length > 0 && found;
			},
			{ timeoutMs: 180000, intervalMs: 1000, description: `the new-request alert for ${ticket}` },
		);
		expect(alert.text).toContain(domisili.title);
		expect(alert.text).toContain(row.values[columns.name]);
		expect(alert.text).toContain(`range=A${row.rowNumber}`);
		await roundsAfter(ALERTS, new Date(), 3);
		expect(await newRequest()).toHaveLength(1);
	});

	it('reminds the staff once of a request waiting past its service standard', async () => {
		const resident = new Resident(stack(), '6281377780102', 'Joko');
		const service = catalog.services.find((s) => s.key === 'domisili')!;
		const ticket = await submitRequest(resident, service.key);
		const late = staffAlerts('pecelan_petugas_lewat_standar', ticket);
		const row = await rowOf(stack(), ticket);
		// Waiting since 12 days ago: past the 1 working day of the domisili standard.
		await staffClient(stack()).setCells(row.rowNumber, {
			[columns.receivedAt]: wibText(Date.now() - 12 * DAY),
		});
		const [reminder] = await waitFor(
			async () => {
				const found = await late();
				return found.length > 0 && found;
			},
			{ timeoutMs: 180000, intervalMs: 1000, description: `the reminder for ${ticket}` },
		);
		expect(service.standardDays).toBe(1);
		const [, waited, standard] =
			/(\d+) hari kerja, melewati standar pelayanan (\d+) hari kerja/.exec(reminder.text)!;
		expect(Number(standard)).toBe(1);
		// 12 calendar days hold at least 6 full working days whatever the holidays.
		expect(Number(waited)).toBeGreaterThanOrEqual(6);
		await roundsAfter(ALERTS, new Date(), 3);
		expect(await late()).toHaveLength(1);
	});
});

describe('the Buku Agenda (register of letters out)', () => {
	const register = DEFAULT_SHEET_LAYOUT.tabs.register;
	const tab = async () => {
		const response = await fetch(
			`${stack().sandboxUrl}/api/sheet?sheet=${encodeURIComponent(register.name)}`,
		);
		return ((await response.json()) as SheetView).rows;
	};
	everyFewSeconds(REGISTER, 'Every 5 Minutes');

	it('holds each issued letter once, with its number, classification, subject, holder and signer, and marks it revoked', async () => {
		const resident = new Resident(stack(), '6281377780103', 'Wulan');
		const domisili = catalog.services.find((s) => s.key === 'domisili')!;
		const ticket = await submitRequest(resident, domisili.key);
		const before = (await resident.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		await nextUnpromptedMessage(resident, before, (m) => !!m.document, 'the letter');
		const row = await rowOf(stack(), ticket, (r) => r.values[columns.status] === statuses.done);
		const number = row.values[columns.letterNumber];
		const r = register.columns;
		const entry = await waitFor(
			async () => (await tab()).find((e) => e.values[r.number] === number),
			{ timeoutMs: 180000, intervalMs: 1000, description: `the Buku Agenda row of ${number}` },
		);
		expect(entry.values).toMatchObject({
			[r.classification]: domisili.letter.classification,
			[r.subject]: domisili.title,
			[r.to]: row.values[columns.name],
			[r.signer]: office.form.signatoryName,
			[r.notes]: '',
		});
		expect(entry.values[r.date]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(Number(entry.values[r.sequence])).toBeGreaterThanOrEqual(1);
		await roundsAfter(REGISTER, new Date(), 3);
		expect((await tab()).filter((e) => e.values[r.number] === number)).toHaveLength(1);

		// Staff revoke the letter: its register row stays and says so.
		await decide(stack(), ticket, statuses.revoked);
		const revoked = await waitFor(
			async () =>
				(await tab()).find(
					(e) => e.values[r.number] === number && e.values[r.notes] === statuses.revoked,
				),
			{ timeoutMs: 240000, intervalMs: 1000, description: `${number} marked revoked` },
		);
		expect(revoked.values[r.sequence]).toBe(entry.values[r.sequence]);
		expect((await tab()).filter((e) => e.values[r.number] === number)).toHaveLength(1);
	});
});
