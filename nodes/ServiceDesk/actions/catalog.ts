import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Catalog } from '../../domain/catalog/types';
import { CatalogError, defaultCatalog, loadCatalog } from '../../domain/catalog';

export const catalogProperties: INodeProperties[] = [
	{
		displayName: 'Catalog',
		name: 'catalogSource',
		type: 'options',
		options: [
			{
				name: 'Default (Kelurahan Oro-Oro Ombo)',
				value: 'default',
				description: 'The nine services bundled with the package',
			},
			{
				name: 'Custom JSON',
				value: 'custom',
				description: 'Your own services and texts, replacing or extending the default',
			},
		],
		default: 'default',
	},
	{
		displayName: 'Catalog JSON',
		name: 'catalogJson',
		type: 'json',
		default: '{\n  "office": { "name": "Kelurahan …" },\n  "services": []\n}',
		description:
			'Services, fields, documents and chat texts, as JSON. The default catalog in the package shows the full shape.',
		displayOptions: { show: { catalogSource: ['custom'] } },
	},
	{
		displayName: 'Custom Catalog Mode',
		name: 'catalogMode',
		type: 'options',
		options: [
			{
				name: 'Extend Default',
				value: 'extend',
				description: 'Services with a known key replace the default one; new keys are added',
			},
			{ name: 'Replace Default', value: 'replace', description: 'Only the services given here' },
		],
		default: 'extend',
		displayOptions: { show: { catalogSource: ['custom'] } },
	},
];

// Parsing and checking a catalog costs far more than a conversation step: keep the last few.
const cache = new Map<string, Catalog>();

/** The catalog the node is set to use, checked; an admin's mistake names its JSON path. */
export function getCatalog(this: IExecuteFunctions, itemIndex = 0): Catalog {
	const source = this.getNodeParameter('catalogSource', itemIndex, 'default') as string;
	if (source !== 'custom') return defaultCatalog();
	const raw = this.getNodeParameter('catalogJson', itemIndex, '{}') as unknown;
	const mode = this.getNodeParameter('catalogMode', itemIndex, 'extend') as 'extend' | 'replace';
	const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
	const cacheKey = `${mode}:${text}`;
	const cached = cache.get(cacheKey);
	if (cached) return cached;
	try {
		const input: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
		const catalog = loadCatalog(input, { base: defaultCatalog(), mode });
		if (cache.size > 8) cache.clear();
		cache.set(cacheKey, catalog);
		return catalog;
	} catch (error) {
		const where = error instanceof CatalogError ? ` at ${error.path}` : '';
		throw new NodeOperationError(this.getNode(), `The custom catalog is invalid${where}`, {
			description: `${(error as Error).message}. Fix the Catalog JSON parameter and run again.`,
			itemIndex,
		});
	}
}
