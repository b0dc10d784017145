import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The office's access to BSrE's esign API (the eSign Client BSrE or the provincial Diskominfo
 * runs): base URL and client credentials, the signatory's NIK, and optionally the passphrase.
 */
export class BsreTteApi implements ICredentialType {
	name = 'bsreTteApi';

	displayName = 'BSrE TTE API';

	icon: Icon = { light: 'file:bsreTte.svg', dark: 'file:bsreTte.dark.svg' };

	documentationUrl =
		'https://github.com/pecelan/n8n-nodes-pecelan/blob/main/docs/signing.md#getting-a-bsre-account-for-the-office';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://esign.example.go.id',
			description:
				'The eSign Client address Diskominfo or BSrE gave the office, without /api (requests go to /api/v2/…)',
		},
		{
			displayName: 'Client Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'The API client user issued with the esign integration (HTTP Basic)',
		},
		{
			displayName: 'Client Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Signatory NIK',
			name: 'nik',
			type: 'string',
			required: true,
			default: '',
			description: 'The NIK the signatory (e.g. the Lurah) is registered with at BSrE',
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The signatory's TTE passphrase, only for offices that sign each letter at once. Leave empty so the signatory enters it when signing (the Letter Signature node's Passphrase field).",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/user/check/status',
			method: 'POST',
			body: { nik: '={{$credentials.nik}}' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'NOT_REGISTERED',
					message: 'BSrE does not know this NIK',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'NO_CERTIFICATE',
					message: 'This NIK has no BSrE certificate yet',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'EXPIRED',
					message: "The signatory's certificate has expired",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'REVOKE',
					message: "The signatory's certificate was revoked",
				},
			},
		],
	};
}
