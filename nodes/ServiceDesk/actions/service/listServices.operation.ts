import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [];

const displayOptions = { show: { operation: ['listServices'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per service in the catalog: what an admin or an AI agent can offer. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const catalog = getCatalog.call(this, i);
	return {
		outputs: [
			catalog.services.map((service) => ({
				json: {
					key: service.key,
					title: service.title,
					description: service.description,
					fields: service.fields.map((f) => ({
						key: f.key,
						label: f.label,
						type: f.type,
						required: f.required,
					})),
					documents: service.documents.map((d) => ({
						key: d.key,
						label: d.label,
						optional: d.optional,
					})),
					letterTitle: service.letter.title,
				},
			})),
		],
	};
}
