import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OFFICE_TEMPLATES } from '../../../domain/messaging/templates';
import type { Gateway, TemplateMessage } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';
import {
	readTemplateButtons,
	readTemplateHeader,
	templateButtonProperty,
	templateHeaderProperties,
} from './templateFields';

const show = { resource: ['message'], operation: ['sendTemplate'] };

export const description: INodeProperties[] = [
	recipientProperty(['sendTemplate'], 'message'),
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: OFFICE_TEMPLATES[0].template.name,
		description:
			'Name of an APPROVED template in WhatsApp Manager; Fonnte sends the wording of the office templates as text',
		displayOptions: { show },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'id',
		description: 'Language code the template was approved in (ID = Indonesian)',
		displayOptions: { show },
	},
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		description: 'Values for {{1}}, {{2}}, … of the body, in order',
		displayOptions: { show },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
			},
		],
	},
	...templateHeaderProperties(show),
	templateButtonProperty(show),
];

/** Prefixes a provider error with the template, so the execution log names what was refused. */
export function nameTemplateInError(error: unknown, name: string, language: string): unknown {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = `Template "${name}" (${language}): ${error.message}`;
	}
	return error;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const to = recipient(this, itemIndex);
	const name = String(this.getNodeParameter('templateName', itemIndex)).trim();
	const language = String(this.getNodeParameter('language', itemIndex, 'id') || 'id').trim();
	const raw = (this.getNodeParameter('bodyParameters.parameter', itemIndex, []) as IDataObject[]) ?? [];
	const message: TemplateMessage = {
		name,
		language,
		bodyParameters: raw.map((p) => String(p.value ?? '')),
		header: await readTemplateHeader(this, itemIndex),
		buttons: readTemplateButtons(this, itemIndex),
	};
	try {
		const { messageIds } = await gateway.sendTemplate(to, message);
		return { json: { provider: gateway.provider, to, template: name, language, messageIds } };
	} catch (error) {
		throw nameTemplateInError(error, name, language);
	}
}
