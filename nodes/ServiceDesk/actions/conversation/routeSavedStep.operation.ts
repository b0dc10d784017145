import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';

import { routeStep, type StepItem } from './stepItem';

const properties: INodeProperties[] = [
	{
		displayName: 'Step',
		name: 'step',
		type: 'json',
		default: "={{ $('Take Step').item.json }}",
		description: 'The output of "Take Step" whose session has been saved',
	},
];

const displayOptions = { show: { operation: ['routeSavedStep'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** After the step's session is saved: its replies and events, each on its own output. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const item = jsonParameter<StepItem | undefined>(this, 'step', i, { empty: undefined });
	if (!item || typeof item.waId !== 'string' || !Array.isArray(item.replies)) {
		throw new NodeOperationError(this.getNode(), 'The Step parameter is not a "Take Step" result', {
			description: 'Map it to the output of the Service Desk node that ran "Take Step".',
			itemIndex: i,
		});
	}
	return { outputs: routeStep(item, true) };
}
