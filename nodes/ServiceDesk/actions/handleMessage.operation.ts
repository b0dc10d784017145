import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../common/itemLoop';
import { sessionProperty } from './helpers';
import { OUTPUT, routeStep, takeStep } from './step';

export { OUTPUT };

/** The Message parameter of the operations that take a conversation step. */
export function messageProperty(operation: string): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'json',
		default: '={{ $json }}',
		description: 'The incoming message, as the WhatsApp Gateway Trigger emits it',
		displayOptions: { show: { operation: [operation] } },
	};
}

export const description: INodeProperties[] = [
	messageProperty('handleMessage'),
	sessionProperty('handleMessage'),
];

/**
 * "Take Step" and "Route Saved Step" in one: for a workflow that saves the session after the
 * replies. Safe only when one message of a resident runs at a time; the ready intake workflow
 * saves with a version check in between instead.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return { outputs: routeStep(takeStep.call(this, i, new Date())) };
}
