import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { registerChanges, type IssuedLetter } from '../../../domain/staff';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { deputyProperty } from '../../../n8nHelpers/printDescription';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Letter Records',
		name: 'letters',
		type: 'json',
		default: "={{ $('Load Letter Records').all().map(item => item.json) }}",
		description:
			'The issued letters: the rows of the pecelan_letters data table (number, name, service, issuedAt, status)',
	},
	{
		displayName: 'Register Rows',
		name: 'registerRows',
		type: 'json',
		default: "={{ $('Read Buku Agenda').all().map(item => item.json) }}",
		description: 'The rows already in the Buku Agenda tab',
	},
	{
		displayName: 'Request Rows',
		name: 'requestRows',
		type: 'json',
		default: "={{ $('Read Requests').all().map(item => item.json) }}",
		description:
			"The requests tab's rows: the signer staff picked for each letter (its Penandatangan cell, found by the letter number)",
	},
	{
		displayName: 'Signer',
		name: 'signer',
		type: 'string',
		default: '',
		description:
			"Who signs the office's letters, as the register names them (the Setup form fills it)",
	},
	{
		...deputyProperty,
		description:
			'The deputy who signs letters whose row picks the deputy, or every letter in the period (the Setup form fills it)',
		options: deputyProperty.options?.filter((o) => ['from', 'name', 'nip', 'to'].includes(o.name)),
	},
];

const displayOptions = { show: { operation: ['letterRegister'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The Buku Agenda rows to add (first output: one item per letter, header → value) and the rows
 * of letters revoked since (second output: number and notes). A batch operation: its input
 * only starts it.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const list = (name: string) =>
		(jsonParameter<unknown>(this, name, 0, { empty: [], shape: 'list' }) as unknown[]).filter(
			(row): row is Record<string, unknown> => typeof row === 'object' && row !== null,
		);
	const catalog = getCatalog.call(this, 0);
	const { append, revoke } = registerChanges(
		list('letters') as IssuedLetter[],
		list('registerRows'),
		{
			signer: String(this.getNodeParameter('signer', 0, '') ?? '').trim(),
			deputy: (this.getNodeParameter('deputy', 0, {}) ?? {}) as Record<string, string>,
			requestRows: list('requestRows'),
			classificationOf: (title) =>
				catalog.services.find((s) => s.title === title)?.letter.classification,
		},
	);
	const items = (rows: Array<Record<string, string>>) =>
		rows.map((json) => ({ json, pairedItem: { item: 0 } }));
	return [items(append), items(revoke)];
}
