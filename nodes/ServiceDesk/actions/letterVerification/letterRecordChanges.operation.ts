import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { recordChanges, type LetterRecord, type Row } from '../../../domain/sheet/letterRecord';
import { DEFAULT_SHEET_LAYOUT } from '../../../domain/sheet/requestRow';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';

const properties: INodeProperties[] = [
	{
		displayName: 'Sheet Rows',
		name: 'rows',
		type: 'json',
		default: "={{ $('Read Requests').all().map(item => item.json) }}",
		description: 'Every row of the requests sheet, as a JSON array',
	},
	{
		displayName: 'Stored Records',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'All Records',
				value: 'all',
				description:
					'The input items are every stored record: write whatever is missing or differs (e.g. nightly)',
			},
			{
				name: 'Revoked Records Only',
				value: 'revocations',
				description:
					'The input items are the stored records with status "revoked": write revocations and their undoing only',
			},
		],
		default: 'revocations',
	},
];

const displayOptions = { show: { operation: ['letterRecordChanges'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The verification records to write (upsert by code) so the store follows the sheet: letters staff
 * revoked (Status "Dicabut") or restored, and with all records as input, every letter without one.
 * A batch operation: the input items are the stored records, compared as a whole with the sheet.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const known = this.getInputData().map((item) => item.json as Partial<LetterRecord>);
	const rows = jsonParameter<unknown>(this, 'rows', 0);
	const scope = this.getNodeParameter('scope', 0) as 'all' | 'revocations';
	const changes = recordChanges(
		Array.isArray(rows) ? (rows as Row[]) : [],
		known,
		scope,
		DEFAULT_SHEET_LAYOUT,
	);
	return [changes.map((record) => ({ json: { ...record }, pairedItem: { item: 0 } }))];
}
