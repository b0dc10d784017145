import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WHATSAPP_LIMITS } from '../../../domain/messaging/types';
import type { Gateway } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';
import { headerFooterProperties, readHeaderFooter } from './interactiveFields';

const show = { resource: ['message'], operation: ['sendButtons'] };

export const description: INodeProperties[] = [
	recipientProperty(['sendButtons'], 'message'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'Message body above the buttons (at most 1024 characters; longer is shortened)',
		displayOptions: { show },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 3 reply buttons; titles longer than 20 characters are shortened with "…"',
		displayOptions: { show },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Sent back as replyId when chosen',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				],
			},
		],
	},
	...headerFooterProperties(show),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const to = recipient(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex) as string;
	const raw = (this.getNodeParameter('buttons.button', itemIndex, []) as IDataObject[]) ?? [];
	const buttons = raw
		.map((b, i) => ({ id: String(b.id || i + 1), title: String(b.title ?? '') }))
		.filter((b) => b.title);
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
