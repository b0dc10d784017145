import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import type { Application } from '../../../domain/conversation';
import { toRequestRow } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Application',
		name: 'application',
		type: 'json',
		default: '={{ $json }}',
		description: 'The application from the "Submitted" output',
	},
	{
		displayName: 'Document Links',
		name: 'documentLinks',
		type: 'json',
		default: '[]',
		description:
			'Where the photos were stored: a JSON list of { "key": "ktp", "link": "…" } (e.g. the Drive upload results)',
	},
];

const displayOptions = { show: { operation: ['sheetRow'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Turns a submitted application into the row staff see in the requests sheet (Status "Menunggu"). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const catalog = getCatalog.call(this, i);
	const app = jsonParameter<Application>(this, 'application', i, { shape: 'object' });
	const links = jsonParameter<
		Array<{
			key: string;
			link?: string;
			url?: string;
		}>
	>(this, 'documentLinks', i, { empty: [] });
	const service = catalog.services.find((s) => s.key === app.serviceKey);
	const docLabel = (key: string) => service?.documents.find((d) => d.key === key)?.label ?? key;
	const row = toRequestRow({
		ticket: app.ticket,
		submittedAt: app.submittedAt,
		waId: app.waId,
		name: String(app.data?.nama ?? app.name ?? ''),
		serviceKey: app.serviceKey,
		serviceTitle: app.serviceTitle,
		data: app.data ?? {},
		flags: Array.isArray(app.flags) ? app.flags.map(String) : [],
		fields: service?.fields ?? [],
		documents: (Array.isArray(links) ? links : []).map((l) => ({
			key: l.key,
			label: docLabel(l.key),
			url: String(l.link ?? l.url ?? ''),
		})),
		status: 'pending',
		applicationJson: JSON.stringify(app),
	});
	return { json: row };
}
