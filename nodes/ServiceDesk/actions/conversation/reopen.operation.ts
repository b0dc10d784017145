import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { mentionedKeys } from '../../../domain/catalog';
import { reopenForFix } from '../../../domain/conversation';
import type { Application } from '../../../domain/conversation';
import { decodeApplicationCell } from '../../../domain/sheet/applicationCell';
import { getCatalog } from '../catalog';
import { sessionProperty, storedSession, versionFields, versionProperty } from '../residentSession';

const properties: INodeProperties[] = [
	{
		displayName: 'Application',
		name: 'application',
		type: 'json',
		default: '={{ $json["Berkas (JSON)"] }}',
		description: 'The application as submitted (the JSON kept in the request row)',
	},
	sessionProperty(),
	versionProperty(),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		description: 'What staff asked the resident to fix',
	},
	{
		displayName: 'Fields or Documents to Fix',
		name: 'fixKeys',
		type: 'string',
		default: '',
		placeholder: 'nik, ktp',
		description:
			'Comma-separated keys; empty re-asks the documents and fields the note names, or lets the resident pick',
	},
];

const displayOptions = { show: { operation: ['reopen'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Staff asked for a fix: reopen the resident's request at that point, same ticket. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const catalog = getCatalog.call(this, i);
	// The row's cell may hold the application deflated (a large one: applicationCell.ts).
	const given = this.getNodeParameter('application', i) as unknown;
	const application = (decodeApplicationCell(given) ??
		jsonParameter<Application>(this, 'application', i, { shape: 'object' })) as Application;
	const session = storedSession.call(this, i);
	const keys = String(this.getNodeParameter('fixKeys', i, ''))
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean);
	const service = catalog.services.find((s) => s.key === application.serviceKey);
	const note = String(this.getNodeParameter('note', i, ''));
	const isDocument = (k: string) => !!service?.documents.some((d) => d.key === k);
	// Without explicit keys, re-ask what the note names ("Foto KTP buram" → the KTP photo).
	const fix = keys.length
		? { fieldKeys: keys.filter((k) => !isDocument(k)), documentKeys: keys.filter(isDocument) }
		: service
			? mentionedKeys(note, service)
			: {};
	const result = reopenForFix(session, application, { ...fix, note }, catalog, now);
	return {
		json: {
			waId: application.waId,
			session: JSON.stringify(result.session),
			...versionFields.call(this, i),
			replies: result.replies,
		},
	};
}
