// Staff at the office, as the end-to-end tests play them: they find a request's row in the sheet
// and decide by changing its Status (and Catatan), exactly as in Google Sheets.
import type { ChatMessage } from '../../../sandbox/server';
import { DEFAULT_SHEET_LAYOUT } from '../../../nodes/shared/sheet/requestRow';
import { staffClient, type SheetView } from './clients';
import type { Resident } from './resident';
import type { StackInfo } from './stack-info';
import { waitFor } from './wait';

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
		{ timeoutMs: 90000, description: `the sheet row of ${ticket}` },
	);
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
		// The approvals workflow polls every 15 s; a busy machine may take a few rounds.
		{ timeoutMs: 150000, intervalMs: 500, description },
	);
}
