import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { draftReminder } from '../../../domain/conversation';
import { getCatalog } from '../catalog';
import { sessionProperty, storedSession, versionFields, versionProperty } from '../residentSession';

const properties: INodeProperties[] = [
	sessionProperty(),
	versionProperty(),
	{
		displayName: 'Last Inbound At',
		name: 'lastInboundAt',
		type: 'string',
		default: '',
		description:
			"When the resident last wrote (the row's lastInboundAt column, ISO time): no reminder once Meta's 24-hour window has closed. Empty: the session's own time is used.",
	},
];

const displayOptions = { show: { operation: ['draftReminder'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One stored session in; out, when its draft has waited half its time (conversation/reminder.ts),
 * the resident's WhatsApp ID, the reminder, and the session marked as reminded with the version to
 * save it as. Save it on condition that the row still has `version`, and send only once saved: a
 * resident who wrote in between saved a newer session, so the save matches nothing and no
 * reminder leaves; a run that overlaps finds the draft already reminded. Nothing due: no item.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const lastInboundAt = this.getNodeParameter('lastInboundAt', i, '') as unknown;
	const due = draftReminder(
		storedSession.call(this, i),
		getCatalog.call(this, i),
		new Date(),
		typeof lastInboundAt === 'string' ? lastInboundAt : undefined,
	);
	if (!due.session) return { outputs: [[]] };
	const json: IDataObject = {
		waId: due.session.waId,
		draft: due.session.draft ?? '',
		session: JSON.stringify(due.session),
		replies: due.replies as unknown as IDataObject[],
		...versionFields.call(this, i),
	};
	return { json };
}
