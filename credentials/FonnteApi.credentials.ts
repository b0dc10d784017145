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
