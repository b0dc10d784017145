import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { verificationAnswer } from '../../shared/sheet/verification';
import { getCatalog } from './catalog';

export const description: INodeProperties[] = [
	{
		displayName: 'Verification Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		description:
			"The code from the letter's QR link; input items are the sheet rows to look in. A row whose Status is Dicabut shows the letter as revoked.",
		displayOptions: { show: { operation: ['verificationPage'] } },
	},
];

/**
 * The page a QR scan shows: the letter confirmed or revoked, or the same "not found" for any other
 * code. A batch operation: the input items are the sheet rows to look in, and give one page.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const rows = this.getInputData().map((item) => item.json);
	const code = String(this.getNodeParameter('code', 0) ?? '');
	const page = verificationAnswer(rows, code, getCatalog.call(this, 0).office.name);
	return [
		[
			{
				json: { ...page, found: page.statusCode !== 404, revoked: page.statusCode === 410 },
				pairedItem: { item: 0 },
			},
		],
	];
}
