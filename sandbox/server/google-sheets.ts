import { randomInt } from 'node:crypto';
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { parseJson } from './http-util';
import {
	clearRange,
	formatRange,
	lastDataRow,
	newTab,
	parseRange,
	readValues,
	SheetsError,
	writeValues,
	type SheetTab,
	type Spreadsheet,
	type ValueInputOption,
	type ValueRenderOption,
} from './sheets-model';
import { googleError, requireGoogleToken } from './google-auth';
import { randomId } from './ids';

function tabProperties(tab: SheetTab, index: number) {
	return {
		sheetId: tab.sheetId,
		title: tab.title,
		index,
		sheetType: 'GRID',
		gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount },
	};
}

function spreadsheetResource(ctx: SandboxContext, sheet: Spreadsheet, fields: string | null) {
	const sheets = sheet.sheets.map((tab, index) => ({ properties: tabProperties(tab, index) }));
	if (fields === 'sheets.properties') return { sheets };
	return {
		spreadsheetId: sheet.spreadsheetId,
		properties: { title: sheet.title, locale: 'in_ID', timeZone: 'Asia/Jakarta' },
		sheets,
		spreadsheetUrl: `${ctx.publicUrl()}/#sheet`,
	};
}

export function createSpreadsheet(
	ctx: SandboxContext,
	id: string,
	title: string,
	tabs: string[],
): Spreadsheet {
	const sheet: Spreadsheet = {
		spreadsheetId: id,
		title,
		sheets: tabs.map((name, i) => newTab(i === 0 ? 0 : randomInt(1, 2 ** 31 - 1), name)),
	};
	ctx.state.data.spreadsheets[id] = sheet;
	return sheet;
}

function valueInput(query: URLSearchParams, body?: Record<string, unknown>): ValueInputOption {
	const option = query.get('valueInputOption') ?? (body?.valueInputOption as string | undefined);
	if (option !== 'RAW' && option !== 'USER_ENTERED') {
		throw new SheetsError(400, "Invalid valueInputOption: 'RAW' or 'USER_ENTERED' is required");
	}
	return option;
}

function valueRender(query: URLSearchParams): ValueRenderOption {
	const option = query.get('valueRenderOption') ?? 'FORMATTED_VALUE';
	if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(option)) {
		throw new SheetsError(400, `Invalid valueRenderOption: ${option}`);
	}
	return option as ValueRenderOption;
}

function tabById(sheet: Spreadsheet, sheetId: unknown): SheetTab {
	const tab = sheet.sheets.find((t) => t.sheetId === Number(sheetId ?? 0));
	if (!tab) throw new SheetsError(400, `No grid with id: ${String(sheetId)}`);
	return tab;
}

