import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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
	return { json: takeStep.call(this, i, new Date()) };
}
