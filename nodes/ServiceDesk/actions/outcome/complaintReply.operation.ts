import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FailurePolicy, ItemResult } from '../../../n8nHelpers/itemLoop';
import { complaintReplies } from '../../../domain/conversation';
import { SHEET_PROBLEMS } from '../../../domain/sheet/problems';
import { getCatalog } from '../catalog';
import { waIdProperty } from '../residentSession';

/**
 * What staff read in the complaint's Masalah cell when the answer cannot go out ("{reason}" to
 * fill, templates/sheet.json): on the item, and on the error item should this node fail itself.
 */
const problem = { problem: SHEET_PROBLEMS.complaintNotSent };
export const failurePolicy: FailurePolicy = { failureFields: () => problem };

const properties: INodeProperties[] = [
	{
		displayName: 'Ticket',
		name: 'ticket',
		type: 'string',
		default: '',
		required: true,
		description: 'The complaint ticket (ADU-…)',
	},
	{
		displayName: 'Response',
		name: 'response',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: "Staff's response to the complaint, sent to the resident as written",
	},
	waIdProperty('The resident who complained'),
];

const displayOptions = { show: { operation: ['complaintReply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Staff marked a complaint resolved: the message telling the resident their response. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const text = (name: string) => String(this.getNodeParameter(name, i, '') ?? '').trim();
	const replies = complaintReplies(
		{ ticket: text('ticket'), response: text('response') },
		getCatalog.call(this, i),
	);
	return { json: { waId: text('waId'), replies, ...problem } };
}
