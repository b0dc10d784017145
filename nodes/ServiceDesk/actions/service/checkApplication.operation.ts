import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { checkApplication } from '../../../domain/catalog';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Application',
		name: 'application',
		type: 'json',
		default: '={{ $json }}',
		description:
			'An application: { "serviceKey": "...", "data": { field: value }, "documents": { key: [files] } }',
	},
];

const displayOptions = { show: { operation: ['checkApplication'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const application = jsonParameter<Parameters<typeof checkApplication>[0]>(
		this,
		'application',
		i,
		{ shape: 'object' },
	);
	const result = checkApplication(application, getCatalog.call(this, i), now);
	return { json: { ...result } };
}
