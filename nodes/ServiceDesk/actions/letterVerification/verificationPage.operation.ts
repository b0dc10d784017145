import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { verificationAnswerFromRecord } from '../../../domain/sheet/letterRecord';
import { verificationAnswer } from '../../../domain/sheet/verification';
import { getCatalog } from '../catalog';

const properties: INodeProperties[] = [
	{
		displayName: 'Verification Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		description:
			"The code from the letter's QR link. A letter whose Status is Dicabut shows as revoked.",
	},
	{
		displayName: 'Input Items',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Verification Record',
				value: 'record',
				description:
					'The record found for the code (a data table row: code, number, name, nik, service, issuedAt, status); none or an empty item for an unknown code',
			},
			{
				name: 'Sheet Rows',
				value: 'sheetRows',
				description: 'The rows of the requests sheet to look the code up in',
			},
		],
		default: 'sheetRows',
		description: 'What the node receives: the one record for the code, or the whole sheet',
	},
];

const displayOptions = { show: { operation: ['verificationPage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The page a QR scan shows: the letter confirmed or revoked, or the same "not found" for any other
 * code. A batch operation: the input items (the sheet rows to look in, or the one record found for
 * the code) give one page.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData().map((item) => item.json);
	const code = String(this.getNodeParameter('code', 0) ?? '');
	const office = getCatalog.call(this, 0).office.name;
	const page =
		this.getNodeParameter('source', 0, 'sheetRows') === 'record'
			? verificationAnswerFromRecord(items[0], code, office)
			: verificationAnswer(items, code, office);
	return [
		[
			{
				json: { ...page, found: page.statusCode !== 404, revoked: page.statusCode === 410 },
				pairedItem: { item: 0 },
			},
		],
	];
}
