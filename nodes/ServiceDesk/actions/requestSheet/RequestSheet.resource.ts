import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as expiredFolders from './expiredFolders.operation';
import * as sheetRow from './sheetRow.operation';
import * as statusReply from './statusReply.operation';
import * as triage from './triage.operation';

export const operations: Record<string, Operation> = {
	expiredFolders,
	sheetRow,
	statusReply,
	triage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['requestSheet'] } },
		options: [
			{
				name: 'Expired File Folders',
				value: 'expiredFolders',
				action: 'Find request folders kept long enough',
				description:
					"Which requests' Drive folders to delete: finished for longer than the retention period",
			},
			{
				name: 'Request Row',
				value: 'sheetRow',
				action: 'Build the request row for the sheet',
				description: 'Turn a submitted application into the row staff work on',
			},
			{
				name: 'Status Reply',
				value: 'statusReply',
				action: 'Answer a status question',
				description: "Answer from the resident's rows in the requests sheet",
			},
			{
				name: 'Triage Decisions',
				value: 'triage',
				action: 'Triage the decisions in the requests sheet',
				description:
					'Route the rows staff approved, rejected or sent back, not yet handled; number the approved letters',
			},
		],
		default: 'sheetRow',
	},
	...expiredFolders.description,
	...sheetRow.description,
	...statusReply.description,
	...triage.description,
];
