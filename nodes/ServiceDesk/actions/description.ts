import type { INodeProperties } from 'n8n-workflow';

import { catalogProperties } from './catalog';
import * as conversation from './conversation/Conversation.resource';
import * as letterVerification from './letterVerification/LetterVerification.resource';
import * as outcome from './outcome/Outcome.resource';
import * as requestSheet from './requestSheet/RequestSheet.resource';
import * as service from './service/Service.resource';

export { outputsFor } from './outputs';

/**
 * Operations grouped by what they are about (n8n's resources), one folder each: the resource's
 * operation list in `<Resource>.resource.ts`, one `<operation>.operation.ts` per operation.
 * Operation names are unique across resources, so each operation's parameters show by the
 * operation alone, as they always have (saved workflows keep every parameter).
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
	...conversation.description,
	...service.description,
	...requestSheet.description,
	...letterVerification.description,
	...outcome.description,
	...catalogProperties,
];
