import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Gateway } from '../../providers/gateway';

export const description: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '={{ $json.messageId }}',
		description: 'ID of the incoming message to mark as read (blue ticks)',
		displayOptions: { show: { resource: ['message'], operation: ['markRead'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const messageId = String(this.getNodeParameter('messageId', itemIndex) ?? '').trim();
	if (!messageId) {
		throw new NodeOperationError(this.getNode(), 'Message ID is empty', { itemIndex });
	}
	const result = await gateway.markRead(messageId);
	return { json: { provider: gateway.provider, messageId, ...result } };
}
