import type { INodeProperties, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import { isObject } from '../../domain/values';
import {
	spreadsheetHeadersBody,
	spreadsheetLayoutBody,
	type ExistingTab,
} from '../../domain/setup';

const show = { show: { operation: ['spreadsheetLayout'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Spreadsheet',
		name: 'spreadsheet',
		type: 'json',
		default: '={{ $json }}',
		description:
			"Google's answer for the spreadsheet (from creating it, or GET spreadsheets/{ID}): its spreadsheetId and sheets",
		displayOptions: show,
	},
];

const HINT =
	'Map Spreadsheet to the answer of POST /v4/spreadsheets or GET /v4/spreadsheets/{id} (it has spreadsheetId and sheets)';

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const sheet = jsonParameter<Record<string, unknown>>(this, 'spreadsheet', i, {
		shape: 'object',
		hint: HINT,
	});
	const spreadsheetId = typeof sheet.spreadsheetId === 'string' ? sheet.spreadsheetId : '';
	if (!spreadsheetId || !Array.isArray(sheet.sheets))
		throw new NodeOperationError(this.getNode(), 'The spreadsheet has no spreadsheetId or sheets', {
			itemIndex: i,
			description: HINT,
		});
	const tabs: ExistingTab[] = sheet.sheets
		.map((s) => (isObject(s) && isObject(s.properties) ? s.properties : {}))
		.map((p) => ({ sheetId: Number(p.sheetId ?? 0), title: String(p.title ?? '') }));
	return {
		json: {
			spreadsheetId,
			spreadsheetUrl: sheet.spreadsheetUrl ?? null,
			structure: spreadsheetLayoutBody(tabs),
			headers: spreadsheetHeadersBody(),
		},
	};
}
