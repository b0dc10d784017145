import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { noticeReplies } from '../../../domain/conversation';
import { DEFAULT_SHEET_LAYOUT as layout } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Notice',
		name: 'notice',
		type: 'options',
		options: [
			{ name: 'Letter Approved', value: 'approved', description: 'The letter is attached' },
			{ name: 'Request Rejected', value: 'rejected', description: "With the staff's reason" },
			{ name: 'Fix Requested', value: 'fix', description: 'What the resident must correct' },
			{ name: 'Request Received', value: 'received' },
		],
		default: 'approved',
	},
	{
		displayName: 'Request Row',
		name: 'row',
		type: 'json',
		default: '={{ $json }}',
		description: "The request's row from the sheet (ticket, service, note, letter number)",
	},
];

const displayOptions = { show: { operation: ['notify'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The message telling a resident what staff decided, from the catalog's texts and the row. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const c = layout.columns;
	const kind = this.getNodeParameter('notice', i) as Parameters<typeof noticeReplies>[0];
	const row = jsonParameter<Record<string, unknown>>(this, 'row', i, { shape: 'object' });
	const text = (key: string) => String(row[key] ?? '');
	const vars = {
		ticket: text(c.ticket),
		serviceTitle: text(c.service),
		name: text(c.name),
		note: text(c.note),
		letterNumber: text(c.letterNumber),
	};
	const replies = noticeReplies(kind, vars, getCatalog.call(this, i));
	return { json: { waId: text(c.waId), replies, ...vars } };
}
