import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { inviteSurvey } from '../../../domain/conversation';
import { getCatalog } from '../catalog';
import {
	sessionProperty,
	storedSession,
	versionFields,
	versionProperty,
	waIdProperty,
} from '../residentSession';

const properties: INodeProperties[] = [
	sessionProperty(),
	versionProperty(),
	waIdProperty('The resident who received the letter'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: "The resident's name, used when no session exists yet",
	},
	{
		displayName: 'Ticket',
		name: 'ticket',
		type: 'string',
		default: '',
		required: true,
		description: 'The request whose letter was delivered; each ticket is invited once',
	},
	{
		displayName: 'Service Title',
		name: 'serviceTitle',
		type: 'string',
		default: '',
		description: 'The service the resident is asked to rate',
	},
];

const displayOptions = { show: { operation: ['inviteSurvey'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * After a letter is delivered: invite the resident to the satisfaction survey, or keep the
 * invitation in the session when they are busy (no replies then). Save the returned session.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const catalog = getCatalog.call(this, i);
	const text = (name: string) => String(this.getNodeParameter(name, i, '') ?? '').trim();
	const session = storedSession.call(this, i);
	const waId = text('waId');
	const result = inviteSurvey(
		session,
		{ waId, name: text('name'), ticket: text('ticket'), serviceTitle: text('serviceTitle') },
		catalog,
		now,
	);
	for (const event of result.events) {
		if (event.type === 'error') this.logger.warn(`Service desk: ${event.reason}`, { waId });
	}
	return {
		json: {
			waId,
			session: JSON.stringify(result.session),
			...versionFields.call(this, i),
			replies: result.replies,
		},
	};
}
