import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ReplyShapeError, toReplies } from '../../../domain/messaging/replies';
import type { OutboundReply } from '../../../domain/messaging/types';
import type { Gateway } from '../../providers/gateway';
import { readPath, whatsAppIdOrFail } from '../common';

const show = { resource: ['message'], operation: ['sendReplies'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Replies Field',
		name: 'repliesField',
		type: 'string',
		required: true,
		default: 'replies',
		description:
			'Item field holding the replies to send in order (the Service Desk output); dots reach nested fields',
		displayOptions: { show },
	},
	{
		displayName: 'Recipient Field',
		name: 'recipientField',
		type: 'string',
		required: true,
		default: 'waId',
		description:
			"Item field holding the resident's WhatsApp ID or phone number; dots reach nested fields",
		displayOptions: { show },
	},
];

/** The replies array in an item field, or an error naming the field and what is wrong. */
export function readReplies(
	ctx: IExecuteFunctions,
	json: IDataObject,
	repliesField: string,
	itemIndex: number,
): OutboundReply[] {
	try {
		return toReplies(readPath(json, repliesField));
	} catch (error) {
		const reason = error instanceof ReplyShapeError ? error.message : String(error);
		throw new NodeOperationError(
			ctx.getNode(),
			`Field "${repliesField}" does not hold replies: ${reason}`,
			{
				description:
					'Expected an array of {type: "text" | "buttons" | "list", …} as the Service Desk produces.',
				itemIndex,
			},
		);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const item = this.getInputData()[itemIndex];
	const repliesField = this.getNodeParameter('repliesField', itemIndex) as string;
	const recipientField = this.getNodeParameter('recipientField', itemIndex) as string;
	const to = whatsAppIdOrFail(
		this,
		readPath(item.json, recipientField),
		itemIndex,
		`Recipient (field "${recipientField}")`,
	);
	const replies = readReplies(this, item.json, repliesField, itemIndex);
	const messageIds: string[] = [];
	let fallbacks = 0;
	for (const reply of replies) {
		const outcome = await gateway.sendReply(to, reply);
		messageIds.push(...outcome.messageIds);
		if (outcome.fallback) fallbacks++;
	}
	return {
		json: {
			...item.json,
			delivery: { provider: gateway.provider, to, sent: replies.length, messageIds, fallbacks },
		},
	};
}
