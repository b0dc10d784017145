/** The gateway node's fields: provider, resource, operation and each operation's parameters. */
import type { INodeProperties } from 'n8n-workflow';

import { providerProperty } from './common';
import { operations } from './router';

export const properties: INodeProperties[] = [
	providerProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'message',
		options: [
			{ name: 'Message', value: 'message' },
			{ name: 'Media', value: 'media' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'sendText',
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Create Office Templates',
				value: 'createTemplates',
				action: 'Create the office message templates',
				description: 'Submit templates/whatsapp to Meta for review (Meta only)',
			},
			{
				name: 'Mark as Read',
				value: 'markRead',
				action: 'Mark a message as read',
				description: 'Show blue ticks on an incoming message (Meta only)',
			},
			{
				name: 'Send Buttons',
				value: 'sendButtons',
				action: 'Send reply buttons',
				description: 'Text with up to 3 reply buttons (numbered text on Fonnte)',
			},
			{
				name: 'Send List',
				value: 'sendList',
				action: 'Send a list message',
				description: 'Text with a list of up to 10 rows (numbered text on Fonnte)',
			},
			{
				name: 'Send Notice',
				value: 'sendNotice',
				action: 'Send a notice inside or outside the 24 hour window',
				description:
					'Free-form within 24 hours of the resident’s last message, else the office template',
			},
			{
				name: 'Send Replies',
				value: 'sendReplies',
				action: 'Send replies from a field',
				description: 'Send, in order, the replies array of an item (Service Desk output)',
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				action: 'Send an approved message template',
				description: 'Works outside the 24-hour window (Meta); Fonnte sends its wording as text',
			},
			{ name: 'Send Text', value: 'sendText', action: 'Send a text message' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'sendDocument',
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				action: 'Download incoming media',
				description: "Download a resident's photo or file into binary data",
			},
			{
				name: 'Send Document',
				value: 'sendDocument',
				action: 'Send a document',
				description: 'From binary data (uploaded first) or a URL',
			},
			{
				name: 'Send Image',
				value: 'sendImage',
				action: 'Send an image',
				description: 'From binary data (uploaded first) or a URL',
			},
		],
	},
	...Object.values(operations).flatMap((ops) => Object.values(ops).flatMap((op) => op.description)),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Rate Limit Retries',
				name: 'rateLimitRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description:
					'How many times to retry, with exponential backoff, when the provider answers with a rate limit',
			},
			{
				displayName: 'Retry Base Delay (Ms)',
				name: 'retryDelayMs',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1000,
				description: 'Wait before the first retry; doubled on each further retry',
			},
		],
	},
];
