/**
 * A notice the office sends on its own initiative (letter ready, rejection, fix, survey, …):
 * free-form inside Meta's 24-hour window, the office's approved template outside it, and the
 * template once more when Meta answers 131047 (the office's clock and Meta's disagree).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import type { OutboundReply } from '../../../domain/messaging/types';
import {
	OFFICE_TEMPLATES,
	bodyParameters,
	fillWording,
	insideServiceWindow,
	namedWording,
	officeTemplate,
} from '../../../domain/messaging/templates';
import type { Gateway, MediaSource, SendOutcome } from '../../providers/gateway';
import { isOutsideWindow } from '../../providers/meta/errors';
import { recipient, recipientProperty } from '../common';
import { readReplies } from './sendReplies.operation';
import { nameTemplateInError } from './sendTemplate.operation';
import { binaryFile } from './templateFields';

const show = { resource: ['message'], operation: ['sendNotice'] };

export const description: INodeProperties[] = [
	recipientProperty(['sendNotice'], 'message'),
	{
		displayName: 'Last Message From Resident',
		name: 'lastInboundAt',
		type: 'string',
		default: '',
		placeholder: '2026-11-30T08:15:00Z',
		description:
			'When the resident last wrote (ISO time). Within 24 hours the notice goes free-form; older or empty: as the template.',
		displayOptions: { show },
	},
	{
		displayName: 'Template',
		name: 'noticeTemplate',
		type: 'options',
		default: 'pecelan_surat_selesai',
		options: OFFICE_TEMPLATES.map((t) => ({
			name: `${t.purpose[0].toUpperCase()}${t.purpose.slice(1)} (${t.template.name})`,
			value: t.template.name,
		})),
		description: 'The office template sent outside the window (templates/whatsapp)',
		displayOptions: { show },
	},
	{
		displayName: 'Template Values',
		name: 'templateValues',
		type: 'json',
		default: '={{ $json }}',
		description:
			"An object with the values the template's placeholders name (name, serviceTitle, ticket, letterNumber, note, response, period, recipientName)",
		displayOptions: { show },
	},
	{
		displayName: 'Free-Form Message',
		name: 'freeForm',
		type: 'options',
		default: 'templateText',
		options: [
			{ name: "The Template's Wording", value: 'templateText' },
			{ name: 'Replies From a Field', value: 'replies', description: 'The Service Desk output' },
		],
		description: 'What is sent inside the 24-hour window',
		displayOptions: { show },
	},
	// One Wording per template, each with that template's bundled text as its default: the words
	// the resident reads are visible and editable on the node that sends them.
	...OFFICE_TEMPLATES.map(
		(office): INodeProperties => ({
			displayName: 'Wording',
			name: 'noticeWording',
			type: 'string',
			typeOptions: { rows: 6 },
			default: namedWording(office),
			description: `What the resident reads inside the 24-hour window. ${office.values.map((v) => `{${v}}`).join(', ')} are filled in. Outside the window WhatsApp delivers the approved template (${office.template.name}) as Meta approved it.`,
			displayOptions: {
				show: { ...show, noticeTemplate: [office.template.name], freeForm: ['templateText'] },
			},
		}),
	),
	{
		displayName: 'Replies Field',
		name: 'repliesField',
		type: 'string',
		default: 'replies',
		displayOptions: { show: { ...show, freeForm: ['replies'] } },
	},
	{
		displayName: 'Attach Document',
		name: 'attachDocument',
		type: 'boolean',
		default: false,
		description:
			"Whether to send this item's binary file with the notice: as the template's document header, or free-form as a document with the notice as its caption",
		displayOptions: { show },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { ...show, attachDocument: [true] } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'id',
		displayOptions: { show },
	},
];

/** Texts of replies, for a caption (a document carries one text, no buttons). */
const captionOf = (replies: OutboundReply[]) => replies.map((r) => r.text).join('\n\n');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const item = this.getInputData()[itemIndex];
	const to = recipient(this, itemIndex);
	const name = this.getNodeParameter('noticeTemplate', itemIndex) as string;
	const language = String(this.getNodeParameter('language', itemIndex, 'id') || 'id');
	const office = officeTemplate(name);
	if (!office) {
		throw new NodeOperationError(this.getNode(), `"${name}" is not one of the office templates`, {
			description: `Choose one of: ${OFFICE_TEMPLATES.map((t) => t.template.name).join(', ')}.`,
			itemIndex,
		});
	}
	const parameters = bodyParameters(
		office,
		jsonParameter<IDataObject>(this, 'templateValues', itemIndex, { empty: {}, shape: 'object' }),
	);
	const freeForm = this.getNodeParameter('freeForm', itemIndex, 'templateText') as string;
	const wording =
		freeForm === 'templateText'
			? String(this.getNodeParameter('noticeWording', itemIndex, '') ?? '')
			: '';
	// With the template chosen by an expression n8n cannot tell which Wording shows and hands on
	// another template's bundled wording: that one is never this template's own.
	const foreign = OFFICE_TEMPLATES.some(
		(other) => other !== office && namedWording(other) === wording.trim(),
	);
	const own = foreign ? '' : wording.trim();
	const templateText = fillWording(own || namedWording(office), office, parameters);
	const replies: OutboundReply[] =
		freeForm === 'replies'
			? readReplies(
					this,
					item.json,
					this.getNodeParameter('repliesField', itemIndex) as string,
					itemIndex,
				)
			: [{ type: 'text', text: templateText }];

	let document: { source: MediaSource; fileName: string } | undefined;
	if (this.getNodeParameter('attachDocument', itemIndex, false)) {
		const field = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		document = await binaryFile(this, itemIndex, field);
		// Uploaded once: a fallback to the template reuses the media id.
		document.source = await gateway.prepareMedia(document.source, 'document');
	}

	const lastInboundAt = this.getNodeParameter('lastInboundAt', itemIndex, '') as string;
	// Fonnte has no window: everything is free-form there.
	const inside = gateway.provider === 'fonnte' || insideServiceWindow(lastInboundAt, new Date());
	let fellBack = false;
	let outcome: SendOutcome | undefined;
	if (inside) {
		try {
			outcome = await sendFreeForm(gateway, to, replies, document);
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- already a NodeApiError from the transport; the router passes it on
			if (!isOutsideWindow(error)) throw error;
			fellBack = true;
		}
	}
	if (!outcome) {
		try {
			outcome = await gateway.sendTemplate(to, {
				name,
				language,
				bodyParameters: parameters,
				header: document
					? { kind: 'document', media: document.source, fileName: document.fileName }
					: undefined,
				buttons: office.quickReplyPayloads.map((value, index) => ({
					kind: 'quickReply',
					index,
					value,
				})),
			});
		} catch (error) {
			throw nameTemplateInError(error, name, language);
		}
	}
	return {
		json: {
			...item.json,
			delivery: {
				provider: gateway.provider,
				to,
				via: inside && !fellBack ? 'freeForm' : 'template',
				template: name,
				fellBack,
				messageIds: outcome.messageIds,
			},
		},
	};
}

async function sendFreeForm(
	gateway: Gateway,
	to: string,
	replies: OutboundReply[],
	document?: { source: MediaSource; fileName: string },
): Promise<SendOutcome> {
	if (document) {
		return gateway.sendMedia(to, 'document', document.source, {
			caption: captionOf(replies),
			fileName: document.fileName,
		});
	}
	const messageIds: string[] = [];
	for (const reply of replies) messageIds.push(...(await gateway.sendReply(to, reply)).messageIds);
	return { messageIds };
}
