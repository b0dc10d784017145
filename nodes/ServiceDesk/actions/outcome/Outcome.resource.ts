import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as complaintReply from './complaintReply.operation';
import * as inviteSurvey from './inviteSurvey.operation';

export const operations: Record<string, Operation> = {
	complaintReply,
	inviteSurvey,
};

export const description: INodeProperties[] = [
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
	...complaintReply.description,
	...inviteSurvey.description,
];
