import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { expiredFolders, type DriveFolder, type Row } from '../../../domain/sheet/fileRetention';
import { DEFAULT_SHEET_LAYOUT } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';

const properties: INodeProperties[] = [
	{
		displayName: 'Folders',
		name: 'folders',
		type: 'json',
		default: "={{ $('List Request Folders').all().map(item => item.json) }}",
		description:
			"The request folders on Drive (ID and name, the name being the ticket), e.g. a Google Drive search in the office's folder",
	},
	{
		displayName: 'Rows Of',
		name: 'kind',
		type: 'options',
		options: [
			{
				name: 'Requests',
				value: 'requests',
				description:
					'Finished when the letter was delivered or revoked (Selesai Pada) or the request rejected (Diberitahu)',
			},
			{
				name: 'Complaints',
				value: 'complaints',
				description: 'Finished when the complaint is Selesai (Selesai Pada)',
			},
		],
		default: 'requests',
		description: 'The input items are the rows of this tab',
	},
	{
		displayName: 'Keep for Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 30,
		description: 'How long after the request is finished its files are kept',
	},
];

const displayOptions = { show: { operation: ['expiredFolders'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The request folders kept long enough: one item per folder to delete, with the note for the row.
 * A batch operation: the input items are the rows of one tab, read as a whole.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const rows = this.getInputData().map((item) => item.json as Row);
	const folders = jsonParameter<unknown>(this, 'folders', 0);
	const expired = expiredFolders(
		Array.isArray(folders) ? (folders as DriveFolder[]) : [],
		rows,
		{
			kind: this.getNodeParameter('kind', 0) as 'requests' | 'complaints',
			days: Number(this.getNodeParameter('days', 0)),
			now: new Date(),
		},
		DEFAULT_SHEET_LAYOUT,
	);
	return [expired.map((folder) => ({ json: { ...folder }, pairedItem: { item: 0 } }))];
}
