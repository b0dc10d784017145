import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { catalogProperties } from './catalog';
import { operations } from './router';

// "Handle Message" routes its results so the editor shows each branch; the other operations have one output.
// "Triage Decisions" likewise routes approved, rejected and fix-requested rows.
const outputsFor = (operation: string) => {
	const named = (...names: string[]) => names.map((displayName) => ({ type: 'main', displayName }));
	if (operation === 'handleMessage') return named('Reply', 'Submitted', 'Status Question', 'Hand-off');
	if (operation === 'triage') return named('Approved', 'Rejected', 'Fix Requested');
	return [{ type: 'main' }];
};

export const versionDescription: INodeTypeDescription = {
	displayName: 'Service Desk',
	name: 'serviceDesk',
	icon: { light: 'file:serviceDesk.svg', dark: 'file:serviceDesk.dark.svg' },
	group: ['transform'],
	version: [1],
	subtitle: '={{ $parameter["operation"] }}',
	description:
		'Talks a resident through a letter request: catalog of services, requirement check and the conversation',
	defaults: { name: 'Service Desk' },
	inputs: [NodeConnectionTypes.Main],
	outputs: `={{(${outputsFor})($parameter.operation)}}`,
	usableAsTool: true,
	properties: [
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
					description: 'Tell whether an application is complete: missing documents and invalid fields, each with a reason',
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
					description: "Advance the resident's conversation by one message: session in, replies and events out",
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
					name: 'Triage Decisions',
					value: 'triage',
					action: 'Triage the decisions in the requests sheet',
					description:
						'Route the rows staff approved, rejected or sent back, not yet handled; number the approved letters',
				},
				{
					name: 'Status Reply',
					value: 'statusReply',
					action: 'Answer a status question',
					description: "Answer from the resident's rows in the requests sheet",
				},
			],
			default: 'handleMessage',
		},
		...Object.values(operations).flatMap((op) => op.description),
		...catalogProperties,
	],
};
