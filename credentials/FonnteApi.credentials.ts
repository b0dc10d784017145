import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class FonnteApi implements ICredentialType {
	name = 'fonnteApi';

	displayName = 'Fonnte API';

	icon: Icon = { light: 'file:fonnteApi.svg', dark: 'file:fonnteApi.dark.svg' };

	documentationUrl = 'https://docs.fonnte.com/api-send-message/';

	properties: INodeProperties[] = [
		{
			displayName: 'Device Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The device token from the Fonnte dashboard (Device → Token), not the account token',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Any secret string; add it to the webhook URL in Fonnte as ?secret=… (or send it as an X-Webhook-Secret header). The trigger rejects requests without it.',
		},
		{
			displayName: 'Delay Between Messages (Seconds)',
			name: 'sendDelaySeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5,
			description:
				"Every message from this number waits this long after the one before, so a burst (30 approvals at once) never leaves in one second: numbers that send too fast get banned by WhatsApp. Fonnte's own default between contacts is 5 s.",
		},
		{
			displayName: 'Random Extra Delay (Seconds)',
			name: 'sendJitterSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 2,
			description:
				'Up to this much more, chosen at random for each message, so the sending does not look machine-made',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.fonnte.com',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.token}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/device',
			method: 'POST',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: false, message: 'Fonnte rejected the device token' },
			},
		],
	};
}
