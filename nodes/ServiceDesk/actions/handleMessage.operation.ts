import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sessionProperty } from './helpers';
import { emptyOutputs, OUTPUT, routeStep, takeStep } from './step';

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
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outputs = emptyOutputs();
	const items = this.getInputData();
	const now = new Date();
	for (let i = 0; i < items.length; i++) {
		try {
			routeStep(takeStep.call(this, i, now), i, outputs);
		} catch (error) {
			if (!this.continueOnFail()) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
			outputs[OUTPUT.reply].push({
				json: { error: (error as Error).message },
				pairedItem: { item: i },
			});
		}
	}
	return outputs;
}
