import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { describeService } from '../../../domain/conversation';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Service Key',
		name: 'serviceKey',
		type: 'string',
		default: '',
		placeholder: 'sku-kur',
		required: true,
		description: "The service's key in the catalog",
	},
];

const displayOptions = { show: { operation: ['describeService'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The requirements of one service as the resident reads them in the chat. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const catalog = getCatalog.call(this, i);
	const key = String(this.getNodeParameter('serviceKey', i)).trim();
	const service = catalog.services.find((s) => s.key === key);
	if (!service) {
		throw new NodeOperationError(this.getNode(), `Unknown service "${key}"`, {
			description: `Known services: ${catalog.services.map((s) => s.key).join(', ')}`,
			itemIndex: i,
		});
	}
	return {
		json: { key: service.key, title: service.title, text: describeService(service, catalog) },
	};
}
