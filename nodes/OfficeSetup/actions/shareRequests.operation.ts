import type { IDataObject, INodeProperties, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { staffEmails, staffShares } from '../../domain/setup';
import { officeFileProperties } from './officeFiles';

const show = { show: { operation: ['shareRequests'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Staff E-Mails',
		name: 'staffEmails',
		type: 'string',
		default: '',
		placeholder: 'petugas1@gmail.com, petugas2@gmail.com',
		description:
			'Google accounts of the staff, comma-separated: each may edit the spreadsheet and the folder',
		displayOptions: show,
	},
	...officeFileProperties(show, {
		spreadsheet: "The office's spreadsheet, shared with each address",
		folder: "The office's Drive folder, shared with each address",
	}),
];

/**
 * One item: `shares` (one per address and file, for a Split Out and the Google Drive node's
 * Share) and `invalid` (what was typed but is no address).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const typed = this.getNodeParameter('staffEmails', i, '');
	const files = {
		spreadsheetId: String(this.getNodeParameter('spreadsheetId', i, '')).trim(),
		folderId: String(this.getNodeParameter('folderId', i, '')).trim(),
	};
	return {
		json: {
			shares: staffShares(typed, files) as unknown as IDataObject[],
			invalid: staffEmails(typed).invalid,
		},
	};
}
