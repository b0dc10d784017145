import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class SheetEditSecretApi implements ICredentialType {
	name = 'sheetEditSecretApi';

	displayName = 'Pecelan Sheet Edit Secret API';

	icon: Icon = { light: 'file:sheetEditSecret.svg', dark: 'file:sheetEditSecret.dark.svg' };

	documentationUrl =
		'https://github.com/pecelan/n8n-nodes-pecelan/blob/main/docs/nodes/sheet-edit-trigger.md#installing-the-sheets-script';

	properties: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"A long random string; the same value goes into the sheet's Apps Script as the script property PECELAN_SHARED_SECRET. Calls not signed with it are refused.",
		},
	];
}
