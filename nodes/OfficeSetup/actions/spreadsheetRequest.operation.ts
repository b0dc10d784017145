import type { INodeProperties, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from '../../common/itemLoop';
import { spreadsheetCreateBody } from '../../shared/setup';

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
