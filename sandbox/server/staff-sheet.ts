import { playOnEdit } from './apps-script';
import type { SandboxContext } from './context';
import { HttpError } from './http-util';
import { columnLetters, readValues, renderCell, writeValues, type SheetTab } from './sheets-model';

/** The Status values staff pick from when the sheet itself sets no dropdown. */
export const DEFAULT_STATUSES = [
	'Menunggu',
	'Disetujui',
	// Approved, waiting for the signatory's batch TTE (workflows/signing.json).
	'Menunggu TTE',
	'Ditolak',
	'Perbaiki',
	'Selesai',
	'Terkirim',
	// Staff revoke an issued letter; its QR page then says so.
	'Dicabut',
];

export function requestsTab(
	ctx: SandboxContext,
	name?: string | null,
	spreadsheetId?: string | null,
): SheetTab {
	const sheet = ctx.state.data.spreadsheets[spreadsheetId || ctx.settings.spreadsheetId];
	const title = name || ctx.settings.sheetName;
	const tab = sheet?.sheets.find((t) => t.title === title);
	if (!tab)
		throw new HttpError(404, { error: `no tab named "${title}" in the sandbox spreadsheet` });
	return tab;
}

function header(tab: SheetTab): string[] {
	return (
		readValues(
			{ tab, startRow: 0, startCol: 0, endRow: 0, endCol: Infinity },
			'FORMATTED_VALUE',
		)[0] ?? []
	).map(String);
}

/**
 * `GET /api/sheet`: the tab as staff see it, each row an object keyed by the header; of the
 * office's spreadsheet, or of another one the sandbox holds (`?spreadsheet=`, one the Setup
 * workflow created).
 */
export function sheetView(
	ctx: SandboxContext,
	name?: string | null,
	spreadsheetId?: string | null,
) {
	const tab = requestsTab(ctx, name, spreadsheetId);
	const columns = header(tab);
	const rows: Array<{ rowNumber: number; values: Record<string, string> }> = [];
	for (let r = 1; r < tab.cells.length; r++) {
		const cells = tab.cells[r] ?? [];
		if (!cells.some((cell) => cell && cell.v !== '')) continue;
		const values: Record<string, string> = {};
		columns.forEach((column, c) => {
			values[column || columnLetters(c)] = String(renderCell(cells[c], 'FORMATTED_VALUE'));
		});
		rows.push({ rowNumber: r + 1, values });
	}
	const statusColumn = columns.findIndex((c) => c.trim().toLowerCase() === 'status');
	const dropdowns: Record<string, string[]> = {};
	columns.forEach((column, c) => {
		if (tab.dropdowns[c]) dropdowns[column] = tab.dropdowns[c];
	});
	if (statusColumn >= 0 && !dropdowns[columns[statusColumn]])
		dropdowns[columns[statusColumn]] = DEFAULT_STATUSES;
	const frozenRowCount = (tab as SheetTab & { frozenRowCount?: number }).frozenRowCount ?? 0;
	return { sheetName: tab.title, header: columns, rows, dropdowns, frozenRowCount };
}

/** `PATCH /api/sheet/rows/{n}`: staff typing into cells, so values are parsed as USER_ENTERED. */
export function patchRow(
	ctx: SandboxContext,
	rowNumber: number,
	changes: Record<string, unknown>,
	name?: string | null,
	spreadsheetId?: string | null,
) {
	const tab = requestsTab(ctx, name, spreadsheetId);
	if (!Number.isInteger(rowNumber) || rowNumber < 2)
		throw new HttpError(400, { error: 'rowNumber must be 2 or more (row 1 is the header)' });
	if (rowNumber > tab.rowCount)
		throw new HttpError(400, {
			error: `row ${rowNumber} is beyond the sheet's ${tab.rowCount} rows`,
		});
	const columns = header(tab);
	for (const [column, value] of Object.entries(changes)) {
		const c = columns.indexOf(column);
		if (c < 0)
			throw new HttpError(400, {
				error: `unknown column "${column}"; columns: ${columns.join(', ')}`,
			});
		const text = value === null || value === undefined ? '' : String(value);
		writeValues(
			{ tab, startRow: rowNumber - 1, startCol: c, endRow: rowNumber - 1, endCol: c },
			[[text]],
			'USER_ENTERED',
		);
	}
	ctx.state.changed({ kind: 'sheet', spreadsheetId: ctx.settings.spreadsheetId });
	// Staff typed into the sheet: its installable onEdit trigger runs, as in Google Sheets.
	const edited = Object.keys(changes).map((column) => columns.indexOf(column));
	if (edited.length) playOnEdit(ctx, tab, rowNumber, Math.min(...edited) + 1);
	return (
		sheetView(ctx, name, spreadsheetId).rows.find((row) => row.rowNumber === rowNumber) ?? {
			rowNumber,
			values: {},
		}
	);
}
