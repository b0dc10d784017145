import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { formatLetterNumber, newVerificationCode } from '../../shared/letter/numbering';
import { DEFAULT_SHEET_LAYOUT } from '../../shared/sheet/requestRow';
import { triage } from '../../shared/sheet/triage';

const show = { operation: ['triage'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Letter Number Format',
		name: 'numberFormat',
		type: 'string',
		default: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
		description:
			'Parts: {klasifikasi}, {nomor} (or {nomor:3} zero-padded), {unit}, {tahun}, {bulan} or {bulan:roman}',
		displayOptions: { show },
	},
	{
		displayName: 'Unit Code',
		name: 'unitCode',
		type: 'string',
		default: '401.301.3',
		description: "The office's code in letter numbers (ask the kecamatan's archive guideline)",
		displayOptions: { show },
	},
	{
		displayName: 'Numbering',
		name: 'numberingScope',
		type: 'options',
		options: [
			{ name: 'One Sequence for All Letters', value: 'all' },
			{ name: 'One Sequence per Classification', value: 'perClassification' },
		],
		default: 'all',
		description: 'Sequences restart every year either way',
		displayOptions: { show },
	},
];

/**
 * Reads every row of the requests sheet (one input item per row) and routes the rows staff
 * decided on and that are not handled yet: approved (with their letter number), rejected, fix.
 * A batch operation: letter numbers continue from the whole sheet, so the rows are read as one.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const decisions = triage(
		items.map((item) => item.json),
		{
			format: this.getNodeParameter('numberFormat', 0) as string,
			unit: this.getNodeParameter('unitCode', 0) as string,
			scope: this.getNodeParameter('numberingScope', 0) as 'all' | 'perClassification',
			now: new Date(),
			formatNumber: formatLetterNumber,
			newCode: newVerificationCode,
		},
		DEFAULT_SHEET_LAYOUT,
	);
	const c = DEFAULT_SHEET_LAYOUT.columns;
	const outputs: INodeExecutionData[][] = [[], [], []];
	const outputOf = { approved: 0, rejected: 1, fix: 2 } as const;
	for (const decision of decisions) {
		const index = items.findIndex((item) => item.json === decision.row);
		if (decision.problem) {
			this.logger.warn(
				`Service desk: row ${String(decision.row.row_number ?? '?')} skipped: ${decision.problem}`,
			);
			continue;
		}
		const row = decision.row;
		outputs[outputOf[decision.kind]].push({
			json: {
				ticket: String(row[c.ticket] ?? ''),
				waId: String(row[c.waId] ?? ''),
				note: String(row[c.note] ?? ''),
				letterNumber: decision.letterNumber,
				verificationCode: decision.verificationCode,
				needsWrite: decision.needsWrite,
				/** The status word the row gets once the letter is delivered. */
				doneStatus: DEFAULT_SHEET_LAYOUT.statuses.done,
				application: decision.application,
				row,
			},
			pairedItem: { item: index },
		});
	}
	return outputs;
}
