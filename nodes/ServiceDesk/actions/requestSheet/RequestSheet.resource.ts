import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as expiredFolders from './expiredFolders.operation';
import * as letterDelivery from './letterDelivery.operation';
import * as letterRegister from './letterRegister.operation';
import * as resendLetter from './resendLetter.operation';
import * as sheetRow from './sheetRow.operation';
import * as staffAlerts from './staffAlerts.operation';
import * as statusReply from './statusReply.operation';
import * as triage from './triage.operation';

export const operations: Record<string, Operation> = {
	expiredFolders,
	letterDelivery,
	letterRegister,
	resendLetter,
	sheetRow,
	staffAlerts,
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
				name: 'Letter Register',
				value: 'letterRegister',
				action: 'Bring the register of letters out up to date',
				description:
					'The Buku Agenda rows of letters not in it yet, and of letters revoked since they were entered',
			},
			{
				name: 'Letter to Deliver',
				value: 'letterDelivery',
				action: 'Read the letters to print sign and send',
				description:
					"The numbered letters of request rows as printing, signing, archiving and sending need them, with the row's signer",
			},
			{
				name: 'Request Row',
				value: 'sheetRow',
				action: 'Build the request row for the sheet',
				description: 'Turn a submitted application into the row staff work on',
			},
			{
				name: 'Resend Letter',
				value: 'resendLetter',
				action: 'Send a delivered letter again',
				description:
					"List the resident's delivered letters, or check the NIK digits they typed and give the letters to send again",
			},
			{
				name: 'Staff Alerts',
				value: 'staffAlerts',
				action: 'Find what staff should be told',
				description:
					'New requests, complaints, hand-offs, requests past their service standard and the morning digest, each once',
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
	...letterDelivery.description,
	...letterRegister.description,
	...resendLetter.description,
	...sheetRow.description,
	...staffAlerts.description,
	...statusReply.description,
	...triage.description,
];
