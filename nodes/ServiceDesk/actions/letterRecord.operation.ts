import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { letterRecordOf, type Row } from '../../shared/sheet/letterRecord';
import { DEFAULT_SHEET_LAYOUT } from '../../shared/sheet/requestRow';
import { jsonParameter } from './helpers';

const show = { operation: ['letterRecord'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Request Row',
		name: 'row',
		type: 'json',
		default: "={{ $('Triage').item.json.row }}",
		description: "The letter's row of the requests sheet (holder, NIK, service, status)",
		displayOptions: { show },
	},
	{
		displayName: 'Letter Number',
		name: 'letterNumber',
		type: 'string',
		default: '={{ $json.number }}',
		displayOptions: { show },
	},
	{
		displayName: 'Verification Code',
		name: 'verificationCode',
		type: 'string',
		default: '={{ $json.verificationCode }}',
		displayOptions: { show },
	},
];

/**
 * The verification record of a letter just made (code, number, holder's name, masked NIK,
 * service, issue time, status), to store by code for the verification page.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const issuedAt = new Date().toISOString();
	return [
		this.getInputData().map((_, i) => {
			const row = (jsonParameter.call(this, 'row', i) ?? {}) as Row;
			const number = String(this.getNodeParameter('letterNumber', i) ?? '');
			const code = String(this.getNodeParameter('verificationCode', i) ?? '');
			const record = letterRecordOf(row, { number, code, issuedAt }, DEFAULT_SHEET_LAYOUT);
			return { json: { ...record }, pairedItem: { item: i } };
		}),
	];
}
