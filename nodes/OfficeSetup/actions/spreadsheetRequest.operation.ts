import type { INodeProperties, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { spreadsheetCreateBody } from '../../domain/setup';

const show = { show: { operation: ['spreadsheetRequest'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: 'Pecelan · Permohonan Surat',
		required: true,
		description: "The spreadsheet's name in Google Drive",
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const title = String(this.getNodeParameter('title', i, '')).trim() || 'Pecelan';
	return { json: { title, body: spreadsheetCreateBody(title) } };
}