/** `spreadsheets.batchUpdate`: the structural requests the nodes send; unknown ones are accepted. */
function batchUpdate(sheet: Spreadsheet, requests: Array<Record<string, any>>): unknown[] {
	return requests.map((request) => {
		const [kind, args] = Object.entries(request)[0] ?? ['', {}];
		switch (kind) {
			case 'addSheet': {
				const title = args?.properties?.title ?? `Sheet${sheet.sheets.length + 1}`;
				if (sheet.sheets.some((t) => t.title === title)) {
					throw new SheetsError(
						400,
						`Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
					);
				}
				const tab = newTab(args?.properties?.sheetId ?? randomInt(1, 2 ** 31 - 1), title);
				Object.assign(tab, args?.properties?.gridProperties ?? {});
				sheet.sheets.push(tab);
				return { addSheet: { properties: tabProperties(tab, sheet.sheets.length - 1) } };
			}
			case 'deleteSheet':
				sheet.sheets = sheet.sheets.filter((t) => t.sheetId !== Number(args?.sheetId));
				return {};
			case 'appendDimension': {
				const tab = tabById(sheet, args?.sheetId);
				if (args?.dimension === 'COLUMNS') tab.columnCount += Number(args?.length ?? 0);
				else tab.rowCount += Number(args?.length ?? 0);
				return {};
			}
			case 'insertDimension':
			case 'deleteDimension': {
				const range = args?.range ?? {};
				const tab = tabById(sheet, range.sheetId);
				const start = Number(range.startIndex ?? 0);
				const count = Number(range.endIndex ?? start) - start;
				const rows = range.dimension !== 'COLUMNS';
				const insert = kind === 'insertDimension';
				if (rows) {
					if (insert) tab.cells.splice(start, 0, ...Array.from({ length: count }, () => []));
					else tab.cells.splice(start, count);
					tab.rowCount += insert ? count : -count;
				} else {
					for (const row of tab.cells) {
						if (insert) row.splice(start, 0, ...Array<null>(count).fill(null));
						else row.splice(start, count);
					}
					tab.columnCount += insert ? count : -count;
				}
				return {};
			}
			case 'updateSheetProperties': {
				const props = args?.properties ?? {};
				const tab = tabById(sheet, props.sheetId);
				if (props.title) tab.title = props.title;
				Object.assign(tab, props.gridProperties ?? {});
				return {};
			}
			case 'setDataValidation': {
				const range = args?.range ?? {};
				const tab = tabById(sheet, range.sheetId);
				const condition = args?.rule?.condition;
				const first = Number(range.startColumnIndex ?? 0);
				const last = Number(range.endColumnIndex ?? first + 1);
				for (let c = first; c < last; c++) {
					if (condition?.type === 'ONE_OF_LIST') {
						tab.dropdowns[c] = (condition.values ?? []).map((v: any) =>
							String(v.userEnteredValue ?? ''),
						);
					} else delete tab.dropdowns[c];
				}
				return {};
			}
			default:
				// Formatting, protected ranges, …: nothing the sandbox shows, accepted like Google would.
				return {};
		}
	});
}

export async function handleSheets(
	ctx: SandboxContext,
	req: StandInRequest,
): Promise<StandInResponse> {
	const denied = requireGoogleToken(req);
	if (denied) return denied;
	try {
		return route(ctx, req);
	} catch (error) {
		if (error instanceof SheetsError) return googleError(error.status, error.message);
		throw error;
	}
}

function route(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const { method, query } = req;
	const body = () => parseJson(req.body) as Record<string, any>;
	if (method === 'POST' && req.rawPath === '/v4/spreadsheets') {
		const input = body();
		const tabs = (input.sheets ?? []).map((s: any) => s?.properties?.title).filter(Boolean);
		const created = createSpreadsheet(
			ctx,
			randomId(44),
			input.properties?.title ?? 'Untitled spreadsheet',
			tabs.length ? tabs : ['Sheet1'],
		);
		ctx.state.changed({ kind: 'sheet', spreadsheetId: created.spreadsheetId });
		return json(200, spreadsheetResource(ctx, created, null));
	}
	const match = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(req.rawPath);
	if (!match) return googleError(404, `Method not found: ${method} ${req.rawPath}`);
	const sheet = ctx.state.data.spreadsheets[decodeURIComponent(match[1])];
	if (!sheet) return googleError(404, 'Requested entity was not found.');
	const rest = match[2];
	const id = sheet.spreadsheetId;
	const done = (result: unknown) => {
		if (method !== 'GET') ctx.state.changed({ kind: 'sheet', spreadsheetId: id });
		return json(200, result);
	};

	if (rest === '' && method === 'GET')
		return json(200, spreadsheetResource(ctx, sheet, query.get('fields')));
	if (rest === ':batchUpdate' && method === 'POST') {
		const replies = batchUpdate(sheet, body().requests ?? []);
		return done({ spreadsheetId: id, replies });
	}
	if (rest === '/values:batchGet' && method === 'GET') {
		const valueRanges = query.getAll('ranges').map((text) => {
			const range = parseRange(sheet, text);
			const major = query.get('majorDimension') === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
			return {
				range: formatRange(range),
				majorDimension: major,
				values: readValues(range, valueRender(query), major),
			};
		});
		return json(200, { spreadsheetId: id, valueRanges });
	}
	if (rest === '/values:batchUpdate' && method === 'POST') {
		const input = body();
		const option = valueInput(query, input);
		const responses = (input.data ?? []).map((entry: any) => ({
			spreadsheetId: id,
			...writeValues(
				parseRange(sheet, String(entry.range)),
				entry.values ?? [],
				option,
				entry.majorDimension,
			),
		}));
		const total = (key: 'updatedRows' | 'updatedColumns' | 'updatedCells') =>
			responses.reduce((sum: number, r: any) => sum + r[key], 0);
		return done({
			spreadsheetId: id,
			totalUpdatedRows: total('updatedRows'),
			totalUpdatedColumns: total('updatedColumns'),
			totalUpdatedCells: total('updatedCells'),
			totalUpdatedSheets: new Set(responses.map((r: any) => r.updatedRange.split('!')[0])).size,
			responses,
		});
	}
	if (rest === '/values:batchClear' && method === 'POST') {
		const ranges: string[] = body().ranges ?? [];
		for (const text of ranges) clearRange(parseRange(sheet, text));
		return done({ spreadsheetId: id, clearedRanges: ranges });
	}
	const values = /^\/values\/(.+?)(:append|:clear)?$/.exec(rest);
	if (!values) return googleError(404, `Method not found: ${method} ${req.rawPath}`);
	const range = parseRange(sheet, decodeURIComponent(values[1]));
	const action = values[2];
	if (!action && method === 'GET') {
		const major = query.get('majorDimension') === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
		const rows = readValues(range, valueRender(query), major);
		return json(200, {
			range: formatRange(range),
			majorDimension: major,
			...(rows.length ? { values: rows } : {}),
		});
	}
	if (!action && method === 'PUT') {
		const input = body();
		const option = valueInput(query);
		return done({
			spreadsheetId: id,
			...writeValues(range, input.values ?? [], option, input.majorDimension),
		});
	}
	if (action === ':append' && method === 'POST') {
		const input = body();
		const option = valueInput(query);
		const tableEnd = lastDataRow(range.tab);
		const start = { ...range, startRow: Math.max(range.startRow, tableEnd + 1) };
		const updates = writeValues(start, input.values ?? [], option, input.majorDimension, true);
		const tableRange =
			tableEnd >= 0
				? formatRange({ ...range, startRow: 0, startCol: range.startCol, endRow: tableEnd })
				: undefined;
		return done({
			spreadsheetId: id,
			...(tableRange ? { tableRange } : {}),
			updates: { spreadsheetId: id, ...updates },
		});
	}
	if (action === ':clear' && method === 'POST') {
		clearRange(range);
		return done({ spreadsheetId: id, clearedRange: formatRange(range) });
	}
	return googleError(404, `Method not found: ${method} ${req.rawPath}`);
}
