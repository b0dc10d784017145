import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	monthlyIndicators,
	previousMonth,
	sheetRows,
	type OutcomeEvent,
	type Row,
} from '../../domain/outcomes';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';

const show = { show: { operation: ['computeIndicators'] } };

const rowsParameter = (
	name: string,
	displayName: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'json',
	default: '[]',
	description,
	displayOptions: show,
});

export const description: INodeProperties[] = [
	rowsParameter(
		'requests',
		'Request Rows',
		'The rows of the requests sheet as a JSON array, e.g. {{ $("Read Requests").all().map(i => i.json) }}',
	),
	rowsParameter(
		'surveys',
		'Survey Rows',
		'The rows of the survey tab (Tiket, Layanan, u1…u9, Saran, Waktu) as a JSON array',
	),
	rowsParameter(
		'complaints',
		'Complaint Rows',
		'The rows of the complaints tab (Tiket, Diterima, WhatsApp, Status, Tanggapan, Selesai Pada) as a JSON array',
	),
	rowsParameter(
		'events',
		'Events',
		'Optional log of { ticket, kind, at } (kind fix_requested or rejected), so requests fixed since still count as returned; an empty list counts from the current Status only',
	),
	{
		displayName: 'Month',
		name: 'month',
		type: 'string',
		default: '',
		placeholder: '2026-05',
		description:
			'The month to report (YYYY-MM); empty for the previous month in the workflow time zone',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'indicatorOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Target Minutes',
				name: 'targetMinutes',
				type: 'number',
				default: 20,
				description: 'The published time from request to letter, printed as the reference line',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'Asia/Jakarta',
				description: 'Which calendar days the months are made of; empty for the workflow time zone',
			},
		],
	},
];

/** A list of rows (text or an expression result); n8n items ({ json }) are unwrapped. */
function rowsOf<T>(ctx: IExecuteFunctions, name: string): T[] {
	const rows = jsonParameter<unknown[]>(ctx, name, 0, {
		empty: [],
		shape: 'list',
		hint: `Map it to the rows read from the sheet, e.g. {{ $("Read ${name}").all().map(i => i.json) }}`,
	});
	return rows.map((r) =>
		r && typeof r === 'object' && 'json' in r && typeof r.json === 'object' ? r.json : r,
	) as T[];
}

/**
 * One item with the figures of the month and the year to date, and `rows` for a report tab. A
 * batch operation: it reads the sheets' rows from its parameters once, whatever the input items.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('indicatorOptions', 0, {}) as IDataObject;
	const timeZone = String(options.timeZone || this.getTimezone() || 'Asia/Jakarta');
	const month = String(this.getNodeParameter('month', 0, '') ?? '').trim();
	const input = {
		requests: rowsOf<Row>(this, 'requests'),
		surveys: rowsOf<Row>(this, 'surveys'),
		complaints: rowsOf<Row>(this, 'complaints'),
		events: rowsOf<OutcomeEvent>(this, 'events'),
		timeZone,
		targetMinutes: Number(options.targetMinutes ?? 20),
	};
	let figures;
	try {
		figures = monthlyIndicators({ ...input, month: month || previousMonth(new Date(), timeZone) });
	} catch (error) {
		// Only the month and the time zone can be refused (bad rows are skipped and counted).
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			description: 'Check the Month (YYYY-MM) and the Time Zone option (e.g. Asia/Jakarta).',
		});
	}
	const items = this.getInputData();
	return [
		[
			{
				json: { ...figures, rows: sheetRows(figures) } as unknown as IDataObject,
				...(items.length ? { pairedItem: { item: 0 } } : {}),
			},
		],
	];
}
