import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WHATSAPP_LIMITS } from '../../../domain/messaging/types';
import type { Gateway } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';
import { interactiveProperties, readChoices, readHeaderFooter } from './interactiveFields';

const show = { resource: ['message'], operation: ['sendList'] };

/** The button that opens the list, and the optional title above its rows. */
const listButtonProperties: INodeProperties[] = [
	{
		displayName: 'List Button Label',
		name: 'listButton',
		type: 'string',
		required: true,
		default: '',
		description: 'Label of the button that opens the list (at most 20 characters)',
		displayOptions: { show },
	},
	{
		displayName: 'Section Title',
		name: 'sectionTitle',
		type: 'string',
		default: '',
		description: 'Optional title above the rows (at most 24 characters)',
		displayOptions: { show },
	},
];

export const description: INodeProperties[] = [
	recipientProperty(['sendList'], 'message'),
	...interactiveProperties(
		show,
		'Message body above the list button (at most 1024 characters; longer is shortened)',
		{
			collection: 'rows',
			item: 'row',
			displayName: 'Rows',
			itemDisplayName: 'Row',
			description:
				'Up to 10 rows; titles over 24 and descriptions over 72 characters are shortened with "…"',
			withDescription: true,
		},
		listButtonProperties,
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const to = recipient(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex) as string;
	const button = this.getNodeParameter('listButton', itemIndex) as string;
	const sectionTitle = this.getNodeParameter('sectionTitle', itemIndex, '') as string;
	const rows = readChoices(this, itemIndex, 'rows.row');
	if (!rows.length || rows.length > WHATSAPP_LIMITS.maxListRows) {
		throw new NodeOperationError(
			this.getNode(),
			`Send List needs 1 to ${WHATSAPP_LIMITS.maxListRows} rows with a title, got ${rows.length}`,
			{
				itemIndex,
			},
		);
	}
	const outcome = await gateway.sendReply(to, {
		type: 'list',
		text,
		button,
		sections: [{ ...(sectionTitle ? { title: sectionTitle } : {}), rows }],
		...readHeaderFooter(this, itemIndex),
	});
	return { json: { provider: gateway.provider, to, ...outcome } };
}
