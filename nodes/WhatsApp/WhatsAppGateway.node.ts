import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class WhatsAppGateway implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Gateway',
		name: 'whatsAppGateway',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send WhatsApp messages through the WhatsApp Cloud API or Fonnte',
		defaults: { name: 'WhatsApp Gateway' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'whatsAppCloudApi',
				required: true,
				displayOptions: { show: { provider: ['meta'] } },
			},
			{ name: 'fonnteApi', required: true, displayOptions: { show: { provider: ['fonnte'] } } },
		],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
