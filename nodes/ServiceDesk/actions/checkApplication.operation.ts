import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../common/itemLoop';
import { checkApplication } from '../../shared/catalog';
import { getCatalog } from './catalog';
import { jsonParameter } from './helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Application',
		name: 'application',
		type: 'json',
		default: '={{ $json }}',
		description:
			'An application: { "serviceKey": "...", "data": { field: value }, "documents": { key: [files] } }',
		displayOptions: { show: { operation: ['checkApplication'] } },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const application = jsonParameter.call(this, 'application', i) as Parameters<
		typeof checkApplication
	>[0];
	const result = checkApplication(application, getCatalog.call(this, i), now);
	return { json: { ...result } };
}
