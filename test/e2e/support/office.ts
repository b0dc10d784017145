// Staff at the office, as the end-to-end tests play them: they find a request's row in the sheet
// and decide by changing its Status (and Catatan), exactly as in Google Sheets.
import type { ChatMessage } from '../../../sandbox/server';
import { DEFAULT_SHEET_LAYOUT } from '../../../nodes/domain/sheet/requestRow';
import { executionsSince, staffClient, type SheetView } from './clients';
import { templatePattern, type Resident } from './resident';
import type { StackInfo } from './stack-info';
import { waitFor } from './wait';
import { editWorkflow } from './workflow-edit';

export const columns = DEFAULT_SHEET_LAYOUT.columns;
export const statuses = DEFAULT_SHEET_LAYOUT.statuses;
type Row = SheetView['rows'][number];

/** Waits for the row of `ticket` (optionally until it satisfies `ready`). */
export async function rowOf(
	info: StackInfo,
	ticket: string,
	ready: (row: Row) => boolean = () => true,
): Promise<Row> {
	const staff = staffClient(info);
	return waitFor(
		async () =>
			(await staff.sheet()).rows.find((r) => r.values[columns.ticket] === ticket && ready(r)),
		// Some changes wait for an approvals round a staff edit starts (or n8n's restart).
		{ timeoutMs: 240000, description: `the sheet row of ${ticket}` },
	);
}

/** The rows of one tab of the office's sheet (Pengaduan, Bicara Petugas, Survei IKM…). */
export async function tabRows(
	info: StackInfo,
	name: string,
): Promise<Array<{ rowNumber: number; values: Record<string, string> }>> {
	const response = await fetch(`${info.sandboxUrl}/api/sheet?sheet=${encodeURIComponent(name)}`);
	return (
		(await response.json()) as {
			rows: Array<{ rowNumber: number; values: Record<string, string> }>;
		}
	).rows;
}

/** Staff set the Status of a request (and a note), as they would in the sheet's dropdown. */
export async function decide(
	info: StackInfo,
	ticket: string,
	status: string,
	note?: string,
): Promise<void> {
	const row = await rowOf(info, ticket);
	await staffClient(info).setStatus(row.rowNumber, status, note);
}

/** The next message the bot sends this resident without being asked (the approvals workflow). */
export async function nextUnpromptedMessage(
	resident: Resident,
	after: number,
	predicate: (m: ChatMessage) => boolean,
	description: string,
): Promise<ChatMessage> {
	return waitFor(
		async () =>
			(await resident.chat()).slice(after).find((m) => m.direction === 'out' && predicate(m)),
		// A staff edit starts the approvals workflow at once; a busy machine may take longer.
		{ timeoutMs: 150000, intervalMs: 500, description },
	);
}

/** Staff approve the request; waits for the letter's survey invitation to reach the resident. */
export async function approveUntilSurveyInvitation(
	info: StackInfo,
	resident: Resident,
	ticket: string,
): Promise<ChatMessage> {
	await rowOf(info, ticket);
	const before = (await resident.chat()).length;
	await decide(info, ticket, statuses.approved);
	return nextUnpromptedMessage(
		resident,
		before,
		(msg) => templatePattern('survey.invite').test(msg.text),
		'the survey invitation',
	);
}

/** The approvals workflow's id (the one staff edits and the safety-net schedule start). */
export function approvalsWorkflowId(info: StackInfo): string {
	const approvals = info.workflows.find((w) => /approvals/i.test(w.name));
	if (!approvals) throw new Error('the approvals workflow is not provisioned');
	return approvals.id;
}

/**
 * Starts a whole approvals round as an office does, by a staff edit (a cell of the last row typed
 * again as it was; the sandbox plays the sheet's onEdit script), and waits until a round that
 * started after the edit (and after `after`) finished successfully. What that round would have
 * sent has then been sent, so a count taken now can catch a second notice.
 */
export async function nextApprovalsRound(info: StackInfo, after = new Date()): Promise<void> {
	const staff = staffClient(info);
	const rows = (await staff.sheet()).rows;
	const last = rows[rows.length - 1];
	if (!last) throw new Error('the requests sheet has no row to edit');
	const editedAt = new Date(Math.max(Date.now(), after.getTime()));
	await staff.setCells(last.rowNumber, { [columns.note]: last.values[columns.note] ?? '' });
	await waitFor(
		async () =>
			(
				await executionsSince(info, { workflowId: approvalsWorkflowId(info), since: editedAt })
			).some((e) => e.status === 'success' && new Date(e.startedAt) > editedAt),
		// The edit's round may wait for a running round's lock first (up to a minute).
		{
			timeoutMs: 180000,
			intervalMs: 1000,
			description: `an approvals round started by a staff edit after ${editedAt.toISOString()}`,
		},
	);
}

/**
 * The links to one document's files in a request's Drive folder. The documents cell reads
 * "<n> berkas: <labels>" and, on its second line, the folder's link; the folder lists its files,
 * each named `"<ticket> <label>[ <n>].<ext>"` (or the bare label).
 */
export async function documentLinks(cell: string, label: string): Promise<string[]> {
	const folderLink = cell.split('\n')[1]?.trim();
	if (!folderLink) return [];
	const folder = (await (await fetch(folderLink)).json()) as {
		files: Array<{ name: string; url: string }>;
	};
	return folder.files.flatMap((file) => {
		const name = file.name.replace(/\.\w+$/, '').replace(/ \d+$/, '');
		return name === label || name.endsWith(` ${label}`)
			? [new URL(file.url, folderLink).toString()]
			: [];
	});
}

/**
 * For the tests of the calling block, the schedule trigger `schedule` of the workflow named
 * `name` runs every 3 seconds instead of every few minutes; put back afterwards.
 */
export function scheduleEverySeconds(info: () => StackInfo, name: RegExp, schedule: string): void {
	let restore: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		restore = await editWorkflow(info(), name, {
			[schedule]: () => ({ rule: { interval: [{ field: 'seconds', secondsInterval: 3 }] } }),
		});
	}, 120000);
	afterAll(async () => {
		await restore?.();
	}, 120000);
}

/** The Buku Agenda's schedule every few seconds while the tests of the calling block run. */
export function registerEverySeconds(info: () => StackInfo): void {
	scheduleEverySeconds(info, /Buku Agenda/, 'Every 5 Minutes');
}

/** Waits for the Buku Agenda row of the letter numbered `number`. */
export async function registerRowOf(
	info: StackInfo,
	number: string,
): Promise<{ rowNumber: number; values: Record<string, string> }> {
	const register = DEFAULT_SHEET_LAYOUT.tabs.register;
	return waitFor(
		async () =>
			(await tabRows(info, register.name)).find(
				(e) => e.values[register.columns.number] === number,
			),
		{ timeoutMs: 180000, intervalMs: 1000, description: `the Buku Agenda row of ${number}` },
	);
}
