import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const now = new Date();
	return [
		items.map((_, i) => {
			const application = jsonParameter.call(this, 'application', i) as Parameters<
				typeof checkApplication
			>[0];
			const result = checkApplication(application, getCatalog.call(this, i), now);
			return { json: { ...result }, pairedItem: { item: i } };
		}),
	];
}
