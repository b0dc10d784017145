import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { letterRecordOf, type Row } from '../../../domain/sheet/letterRecord';
import { DEFAULT_SHEET_LAYOUT } from '../../../domain/sheet/requestRow';

const properties: INodeProperties[] = [
	{
		displayName: 'Request Row',
		name: 'row',
		type: 'json',
		default: "={{ $('Triage').item.json.row }}",
		description: "The letter's row of the requests sheet (holder, NIK, service, status)",
	},
	{
		displayName: 'Letter Number',
		name: 'letterNumber',
		type: 'string',
		default: '={{ $json.number }}',
	},
	{
		displayName: 'Verification Code',
		name: 'verificationCode',
		type: 'string',
		default: '={{ $json.verificationCode }}',
	},
];

const displayOptions = { show: { operation: ['letterRecord'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The verification record of a letter just made (code, number, holder's name, masked NIK,
 * service, issue time, status), to store by code for the verification page. A letter without
 * number or code (the draft of a letter issued in two steps) gives no record.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const row = jsonParameter<Row | null>(this, 'row', i) ?? {};
	const number = String(this.getNodeParameter('letterNumber', i) ?? '');
	const code = String(this.getNodeParameter('verificationCode', i) ?? '');
	// A draft for signing by hand (no number, no code yet) is no issued letter: nothing to record.
	if (!number.trim() || !code.trim()) return { outputs: [[]] };
	const issuedAt = new Date().toISOString();
	return { json: { ...letterRecordOf(row, { number, code, issuedAt }, DEFAULT_SHEET_LAYOUT) } };
}
