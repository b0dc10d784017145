/**
 * Which request folders on Drive have been kept long enough. Each request's (and complaint's)
 * uploaded files live in a folder named by its ticket; once the request is finished (letter
 * delivered or revoked, request rejected; complaint resolved) for the retention period, the
 * folder goes, and the sheet's link cell says so in Indonesian (templates/retention).
 */
import notes from '../../../templates/retention/sheet-notes.json';
import { formatDateId } from '../indonesian/format';
import { cellText as text } from './letterRecord';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf, type SheetLayout } from './requestRow';
import { parseSheetTime } from './time';

export type Row = Record<string, unknown>;

export interface DriveFolder {
	id?: unknown;
	name?: unknown;
}

export interface ExpiredFolder {
	folderId: string;
	ticket: string;
	/** The text that replaces the row's file links. */
	note: string;
}

/** The complaints tab (Pengaduan): its columns from the sheet layout (templates/sheet.json). */
const complaintColumns = (layout: SheetLayout) =>
	(layout.tabs ?? DEFAULT_SHEET_LAYOUT.tabs).complaints.columns;
const COMPLAINT_RESOLVED = 'selesai';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a request row was finished: delivered or revoked (Selesai Pada), rejected (Diberitahu). */
function requestFinishedAt(row: Row, layout: SheetLayout): string {
	const c = layout.columns;
	const status = statusKeyOf(row[c.status], layout);
	if (status === 'done' || status === 'revoked') return text(row[c.completedAt]);
	if (status === 'rejected') return text(row[c.notifiedAt]);
	return '';
}

function complaintResolvedAt(row: Row, layout: SheetLayout): string {
	const c = complaintColumns(layout);
	const resolved = text(row[c.status]).toLowerCase() === COMPLAINT_RESOLVED;
	return resolved ? text(row[c.completedAt]) : '';
}

/**
 * The folders to delete: those named by the ticket of a row finished at least `days` ago. A folder
 * whose ticket has no row, or whose row is still open, is kept.
 */
export function expiredFolders(
	folders: DriveFolder[],
	rows: Row[],
	options: { kind: 'requests' | 'complaints'; days: number; now: Date },
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): ExpiredFolder[] {
	const ticketColumn =
		options.kind === 'requests' ? layout.columns.ticket : complaintColumns(layout).ticket;
	const finishedAt = new Map<string, number>();
	for (const row of rows) {
		const ticket = text(row[ticketColumn]);
		// The sheet's form (WIB, `2026-12-07 14:05:09`) or an older ISO time.
		const at = parseSheetTime(
			options.kind === 'requests'
				? requestFinishedAt(row, layout)
				: complaintResolvedAt(row, layout),
		);
		if (ticket && at !== undefined) finishedAt.set(ticket, at);
	}
	const days = Math.max(0, Number(options.days) || 0);
	const note = (options.kind === 'requests' ? notes.filesDeleted : notes.complaintPhotoDeleted)
		.replace('{date}', formatDateId(options.now))
		.replace('{days}', String(days));
	return folders.flatMap((folder) => {
		const ticket = text(folder.name);
		const at = finishedAt.get(ticket);
		if (!text(folder.id) || at === undefined || options.now.getTime() - at < days * DAY_MS)
			return [];
		return [{ folderId: text(folder.id), ticket, note }];
	});
}
