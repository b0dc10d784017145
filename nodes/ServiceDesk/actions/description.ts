import type { INodeProperties } from 'n8n-workflow';

import { catalogProperties } from './catalog';
import { operations } from './router';

export { outputsFor } from './outputs';

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Check Application',
				value: 'checkApplication',
				action: 'Check an application against its requirements',
				description:
					'Tell whether an application is complete: missing documents and invalid fields, each with a reason',
			},
			{
				name: 'Complaint Reply',
				value: 'complaintReply',
				action: 'Compose the reply to a resolved complaint',
				description: "Tell the resident staff's response when a complaint is marked resolved",
			},
			{
				name: 'Describe Service',
				value: 'describeService',
				action: 'Describe the requirements of a service',
			},
			{
				name: 'Handle Message',
				value: 'handleMessage',
				action: 'Handle one incoming message',
				description:
					"Advance the resident's conversation by one message: session in, replies and events out",
			},
			{
				name: 'Invite to Survey',
				value: 'inviteSurvey',
				action: 'Invite a resident to the satisfaction survey',
				description:
					'After a letter is delivered: ask once per ticket, or keep the invitation until the resident is free',
			},
			{ name: 'List Services', value: 'listServices', action: 'List the services in the catalog' },
			{
				name: 'Notify Resident',
				value: 'notify',
				action: 'Compose a notice for a resident',
				description: 'Letter approved, request rejected or fix requested, from the catalog texts',
			},
			{
				name: 'Reopen for Fix',
				value: 'reopen',
				action: 'Reopen a request for a fix',
				description: 'Staff asked for a correction: ask the resident again, keeping the ticket',
			},
			{
				name: 'Request Row',
				value: 'sheetRow',
				action: 'Build the request row for the sheet',
				description: 'Turn a submitted application into the row staff work on',
			},
			{
				name: 'Resume Bot',
				value: 'resumeBot',
				action: 'Let the bot answer a resident again',
				description: 'Staff finished talking with a resident: end the hand-off and tell them',
			},
			{
				name: 'Route Saved Step',
				value: 'routeSavedStep',
				action: 'Route a saved conversation step',
				description:
					'After "Take Step" was saved: its replies and events, each on its own output (the outputs of Handle Message)',
			},
			{
				name: 'Status Reply',
				value: 'statusReply',
				action: 'Answer a status question',
				description: "Answer from the resident's rows in the requests sheet",
			},
			{
				name: 'Take Step',
				value: 'takeStep',
				action: 'Take one conversation step to save',
				description:
					'Handle Message without sending anything: the new session and the version to save it as; route it after the save',
			},
			{
				name: 'Triage Decisions',
				value: 'triage',
				action: 'Triage the decisions in the requests sheet',
				description:
					'Route the rows staff approved, rejected or sent back, not yet handled; number the approved letters',
			},
			{
				name: 'Verification Page',
				value: 'verificationPage',
				action: 'Build the page behind a letter QR code',
				description:
					'Confirm an issued letter (number, date, holder with masked NIK) or say it is unknown',
			},
		],
		default: 'handleMessage',
	},
	...Object.values(operations).flatMap((op) => op.description),
	...catalogProperties,
];
