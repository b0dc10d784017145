/**
 * The office's spreadsheet as Google Sheets API bodies, from the sheet layout the nodes read
 * (templates/sheet.json): every tab with its header row frozen, and the Status and Penandatangan
 * (signer) dropdowns of the requests tab. Creating and laying out are apart because the layout needs the tabs' sheet ids,
 * which only the created (or found) spreadsheet gives; laying out again is harmless, so a second
 * run of the Setup workflow repairs a spreadsheet instead of making another.
 */
import layoutJson from '../../../templates/sheet.json';

interface TabLayout {
	name: string;
	header: string[];
	/** Values offered as dropdowns below the header: Status and signer (requests tab only). */
	dropdowns?: Array<{ column: number; values: string[] }>;
}

interface SheetLayoutFile {
	sheetName: string;
	columns: Record<string, string>;
	statuses: Record<string, string>;
	signers?: Record<string, string>;
	tabs: Record<string, { name: string; columns: Record<string, string> }>;
}

/** Every tab of the office's spreadsheet, the requests tab first. */
export function officeTabs(layout: SheetLayoutFile = layoutJson as SheetLayoutFile): TabLayout[] {
	const header = Object.values(layout.columns);
	const requests: TabLayout = {
		name: layout.sheetName,
		header,
		dropdowns: [
			{ column: header.indexOf(layout.columns.status), values: Object.values(layout.statuses) },
			...(layout.signers && layout.columns.signer
				? [{ column: header.indexOf(layout.columns.signer), values: Object.values(layout.signers) }]
				: []),
		],
	};
	const others = Object.values(layout.tabs).map((tab) => ({
		name: tab.name,
		header: Object.values(tab.columns),
	}));
	return [requests, ...others];
}

/** `POST /v4/spreadsheets`: the spreadsheet with every tab, its header row frozen. */
export function spreadsheetCreateBody(title: string, tabs = officeTabs()) {
	return {
		properties: { title, locale: 'in_ID', timeZone: 'Asia/Jakarta' },
		sheets: tabs.map((tab) => ({
			properties: { title: tab.name, gridProperties: { frozenRowCount: 1 } },
		})),
	};
}

/** A tab of an existing spreadsheet, as the API describes it (`sheets[].properties`). */
export interface ExistingTab {
	sheetId: number;
	title: string;
}

/** Sheet ids for tabs the layout adds: fixed, so the same request can be sent again. */
const ADDED_TAB_ID = 7300;

/**
 * `POST /v4/spreadsheets/{id}:batchUpdate`: adds the tabs the spreadsheet lacks, freezes every
 * header row and puts the dropdowns (ONE_OF_LIST, strict) on the requests tab's Status and
 * Penandatangan columns below the header (an empty signer cell stays allowed: it means the Lurah).
 */
export function spreadsheetLayoutBody(existing: ExistingTab[], tabs = officeTabs()) {
	const requests: Array<Record<string, unknown>> = [];
	const ids = tabs.map((tab, index) => {
		const found = existing.find((t) => t.title === tab.name);
		if (found) return found.sheetId;
		const sheetId = ADDED_TAB_ID + index;
		requests.push({ addSheet: { properties: { sheetId, title: tab.name } } });
		return sheetId;
	});
	tabs.forEach((tab, index) => {
		requests.push({
			updateSheetProperties: {
				properties: { sheetId: ids[index], gridProperties: { frozenRowCount: 1 } },
				fields: 'gridProperties.frozenRowCount',
			},
		});
		for (const dropdown of tab.dropdowns ?? []) {
			if (dropdown.column < 0) continue;
			requests.push({
				setDataValidation: {
					range: {
						sheetId: ids[index],
						startRowIndex: 1,
						startColumnIndex: dropdown.column,
						endColumnIndex: dropdown.column + 1,
					},
					rule: {
						condition: {
							type: 'ONE_OF_LIST',
							values: dropdown.values.map((value) => ({ userEnteredValue: value })),
						},
						strict: true,
						showCustomUi: true,
					},
				},
			});
		}
	});
	return { requests };
}

/** The A1 column letter of a 1-based column number (27 → AA). */
function columnLetter(n: number): string {
	let letters = '';
	for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
		letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
	return letters;
}

/** `POST /v4/spreadsheets/{id}/values:batchUpdate`: every tab's header row, written as is. */
export function spreadsheetHeadersBody(tabs = officeTabs()) {
	return {
		valueInputOption: 'RAW',
		data: tabs.map((tab) => ({
			range: `'${tab.name}'!A1:${columnLetter(tab.header.length)}1`,
			majorDimension: 'ROWS',
			values: [tab.header],
		})),
	};
}
