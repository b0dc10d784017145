import type { INodeProperties } from 'n8n-workflow';

import { operations } from './router';

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Finish Page',
				value: 'finishPage',
				action: 'Write the finish page of the setup',
				description:
					"The Setup form's last page (Indonesian): links, what reached the admin's WhatsApp or why not, sharing, what is left by hand",
			},
			{
				name: 'Ready Workflows',
				value: 'readyWorkflows',
				action: 'Prepare the ready workflows for this office',
				description:
					"One item per ready workflow, with the office's spreadsheet, Drive folder, letterhead, signatory, paper, unit code and credentials filled in: a body for n8n's API",
			},
			{
				name: 'Sample Letter',
				value: 'sampleLetter',
				action: 'Prepare a sample letter for the admin',
				description:
					"A sample application marked as such, with the letterhead, signatory and paper of the ready workflows' Letter PDF node: for a Letter PDF node to print",
			},
			{
				name: 'Share Requests',
				value: 'shareRequests',
				action: 'Prepare sharing the office files with staff',
				description:
					'For each staff e-mail typed: the spreadsheet and the folder to share (Google Drive node, Share), and the addresses that are none',
			},
			{
				name: 'Spreadsheet Layout',
				value: 'spreadsheetLayout',
				action: 'Prepare the requests that lay the office spreadsheet out',
				description:
					'For a created or found spreadsheet: the missing tabs, frozen headers and the Status dropdown (:batchUpdate), and every header row (values:batchUpdate)',
			},
			{
				name: 'Spreadsheet Request',
				value: 'spreadsheetRequest',
				action: 'Prepare the request that creates the office spreadsheet',
				description:
					'The body for POST https://sheets.googleapis.com/v4/spreadsheets: every tab the workflows use, header rows frozen',
			},
		],
		default: 'spreadsheetRequest',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
