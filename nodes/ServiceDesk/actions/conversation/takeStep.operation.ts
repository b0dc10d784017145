import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { messageProperty } from './handleMessage.operation';
import { pendingRepliesProperties, sessionProperty, versionProperty } from '../residentSession';
import { takeStep } from './stepItem';

const properties: INodeProperties[] = [
	messageProperty(true),
	sessionProperty(),
	versionProperty(),
	...pendingRepliesProperties(),
];

const displayOptions = { show: { operation: ['takeStep'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One step of a resident's conversation, nothing sent: the new session with `version` (where it
 * started) and `nextVersion`, for a save that succeeds only if the stored row still has
 * `version`. After a successful save, "Route Saved Step" sends the results on; after a failed
 * one, load the session again and take the step again (the step is pure, so that is safe).
 * Its replies are also returned as `pendingFor`/`pendingReplies`, to save with the session and
 * clear once sent: a redelivered message whose replies never left gets them then.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const item = takeStep.call(this, i, new Date());
	if (item.sendingElsewhere) {
		// Refused before the save: a save here would write back the outbox as it was read, undoing
		// the other run's clear once it has sent, and the next delivery would send it again.
		// Not answered 200, so WhatsApp delivers it again: after the lease, if that run died.
		throw new NodeOperationError(
			this.getNode(),
			`The replies of message ${item.messageId} are being sent by another run`,
			{
				description:
					'The same message arrived twice at once. This delivery fails on purpose so that WhatsApp delivers the message again; then the replies are sent if the other run did not send them.',
				itemIndex: i,
			},
		);
	}
	return { json: item };
}
