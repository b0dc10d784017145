import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import {
	letterheadProperty,
	outputBinaryOption,
	paperOption,
	readLetterhead,
} from '../../n8nHelpers/readPrintParameters';
import type { Paper } from '../../domain/letter';
import { renderReport, type Indicators } from '../../domain/outcomes';

const show = { show: { operation: ['reportPdf'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Figures',
		name: 'figures',
		type: 'json',
		default: '={{ $json }}',
		description: 'The output of "Compute Indicators"; by default the input item itself',
		displayOptions: show,
	},
	{ ...letterheadProperty, displayOptions: show },
	{
		displayName: 'Options',
		name: 'reportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'laporan-indikator-2026-05.pdf',
				description: 'Empty for laporan-indikator-{month}.pdf',
			},
			outputBinaryOption,
			paperOption,
		],
	},
];

const FIGURES_HINT =
	'Connect this node after a Service Report node running "Compute Indicators", or map Figures to its output.';

function figuresOf(ctx: IExecuteFunctions, i: number): Indicators {
	const raw = jsonParameter<unknown>(ctx, 'figures', i, { empty: undefined, hint: FIGURES_HINT });
	const f = raw as Partial<Indicators> | undefined;
	const ok =
		f &&
		typeof f === 'object' &&
		typeof f.month === 'string' &&
		/^\d{4}-\d{2}$/.test(f.month) &&
		f.thisMonth &&
		f.yearToDate &&
		Array.isArray(f.weeklyMedianMinutes);
	if (!ok)
		throw new NodeOperationError(
			ctx.getNode(),
			'The figures are not the output of "Compute Indicators"',
			{
				itemIndex: i,
				description: FIGURES_HINT,
			},
		);
	return f as Indicators;
}

/** One PDF per input item (normally the single item of "Compute Indicators"). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const figures = figuresOf(this, i);
	const options = this.getNodeParameter('reportOptions', i, {}) as IDataObject;
	const { letterhead, emblem } = await readLetterhead(this, i);
	let report;
	try {
		report = await renderReport(figures, {
			letterhead,
			emblem,
			paper: (options.paper as Paper) || 'F4',
		});
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The report could not be made: ${(error as Error).message}`,
			{
				itemIndex: i,
			},
		);
	}
	const fileName = String(options.fileName || report.fileName);
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(report.pdf),
		fileName,
		'application/pdf',
	);
	return {
		json: { month: figures.month, pages: report.pages, bytes: report.pdf.length, fileName },
		binary: { [String(options.binaryPropertyName || 'data')]: binary },
	};
}
