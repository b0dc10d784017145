import type { INodeProperties } from 'n8n-workflow';

import { catalogProperties } from './catalog';
import { operations } from './router';

export { outputsFor } from './outputs';

/**
 * Operations grouped by what they are about (n8n's resources); operation names are unique across
 * resources, so the router and each operation's parameters go by the operation alone.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Conversation',
				value: 'conversation',
				description: "A resident's chat: one message at a time, and what staff start in it",
			},
			{
				name: 'Letter Verification',
				value: 'letterVerification',
				description: "The page behind a letter's QR code and the records it reads",
			},
			{
				name: 'Outcome',
				value: 'outcome',
				description:
					'After a letter or a complaint: the satisfaction survey and the answer to a complaint',
			},
			{
				name: 'Request Sheet',
				value: 'requestSheet',
				description:
					"The requests sheet staff work in: rows, decisions, a resident's status, and when files may go",
			},
			{
				name: 'Service Catalog',
				value: 'service',
				description: 'The services, their requirements, and whether an application meets them',
			},
		],
		default: 'conversation',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Apply Change',
				value: 'applyChange',
				action: 'Apply one change to a stored session',
				description:
					'Take Step, Reopen for Fix, Invite to Survey or Resume Bot, chosen by the item: the new session and the version to save it as',
			},
			{
				name: 'Draft Reminder',
				value: 'draftReminder',
				action: 'Remind a resident of a waiting draft',
				description:
					'A stored session whose request draft waited half its time: the one reminder to send, and the session to save first',
			},
			{
				name: 'Handle Message',
				value: 'handleMessage',
				action: 'Handle one incoming message',
				description:
					"Advance the resident's conversation by one message: session in, replies and events out",
			},
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
				name: 'Take Step',
				value: 'takeStep',
				action: 'Take one conversation step to save',
				description:
					'Handle Message without sending anything: the new session and the version to save it as; route it after the save',
			},
		],
		default: 'handleMessage',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{
				name: 'Check Application',
				value: 'checkApplication',
				action: 'Check an application against its requirements',
				description:
					'Tell whether an application is complete: missing documents and invalid fields, each with a reason',
			},
			{
				name: 'Describe Service',
				value: 'describeService',
				action: 'Describe the requirements of a service',
			},
			{ name: 'List Services', value: 'listServices', action: 'List the services in the catalog' },
		],
		default: 'listServices',
	},
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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['letterVerification'] } },
		options: [
			{
				name: 'Letter Record',
				value: 'letterRecord',
				action: 'Build the verification record of a letter',
				description:
					'What the verification page may show of a letter just made (masked NIK), to store by its code',
			},
			{
				name: 'Letter Record Changes',
				value: 'letterRecordChanges',
				action: 'Find the verification records to update',
				description:
					'Compare the sheet with the stored records: revoked or restored letters, and letters without a record',
			},
			{
				name: 'Verification Page',
				value: 'verificationPage',
				action: 'Build the page behind a letter QR code',
				description:
					'Confirm an issued letter (number, date, holder with masked NIK) or say it is unknown',
			},
		],
		default: 'verificationPage',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['outcome'] } },
		options: [
			{
				name: 'Complaint Reply',
				value: 'complaintReply',
				action: 'Compose the reply to a resolved complaint',
				description: "Tell the resident staff's response when a complaint is marked resolved",
			},
			{
				name: 'Invite to Survey',
				value: 'inviteSurvey',
				action: 'Invite a resident to the satisfaction survey',
				description:
					'After a letter is delivered: ask once per ticket, or keep the invitation until the resident is free',
			},
		],
		default: 'inviteSurvey',
	},
	...Object.values(operations).flatMap((op) => op.description),
	...catalogProperties,
];
