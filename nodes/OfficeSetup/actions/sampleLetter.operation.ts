import type { IDataObject, INodeProperties, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import { isObject } from '../../domain/values';
import { sampleLetter } from '../../domain/setup';

const show = { show: { operation: ['sampleLetter'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Ready Workflows',
		name: 'workflows',
		type: 'json',
		default: "={{ $('Ready Workflows').all().map(i => i.json.body) }}",
		description:
			'The ready workflows (bodies with nodes): the sample takes the letterhead, signatory and paper of their Letter PDF node',
		displayOptions: show,
	},
];

/** A sample application with the office's print settings, for a Letter PDF node to print. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const workflows = jsonParameter<unknown[]>(this, 'workflows', i, { empty: [], shape: 'list' })
		.map((w) => (isObject(w) && isObject(w.json) ? (w.json.body ?? w.json) : w))
		.filter(isObject) as Array<{ nodes: [] }>;
	try {
		return { json: sampleLetter(workflows) as unknown as IDataObject };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex: i,
			description: "Give the Ready Workflows node's items, e.g. {{ $('Ready Workflows').all() }}.",
		});
	}
}
