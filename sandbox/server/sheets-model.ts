/**
 * The spreadsheet model behind the Sheets stand-in: tabs of cells, A1 ranges, and Google's
 * value input (RAW / USER_ENTERED) and render options. Formulas are stored, never evaluated:
 * a formula renders as `#NAME?`, which makes an accidental formula easy to spot.
 */

export type CellValue = string | number | boolean;
export interface Cell {
	v: CellValue;
	/** Formula text (`=…`) when the cell was entered as one. */
	f?: string;
}

export interface SheetTab {
	sheetId: number;
	title: string;
	rowCount: number;
	columnCount: number;
	cells: Array<Array<Cell | null>>;
	/** ONE_OF_LIST validations set through batchUpdate, by 0-based column. */
	dropdowns: Record<number, string[]>;
}

export interface Spreadsheet {
	spreadsheetId: string;
	title: string;
	sheets: SheetTab[];
	/** Drive's `version` of the file: one more on every change, ours and staff's alike. */
	version?: number;
	/** Drive's `modifiedTime`. */
	modifiedTime?: string;
}

export interface GridRange {
	tab: SheetTab;
	startRow: number;
	startCol: number;
	/** Inclusive; Infinity when the range is open-ended (`A:Z`, `4:`). */
	endRow: number;
	endCol: number;
}

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

export class SheetsError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export function newTab(sheetId: number, title: string): SheetTab {
	return { sheetId, title, rowCount: 1000, columnCount: 26, cells: [], dropdowns: {} };
}

export function columnIndex(letters: string): number {
	let index = 0;
	for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
	return index - 1;
}

export function columnLetters(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

export function quoteTitle(title: string): string {
	return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

export function formatRange(range: GridRange): string {
	const endRow = Math.min(range.endRow, range.tab.rowCount - 1);
	const endCol = Math.min(range.endCol, range.tab.columnCount - 1);
	const start = `${columnLetters(range.startCol)}${range.startRow + 1}`;
	return `${quoteTitle(range.tab.title)}!${start}:${columnLetters(endCol)}${endRow + 1}`;
}

function findTab(spreadsheet: Spreadsheet, title: string): SheetTab | undefined {
	return spreadsheet.sheets.find((tab) => tab.title === title);
}

/** Parses `'My tab'!A1:B2`, `Sheet1!A:Z`, `Sheet1!4:4`, `Sheet1`, `A1:C3` (first tab). */
export function parseRange(spreadsheet: Spreadsheet, text: string): GridRange {
	let title: string | undefined;
	let a1: string | undefined;
	const quoted = /^'((?:[^']|'')+)'(?:!(.*))?$/.exec(text);
	if (quoted) {
		title = quoted[1].replace(/''/g, "'");
		a1 = quoted[2];
	} else if (text.includes('!')) {
		const at = text.lastIndexOf('!');
		title = text.slice(0, at);
		a1 = text.slice(at + 1);
	} else if (findTab(spreadsheet, text)) {
		title = text;
	} else {
		a1 = text;
	}
	const tab = title === undefined ? spreadsheet.sheets[0] : findTab(spreadsheet, title);
	if (!tab) throw new SheetsError(400, `Unable to parse range: ${text}`);
	if (!a1) return { tab, startRow: 0, startCol: 0, endRow: Infinity, endCol: Infinity };
	const [first, second] = a1.split(':');
	const start = /^([A-Za-z]*)(\d*)$/.exec(first);
	const end = second === undefined ? start : /^([A-Za-z]*)(\d*)$/.exec(second);
	if (!start || !end || (!start[1] && !start[2]))
		throw new SheetsError(400, `Unable to parse range: ${text}`);
	return {
		tab,
		startCol: start[1] ? columnIndex(start[1]) : 0,
		startRow: start[2] ? Number(start[2]) - 1 : 0,
		endCol: end[1] ? columnIndex(end[1]) : Infinity,
		endRow: end[2] ? Number(end[2]) - 1 : Infinity,
	};
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A value as the API receives it → a cell; `undefined` means "leave the cell as it is" (JSON null). */
export function inputCell(value: unknown, option: ValueInputOption): Cell | null | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	if (text === '') return null;
	if (option === 'RAW') return { v: text };
	if (text.startsWith('=') && text.length > 1) return { v: '#NAME?', f: text };
	if (text.startsWith("'")) return { v: text.slice(1) };
	const trimmed = text.trim();
	if (NUMBER.test(trimmed)) return { v: Number(trimmed) };
	if (/^(true|false)$/i.test(trimmed)) return { v: trimmed.toLowerCase() === 'true' };
	return { v: text };
}

