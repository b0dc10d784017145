import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { letterDelivery } from '../../../domain/sheet/delivery';
import { DEFAULT_SHEET_LAYOUT } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';

const properties: INodeProperties[] = [
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'json',
		default: '[]',
		description:
			'The request rows whose letters go out now (numbered: Nomor Surat and Kode Verifikasi filled), as a JSON list',
	},
	{
		displayName: 'Signed in Batch (TTE)',
		name: 'signedInBatch',
		type: 'boolean',
		default: false,
		description:
			"Whether the signatory's TTE form signs these letters: a failure then leaves the row waiting for TTE, with that wording in Masalah",
	},
];

const displayOptions = { show: { operation: ['letterDelivery'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One item per letter to deliver (a batch operation: the rows come from the parameter, read
 * once): what Letter PDF, the signature, the archive, the notice and the sheet's mark need.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const rows = jsonParameter<Array<Record<string, unknown>>>(this, 'rows', 0, {
		empty: [],
		shape: 'list',
	});
	const signedInBatch = this.getNodeParameter('signedInBatch', 0, false) as boolean;
	const paired = items.map((_, i) => ({ item: i }));
	return [
		rows.map((row) => ({
			json: letterDelivery(row ?? {}, { signedInBatch }, DEFAULT_SHEET_LAYOUT) as never,
			pairedItem: paired,
		})),
	];
}
