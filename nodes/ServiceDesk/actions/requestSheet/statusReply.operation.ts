import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { statusReplies } from '../../../domain/conversation';
import { DEFAULT_SHEET_LAYOUT as layout } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { getCatalog } from '../catalog';
import { residentRows } from './residentRows';
import { waIdProperty } from '../residentSession';

const properties: INodeProperties[] = [
	waIdProperty('The resident who asked; input items are their rows from the requests sheet'),
	{
		displayName: 'Replies Before the Answer',
		name: 'repliesBefore',
		type: 'json',
		default: '[]',
		description:
			'Replies of the conversation step that asked, sent first (the "replies" of "Route Saved Step"\'s Status Question output)',
	},
];

const displayOptions = { show: { operation: ['statusReply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Answers "how is my request?" from the resident's sheet rows. A batch operation: all input items
 * are read as rows and give one answer (an empty item, when the sheet had none, gives the "no
 * requests yet" answer).
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const waId = String(this.getNodeParameter('waId', 0)).trim();
	const c = layout.columns;
	const requests = residentRows(items, waId).map((row) => ({
		ticket: String(row[c.ticket]),
		serviceTitle: String(row[c.service] ?? ''),
		status: String(row[c.status] ?? ''),
		note: row[c.note] ? String(row[c.note]) : undefined,
		submittedAt: row[c.receivedAt] ? String(row[c.receivedAt]) : undefined,
		letterNumber: row[c.letterNumber] ? String(row[c.letterNumber]) : undefined,
	}));
	const before = jsonParameter<unknown>(this, 'repliesBefore', 0, { empty: [] });
	const replies = [
		...(Array.isArray(before) ? before : []),
		...statusReplies(requests, getCatalog.call(this, 0)),
	];
	return [[{ json: { waId, replies }, pairedItem: items.map((_, i) => ({ item: i })) }]];
}
