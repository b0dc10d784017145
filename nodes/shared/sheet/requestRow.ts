/**
 * The requests sheet: one row per request, the staff's whole interface. Column names and status
 * words are Indonesian data (templates/sheet.json) so an office can rename them; this module only
 * maps between an application and a row. Rows are written RAW, so nothing here escapes formulas.
 */
import layoutJson from '../../../templates/sheet.json';

export type ColumnKey = keyof typeof layoutJson.columns;
export type StatusKey = keyof typeof layoutJson.statuses;

export interface SheetLayout {
	columns: Record<ColumnKey, string>;
	statuses: Record<StatusKey, string>;
}

export const DEFAULT_SHEET_LAYOUT: SheetLayout = layoutJson;

export interface DocumentLink {
	key: string;
	label: string;
	url: string;
}

export interface RowInput {
	ticket: string;
	submittedAt: string;
	waId: string;
	name: string;
	serviceKey: string;
	serviceTitle: string;
	data: Record<string, unknown>;
	/** Field labels by key, for the readable "Data" cell. */
	labels: Record<string, string>;
	documents: DocumentLink[];
	status: StatusKey;
	/** The application as JSON, kept so the approvals workflow can print the letter from the row. */
	applicationJson: string;
}

/** Google Sheets refuses cells over 50,000 characters. */
const CELL_LIMIT = 50000;

function cell(value: string): string {
	return value.length > CELL_LIMIT ? value.slice(0, CELL_LIMIT - 1) + '…' : value;
}

function describeValue(value: unknown): string {
	if (Array.isArray(value)) {
		return value
			.map((record, i) => `${i + 1}) ${Object.values(record as object).join(', ')}`)
			.join('; ');
	}
	return value === undefined || value === null ? '' : String(value);
}

/** The row for a new (or re-submitted) request: column name → cell text. */
export function toRequestRow(input: RowInput, layout: SheetLayout = DEFAULT_SHEET_LAYOUT) {
	const c = layout.columns;
	const details = Object.entries(input.data)
		.filter(([key]) => key !== 'nik')
		.map(([key, value]) => `${input.labels[key] ?? key}: ${describeValue(value)}`)
		.join('\n');
	const documents = input.documents.map((d) => `${d.label}: ${d.url}`).join('\n');
	return {
		[c.ticket]: input.ticket,
		[c.receivedAt]: input.submittedAt,
		[c.waId]: input.waId,
		[c.name]: cell(input.name),
		[c.nik]: String(input.data.nik ?? ''),
		[c.service]: input.serviceTitle,
		[c.serviceKey]: input.serviceKey,
		[c.details]: cell(details),
		[c.documents]: cell(documents),
		[c.status]: layout.statuses[input.status],
		[c.note]: '',
		[c.letterNumber]: '',
		[c.verificationCode]: '',
		[c.notifiedAt]: '',
		[c.completedAt]: '',
		[c.application]: cell(input.applicationJson),
	} as Record<string, string>;
}

/** The status key for a cell a person typed or picked ("disetujui ", "DITOLAK"), or undefined. */
export function statusKeyOf(cellText: unknown, layout: SheetLayout = DEFAULT_SHEET_LAYOUT) {
	const wanted = String(cellText ?? '')
		.trim()
		.toLowerCase();
	return (Object.keys(layout.statuses) as StatusKey[]).find(
		(key) => layout.statuses[key].toLowerCase() === wanted,
	);
}

/** Header row in column order, for preparing a fresh spreadsheet. */
export function headerRow(layout: SheetLayout = DEFAULT_SHEET_LAYOUT): string[] {
	return Object.values(layout.columns);
}
