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
				name: 'Spreadsheet Request',
				value: 'spreadsheetRequest',
				action: 'Prepare the request that creates the office spreadsheet',
				description:
					'The body for POST https://sheets.googleapis.com/v4/spreadsheets: every tab the workflows use, header rows frozen',
			},
			{
				name: 'Spreadsheet Layout',
				value: 'spreadsheetLayout',
				action: 'Prepare the requests that lay the office spreadsheet out',
				description:
					'For a created or found spreadsheet: the missing tabs, frozen headers and the Status dropdown (:batchUpdate), and every header row (values:batchUpdate)',
			},
			{
				name: 'Ready Workflows',
				value: 'readyWorkflows',
				action: 'Prepare the ready workflows for this office',
				description:
					"One item per ready workflow, with the office's spreadsheet, Drive folder, letterhead, signatory, paper, unit code and credentials filled in: a body for n8n's API",
			},
		],
		default: 'spreadsheetRequest',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
