import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { sessionProperty } from '../residentSession';
import { OUTPUT, routeStep, takeStep } from './stepItem';

export { OUTPUT };

/**
 * The Message parameter of the operations that take a conversation step: by default the input
 * item, or (`fromLoop`) the item of the node named "One Message at a Time", as the ready intake
 * passes it to "Take Step" after loading the session (a delivery's messages one by one).
 */
export function messageProperty(fromLoop = false): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Message',
		name: 'message',
		type: 'json',
		default: '={{ $json }}',
		description: 'The incoming message, as the WhatsApp Gateway Trigger emits it',
	};
	if (!fromLoop) return property;
	return {
		...property,
		default: "={{ $('One Message at a Time').item.json }}",
		description:
			'The incoming message, as the WhatsApp Gateway Trigger emits it (by default the item of the node named "One Message at a Time", which hands on a delivery\'s messages one by one)',
	};
}

const properties: INodeProperties[] = [messageProperty(), sessionProperty()];

const displayOptions = { show: { operation: ['handleMessage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * "Take Step" and "Route Saved Step" in one: for a workflow that saves the session after the
 * replies. Safe only when one message of a resident runs at a time; the ready intake workflow
 * saves with a version check in between instead.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return { outputs: routeStep(takeStep.call(this, i, new Date())) };
}
