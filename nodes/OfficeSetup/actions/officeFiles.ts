import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The office's spreadsheet and Drive folder ids, as an operation takes them. */
export function officeFileProperties(
	displayOptions: IDisplayOptions,
	use: { spreadsheet: string; folder: string },
): INodeProperties[] {
	return [
		{
			displayName: 'Spreadsheet ID',
			name: 'spreadsheetId',
			type: 'string',
			default: '',
			required: true,
			description: use.spreadsheet,
			displayOptions,
		},
		{
			displayName: 'Drive Folder ID',
			name: 'folderId',
			type: 'string',
			default: '',
			required: true,
			description: use.folder,
			displayOptions,
		},
	];
}
