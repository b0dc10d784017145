import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Gateway } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';

export const description: INodeProperties[] = [
	recipientProperty(['sendText'], 'message'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Message text; longer than 4096 characters is sent as several messages (Meta)',
		displayOptions: { show: { resource: ['message'], operation: ['sendText'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const to = recipient(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex) as string;
	const { messageIds } = await gateway.sendText(to, text);
	return { json: { provider: gateway.provider, to, messageIds } };
}
