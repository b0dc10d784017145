// The staff's side of the office, through the ready "Staff alerts" workflow (its schedule run
// every few seconds here instead of every minute): a resident's request reaches the staff number
// the Setup form gave as one new-request alert, however many rounds run after it; a request left
// waiting past its service standard gets one reminder. The waiting days are made by writing an
// older "Diterima" into the row, as staff could in the sheet; nothing of the office is mocked.
import type { ChatMessage } from '../../sandbox/server';
import office from '../../sandbox/office.json';
import { executionsSince, residentClient } from './support/clients';
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import {
	columns,
	decide,
	nextUnpromptedMessage,
	registerEverySeconds,
	rowOf,
	scheduleEverySeconds,
	statuses,
} from './support/office';
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

/** `2026-11-27 09:15:00`: the WIB form the sheet's times take. */
function wibText(ms: number): string {
	return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

interface AlertRow {
	id: number;
	key: string;
	at: string;
}

/** The `pecelan_alerts` data table through n8n's public API, as an admin sees it. */
async function alertsTable() {
	const headers = { 'x-n8n-api-key': stack().apiKey, 'content-type': 'application/json' };
	const api = `${stack().n8nUrl}/api/v1/data-tables`;
	const tables = (await (await fetch(`${api}?limit=100`, { headers })).json()) as {
		data: Array<{ id: string; name: string }>;
	};
	const table = tables.data.find((t) => t.name === 'pecelan_alerts');
	if (!table) throw new Error('no pecelan_alerts table');
	const rows = `${api}/${table.id}/rows`;
	const send = async (url: string, method: string, body: unknown) => {
		const response = await fetch(url, { method, headers, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`${method} ${url}: ${await response.text()}`);
	};
	return {
		rows: async (): Promise<AlertRow[]> =>
			((await (await fetch(`${rows}?limit=250`, { headers })).json()) as { data: AlertRow[] }).data,
		insert: (data: Array<Omit<AlertRow, 'id'>>) => send(rows, 'POST', { data }),
		update: (id: number, data: Partial<AlertRow>) =>
			send(`${rows}/update`, 'PATCH', {
				filter: { type: 'and', filters: [{ columnName: 'id', condition: 'eq', value: id }] },
				data,
			}),
	};
}

/** The row remembering the last reading of the sheet, once a round has written one. */
async function lastReading(): Promise<AlertRow> {
	return await waitFor(
		async () => (await (await alertsTable()).rows()).find((r) => r.key.startsWith('sheet read:')),
		{ timeoutMs: 180000, intervalMs: 1000, description: 'a remembered reading of the sheet' },
	);
}

/** Calls the workflows made since `since`: reads of the hand-offs tab (Staff alerts' third read) and Drive version asks. */
async function googleCallsSince(since: Date) {
	const calls = (await staffClient(stack()).calls()).filter((c) => new Date(c.at) >= since);
	const sheets = calls.filter((c) => c.host.startsWith('sheets.googleapis.com'));
	return {
		sheets: sheets.length,
		writes: calls
			.filter(
				(c) =>
					c.method !== 'GET' && /googleapis\.com$/.test(c.host) && !c.host.startsWith('oauth2'),
			)
			.map((c) => `${c.at} ${c.method} ${c.path}`),
		handoffReads: sheets.filter((c) =>
			decodeURIComponent(c.path).endsWith(`/values/'${DEFAULT_SHEET_LAYOUT.tabs.handoffs.name}'`),
		).length,
		versions: calls.filter((c) => /^\/drive\/v3\/files\/[^/]+$/.test(c.path)).length,
	};
}

const ALERTS = /Staff alerts/;
const REGISTER = /Buku Agenda/;

describe('staff alerts', () => {
	scheduleEverySeconds(stack, ALERTS, 'Every Minute');

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

describe('staff alerts read the sheet only when needed', () => {
	scheduleEverySeconds(stack, ALERTS, 'Every Minute');
	// Approvals' 10-minute safety net also reads the hand-offs when the sheet changed (the new
	// request's row): here once a day, so a tick in the quiet window cannot count as the alerts'.
	let restoreApprovals: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		restoreApprovals = await editWorkflow(stack(), /Approvals/, {
			'Every 10 Minutes (Safety Net)': () => ({
				rule: { interval: [{ field: 'days', daysInterval: 1 }] },
			}),
		});
	}, 120000);
	afterAll(async () => {
		await restoreApprovals?.();
	}, 120000);

	it('asks Drive for the version each round and reads the sheet only when it changed or time made an alert due', async () => {
		const resident = new Resident(stack(), '6281377780104', 'Dewi');
		const ticket = await submitRequest(resident, 'domisili');
		await waitFor(
			async () => (await staffAlerts('pecelan_petugas_permohonan_baru', ticket)()).length > 0,
			{
				timeoutMs: 180000,
				intervalMs: 1000,
				description: `the new-request alert for ${ticket}`,
			},
		);
		// The round after the alert reads once more (a failed send would be retried); then quiet.
		await waitFor(async () => Date.parse((await lastReading()).at) > Date.now() + 60_000, {
			timeoutMs: 180000,
			intervalMs: 1000,
			description: 'a reading due again later',
		});
		const quietFrom = new Date();
		await roundsAfter(ALERTS, quietFrom, 6);
		const quiet = await googleCallsSince(quietFrom);
		// Nothing wrote to the sheet meanwhile, and the alerts did not read it.
		expect({ writes: quiet.writes, handoffReads: quiet.handoffReads }).toEqual({
			writes: [],
			handoffReads: 0,
		});
		expect(quiet.versions).toBeGreaterThanOrEqual(6);

		// Alerts remembered long ago whose rows are gone, and one from yesterday.
		const table = await alertsTable();
		const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
		await table.insert([
			{ key: `request:PCL-GONE>${STAFF}`, at: daysAgo(8) },
			{ key: `digest:2026-01-05>${STAFF}`, at: daysAgo(30) },
			{ key: `request:PCL-YESTERDAY>${STAFF}`, at: daysAgo(1) },
		]);
		// The clock reaches the moment the reading was due again (WIB midnight, the digest time):
		// the next round reads the sheet though it did not change, and forgets what is no longer needed.
		const reading = await lastReading();
		const dueFrom = new Date();
		await table.update(reading.id, { at: new Date(Date.now() - 1000).toISOString() });
		const keys = async () => (await (await alertsTable()).rows()).map((r) => r.key);
		await waitFor(async () => !(await keys()).includes(`request:PCL-GONE>${STAFF}`), {
			timeoutMs: 180000,
			intervalMs: 1000,
			description: 'the old alert keys forgotten',
		});
		const after = await keys();
		expect(after).not.toContain(`digest:2026-01-05>${STAFF}`);
		expect(after).toContain(`request:PCL-YESTERDAY>${STAFF}`);
		expect(after).toContain(`request:${ticket}>${STAFF}`);
		expect(after.filter((k) => k.startsWith('sheet read:'))).toHaveLength(1);
		const due = await googleCallsSince(dueFrom);
		console.info(
			`Staff alerts, Google calls: 6 quiet rounds made ${quiet.sheets} Sheets calls (any workflow) and ${quiet.versions} Drive version calls; the reading that came due made ${due.sheets} Sheets calls (any workflow) and ${due.handoffReads} hand-off reads`,
		);
		expect(due.handoffReads).toBeGreaterThanOrEqual(1);
		// Still one new-request alert, however many rounds and readings.
		expect(await staffAlerts('pecelan_petugas_permohonan_baru', ticket)()).toHaveLength(1);
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
	registerEverySeconds(stack);

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