export function renderCell(cell: Cell | null | undefined, option: ValueRenderOption): CellValue {
	if (!cell) return '';
	if (option === 'FORMULA' && cell.f) return cell.f;
	if (option === 'FORMATTED_VALUE') {
		if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
		return String(cell.v);
	}
	return cell.v;
}

/** The values of a range as Google returns them: trailing empty rows and cells trimmed. */
export function readValues(
	range: GridRange,
	option: ValueRenderOption,
	majorDimension: 'ROWS' | 'COLUMNS' = 'ROWS',
): CellValue[][] {
	const { tab } = range;
	const lastRow = Math.min(range.endRow, tab.cells.length - 1);
	const rows: CellValue[][] = [];
	for (let r = range.startRow; r <= lastRow; r++) {
		const source = tab.cells[r] ?? [];
		const lastCol = Math.min(range.endCol, source.length - 1);
		const row: CellValue[] = [];
		for (let c = range.startCol; c <= lastCol; c++) row.push(renderCell(source[c], option));
		while (row.length && row[row.length - 1] === '') row.pop();
		rows.push(row);
	}
	while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
	if (majorDimension === 'ROWS') return rows;
	const width = Math.max(0, ...rows.map((row) => row.length));
	const columns: CellValue[][] = [];
	for (let c = 0; c < width; c++) {
		const column = rows.map((row) => row[c] ?? '');
		while (column.length && column[column.length - 1] === '') column.pop();
		columns.push(column);
	}
	return columns;
}

export interface WriteResult {
	updatedRange: string;
	updatedRows: number;
	updatedColumns: number;
	updatedCells: number;
}

/** Writes a block of values at the range's top-left; Google refuses writes outside the grid. */
/** Characters one cell holds in Google Sheets. */
export const CELL_LIMIT = 50000;

export function writeValues(
	range: GridRange,
	values: unknown[][],
	option: ValueInputOption,
	majorDimension: 'ROWS' | 'COLUMNS' = 'ROWS',
	growGrid = false,
): WriteResult {
	const { tab } = range;
	let rows = values;
	if (majorDimension === 'COLUMNS') {
		const height = Math.max(0, ...values.map((column) => column.length));
		rows = Array.from({ length: height }, (_, r) => values.map((column) => column[r]));
	}
	const height = rows.length;
	const width = Math.max(0, ...rows.map((row) => (Array.isArray(row) ? row.length : 0)));
	const lastRow = range.startRow + height - 1;
	const lastCol = range.startCol + width - 1;
	if (growGrid) {
		tab.rowCount = Math.max(tab.rowCount, lastRow + 1);
		tab.columnCount = Math.max(tab.columnCount, lastCol + 1);
	} else if (lastRow >= tab.rowCount || lastCol >= tab.columnCount) {
		throw new SheetsError(
			400,
			`Range (${quoteTitle(tab.title)}!${columnLetters(lastCol)}${lastRow + 1}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
		);
	}
	// Google's rule: no cell over 50,000 characters; the whole write is refused.
	for (const row of rows) {
		if (!Array.isArray(row)) continue;
		if (row.some((value) => typeof value === 'string' && value.length > CELL_LIMIT))
			throw new SheetsError(
				400,
				`Your input contains more than the maximum of ${CELL_LIMIT} characters in a single cell.`,
			);
	}
	let cells = 0;
	rows.forEach((row, i) => {
		if (!Array.isArray(row)) return;
		const target = (tab.cells[range.startRow + i] ??= []);
		row.forEach((value, j) => {
			const cell = inputCell(value, option);
			if (cell === undefined) return;
			target[range.startCol + j] = cell;
			cells++;
		});
	});
	for (let r = 0; r < tab.cells.length; r++) tab.cells[r] ??= [];
	const written: GridRange = {
		tab,
		startRow: range.startRow,
		startCol: range.startCol,
		endRow: lastRow,
		endCol: lastCol,
	};
	return {
		updatedRange: formatRange(written),
		updatedRows: height,
		updatedColumns: width,
		updatedCells: cells,
	};
}

export function clearRange(range: GridRange): void {
	const lastRow = Math.min(range.endRow, range.tab.cells.length - 1);
	for (let r = range.startRow; r <= lastRow; r++) {
		const row = range.tab.cells[r] ?? [];
		const lastCol = Math.min(range.endCol, row.length - 1);
		for (let c = range.startCol; c <= lastCol; c++) row[c] = null;
	}
}

/** Index of the last row holding any value, or -1. */
export function lastDataRow(tab: SheetTab): number {
	for (let r = tab.cells.length - 1; r >= 0; r--) {
		if ((tab.cells[r] ?? []).some((cell) => cell && cell.v !== '')) return r;
	}
	return -1;
}
