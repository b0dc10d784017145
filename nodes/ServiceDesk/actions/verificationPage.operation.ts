import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { verificationPage } from '../../shared/letter/verificationPage';
import { DEFAULT_SHEET_LAYOUT as layout } from '../../shared/sheet/requestRow';
import { getCatalog } from './catalog';

export const description: INodeProperties[] = [
	{
		displayName: 'Verification Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		description: "The code from the letter's QR link; input items are the sheet rows to look in",
		displayOptions: { show: { operation: ['verificationPage'] } },
	},
];

/** The page a QR scan shows: the letter confirmed, or the same "not found" for any other code. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const code = String(this.getNodeParameter('code', 0) ?? '').trim();
	const c = layout.columns;
	const row = code
		? items
				.map((item) => item.json)
				.find(
					(r) =>
						String(r[c.verificationCode] ?? '').trim() === code &&
						String(r[c.letterNumber] ?? '').trim(),
				)
		: undefined;
	const text = (key: string) => String(row?.[key] ?? '');
	const page = verificationPage(
		row && {
			number: text(c.letterNumber),
			issuedAt: text(c.completedAt) || text(c.notifiedAt) || text(c.receivedAt),
			service: text(c.service),
			name: text(c.name),
			nik: text(c.nik),
		},
		getCatalog.call(this, 0).office.name,
	);
	return [[{ json: { ...page, found: page.statusCode === 200 }, pairedItem: { item: 0 } }]];
}
