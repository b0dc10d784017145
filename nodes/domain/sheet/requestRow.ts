/**
 * The requests sheet: one row per request, the staff's whole interface. Column names and status
 * words are Indonesian data (templates/sheet.json) so an office can rename them; this module only
 * maps between an application and a row. Rows are written RAW, so nothing here escapes formulas.
 */
import layoutJson from '../../../templates/sheet.json';
import type { FieldSpec } from '../catalog/types';
import { formatFieldValue } from '../validation/field';
import { CELL_LIMIT, encodeApplicationCell } from './applicationCell';
import { sheetTime } from './time';

export type ColumnKey = keyof typeof layoutJson.columns;
export type StatusKey = keyof typeof layoutJson.statuses;

type TabsJson = typeof layoutJson.tabs;
/** The spreadsheet's other tabs (surveys, complaints, hand-offs, report): name and columns. */
export type SheetTabs = {
	[K in keyof TabsJson]: { name: string; columns: Record<keyof TabsJson[K]['columns'], string> };
};

export interface SheetLayout {
	/** The requests tab's name. */
	sheetName?: string;
	columns: Record<ColumnKey, string>;
	statuses: Record<StatusKey, string>;
	tabs?: SheetTabs;
}

export const DEFAULT_SHEET_LAYOUT: SheetLayout & { sheetName: string; tabs: SheetTabs } =
	layoutJson;

/** Every tab of the spreadsheet with its header row, the requests tab first (for provisioning). */
export function sheetTabs(
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): Array<{ name: string; header: string[] }> {
	const tabs = layout.tabs ?? DEFAULT_SHEET_LAYOUT.tabs;
	return [
		{ name: layout.sheetName ?? DEFAULT_SHEET_LAYOUT.sheetName, header: headerRow(layout) },
		...Object.values(tabs).map((tab) => ({
			name: tab.name,
			header: Object.values(tab.columns as Record<string, string>),
		})),
	];
}

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
	/** Notes for staff (a NIK that disagrees with the birth date): the first lines of "Data". */
	flags?: string[];
	/** The service's fields, for the readable "Data" cell (labels, dates and money as people write them). */
	fields: FieldSpec[];
	documents: DocumentLink[];
	status: StatusKey;
	/** The application as JSON, kept so the approvals workflow can print the letter from the row. */
	applicationJson: string;
}

function cell(value: string): string {
	return value.length > CELL_LIMIT ? value.slice(0, CELL_LIMIT - 1) + '…' : value;
}

/** One "label: value" line; a list of records as numbered lines of its own fields. */
function describe(field: FieldSpec, value: unknown): string {
	if (field.type !== 'records' || !Array.isArray(value)) {
		return `${field.label}: ${formatFieldValue(field, value)}`;
	}
	const records = value.map((record, i) => {
		const cells = (field.fields ?? []).map((inner) =>
			formatFieldValue(inner, (record as Record<string, unknown>)[inner.key]),
		);
		return `  ${i + 1}. ${cells.join(', ')}`;
	});
	return [`${field.label}:`, ...records].join('\n');
}

/** The row for a new (or re-submitted) request: column name → cell text. */
export function toRequestRow(input: RowInput, layout: SheetLayout = DEFAULT_SHEET_LAYOUT) {
	const c = layout.columns;
	// The NIK has its own column; everything else the resident answered, in the catalog's order.
	const details = [
		...(input.flags ?? []),
		...input.fields
			.filter((field) => field.key !== 'nik' && field.key in input.data)
			.map((field) => describe(field, input.data[field.key])),
	].join('\n');
	const documents = input.documents.map((d) => `${d.label}: ${d.url}`).join('\n');
	return {
		[c.ticket]: input.ticket,
		[c.receivedAt]: sheetTime(input.submittedAt),
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
		// Whole (deflated when large); the conversation refuses one that cannot fit (applicationCell.ts).
		[c.application]: encodeApplicationCell(input.applicationJson) ?? cell(input.applicationJson),
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
