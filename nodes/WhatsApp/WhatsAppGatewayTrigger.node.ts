import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nothingToRegister } from '../n8nHelpers/webhookMethods';
import { providerProperty } from './actions/common';
import { handleWebhook } from './handleWebhook';

export class WhatsAppGatewayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Gateway Trigger',
		name: 'whatsAppGatewayTrigger',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["provider"] === "fonnte" ? "Fonnte" : "WhatsApp Cloud API" }}',
		description:
			'Starts the workflow for each WhatsApp message a resident sends (WhatsApp Cloud API or Fonnte)',
		defaults: { name: 'WhatsApp Gateway Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'whatsAppCloudApi',
				required: true,
				displayOptions: { show: { provider: ['meta'] } },
			},
			{ name: 'fonnteApi', required: true, displayOptions: { show: { provider: ['fonnte'] } } },
		],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			// 200 only once the workflow has finished: a message whose run died (a worker stopped,
			// an error) gets no 200, and WhatsApp delivers it again; the intake applies it once.
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'lastNode',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			providerProperty,
			{
				displayName:
					'Paste the production URL above into Meta\'s app dashboard (WhatsApp → Configuration → Webhook) with the verify token of the credential, and subscribe to "messages". Several triggers, one per number, may share one n8n.',
				name: 'metaNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { provider: ['meta'] } },
			},
			{
				displayName:
					"Paste the production URL above, followed by ?secret=<the webhook secret of the Fonnte credential>, into the device's Webhook field in the Fonnte dashboard",
				name: 'fonnteNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { provider: ['fonnte'] } },
			},
			{
				displayName: 'Only This Number',
				name: 'ownNumberOnly',
				type: 'boolean',
				default: true,
				displayOptions: { show: { provider: ['meta'] } },
				description:
					"Whether to run only for messages to this office's phone number ID (the credential's, or the one below). One Meta app can serve several numbers; messages for the others are answered 200 and nothing runs.",
			},
			{
				displayName: 'Phone Number ID',
				name: 'phoneNumberId',
				type: 'string',
				default: '',
				placeholder: '106540352242922',
				displayOptions: { show: { provider: ['meta'], ownNumberOnly: [true] } },
				description:
					"The phone number ID this trigger serves; empty: the credential's Phone Number ID",
			},
			{
				displayName: 'Include Status Updates',
				name: 'includeStatuses',
				type: 'boolean',
				default: false,
				description:
					'Whether to also start the workflow for sent/delivered/read/failed updates of the office\'s own messages (items with kind "status")',
			},
		],
	};

	// Subscriptions are made in Meta's or Fonnte's dashboard, so there is nothing to register here;
	// that is also what lets several triggers (numbers, offices) share one app.
	webhookMethods = nothingToRegister;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook.call(this);
	}
}
