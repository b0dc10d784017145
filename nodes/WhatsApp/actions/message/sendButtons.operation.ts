import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WHATSAPP_LIMITS } from '../../../domain/messaging/types';
import type { Gateway } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';
import { interactiveProperties, readChoices, readHeaderFooter } from './interactiveFields';

const show = { resource: ['message'], operation: ['sendButtons'] };

export const description: INodeProperties[] = [
	recipientProperty(['sendButtons'], 'message'),
	...interactiveProperties(
		show,
		'Message body above the buttons (at most 1024 characters; longer is shortened)',
		{
			collection: 'buttons',
			item: 'button',
			displayName: 'Buttons',
			itemDisplayName: 'Button',
			description: 'Up to 3 reply buttons; titles longer than 20 characters are shortened with "…"',
		},
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const to = recipient(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex) as string;
	const buttons = readChoices(this, itemIndex, 'buttons.button');
	if (!buttons.length || buttons.length > WHATSAPP_LIMITS.maxButtons) {
		throw new NodeOperationError(
			this.getNode(),
			`Send Buttons needs 1 to ${WHATSAPP_LIMITS.maxButtons} buttons with a title, got ${buttons.length}`,
			{
				description: 'For more choices use Send List (up to 10 rows).',
				itemIndex,
			},
		);
	}
	const outcome = await gateway.sendReply(to, {
		type: 'buttons',
		text,
		buttons,
		...readHeaderFooter(this, itemIndex),
	});
	return { json: { provider: gateway.provider, to, ...outcome } };
}
