import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { BUNDLED_HOLIDAYS, minutesOfDay, staffAlertRound } from '../../../domain/staff';
import type { Remembered, Row } from '../../../domain/staff/alerts';
import { toWhatsAppId } from '../../../domain/validation/phone';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { getCatalog } from '../catalog';

const rowsOf = (node: string) => `={{ $('${node}').all().map(item => item.json) }}`;

const properties: INodeProperties[] = [
	{
		displayName: 'Staff WhatsApp Numbers',
		name: 'staffNumbers',
		type: 'string',
		default: '',
		placeholder: '0812 3456 7890, 0813 1111 2222',
		description: 'Who is told, separated by commas; empty: nobody (no alerts)',
	},
	{
		displayName: 'Morning Digest At',
		name: 'digestTime',
		type: 'string',
		default: '07:30',
		placeholder: '07:30',
		description:
			'Time of day (WIB, HH:mm) of the digest of waiting requests and open complaints, sent on working days; empty: no digest',
	},
	{
		displayName: 'Spreadsheet ID',
		name: 'spreadsheetId',
		type: 'string',
		default: '',
		description: 'The requests spreadsheet, for the links in the alerts',
	},
	{
		displayName: 'Request Rows',
		name: 'requests',
		type: 'json',
		default: rowsOf('Read Requests'),
		description: 'The rows of the requests tab (Google Sheets read, with row_number)',
	},
	{
		displayName: 'Complaint Rows',
		name: 'complaints',
		type: 'json',
		default: rowsOf('Read Complaints'),
		description: 'The rows of the complaints tab',
	},
	{
		displayName: 'Hand-Off Rows',
		name: 'handoffs',
		type: 'json',
		default: rowsOf('Read Hand-offs'),
		description: 'The rows of the "talk to a person" tab',
	},
	{
		displayName: 'Alerts Already Sent',
		name: 'alerted',
		type: 'json',
		default:
			"={{ $('Alerts Sent Before').all().map(item => ({ key: item.json.key, at: item.json.at })) }}",
		description:
			'The alerts sent before (rows of a data table: key, and when it was sent): those are not sent again',
	},
	{
		displayName: 'Sheet Version',
		name: 'sheetVersion',
		type: 'string',
		default: "={{ $('Sheet Version').first().json.version ?? '' }}",
		description:
			"The spreadsheet's Drive version this round read (files.get fields=version): the reading is remembered under it, so the next rounds read the sheet only when it changed or an alert may have come with time; empty: every round reads",
	},
	{
		displayName: 'More Closed Days',
		name: 'extraHolidays',
		type: 'string',
		default: '',
		placeholder: '2026-12-31, 2027-01-02',
		description:
			'Days the office is closed besides weekends and the bundled national holidays and cuti bersama (templates/holidays), as YYYY-MM-DD separated by commas',
	},
	{
		displayName: 'Announce Rows of the Last Hours',
		name: 'freshHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 24,
		description:
			'New requests, complaints and hand-offs older than this are not announced (so a first run does not announce the whole sheet)',
	},
];

const displayOptions = { show: { operation: ['staffAlerts'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The staff alerts due now on the first output: one item per alert and staff number ({ key,
 * kind, to, values }), none already sent. On the second, the reading to remember ({ key, at }:
 * the sheet's version, and when to read again even if it stays); on the third, the remembered
 * keys no longer needed ({ key }). A batch operation: its input only starts it; the rows come
 * from parameters.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const list = (name: string): Row[] => {
		const value = jsonParameter<unknown>(this, name, 0, { empty: [], shape: 'list' });
		return (value as unknown[]).filter((row): row is Row => typeof row === 'object' && !!row);
	};
	const split = (name: string) =>
		String(this.getNodeParameter(name, 0, '') ?? '')
			.split(/[,;\n]/)
			.map((part) => part.trim())
			.filter(Boolean);
	const staff = split('staffNumbers').map((number) => {
		const waId = toWhatsAppId(number);
		if (!waId)
			throw new NodeOperationError(node, `The staff number "${number}" is not a phone number`, {
				description: 'Write each number as 0812…, +62 812… or 62812…, separated by commas.',
			});
		return waId;
	});
	const extra = split('extraHolidays');
	const wrongDay = extra.find((day) => !DAY.test(day));
	if (wrongDay)
		throw new NodeOperationError(node, `The closed day "${wrongDay}" is not a date`, {
			description: 'Write each day as YYYY-MM-DD (2026-12-31), separated by commas.',
		});
	const digestTime = String(this.getNodeParameter('digestTime', 0, '') ?? '').trim();
	if (digestTime && minutesOfDay(digestTime) === undefined)
		throw new NodeOperationError(node, `The digest time "${digestTime}" is not a time of day`, {
			description: 'Write it as HH:mm in WIB, e.g. 07:30; leave it empty for no digest.',
		});
	const catalog = getCatalog.call(this, 0);
	const alerted = jsonParameter<unknown>(this, 'alerted', 0, { empty: [], shape: 'list' });
	const round = staffAlertRound({
		requests: list('requests'),
		complaints: list('complaints'),
		handoffs: list('handoffs'),
		alerted: (alerted as unknown[]).map((entry) =>
			entry && typeof entry === 'object'
				? {
						key: String((entry as Remembered).key ?? ''),
						at: String((entry as Remembered).at ?? ''),
					}
				: String(entry),
		),
		staff: [...new Set(staff)],
		now: new Date(),
		digestTime,
		holidays: new Set([...BUNDLED_HOLIDAYS, ...extra]),
		standardDays: (key) => catalog.services.find((s) => s.key === key)?.standardDays,
		spreadsheetId: String(this.getNodeParameter('spreadsheetId', 0, '') ?? '').trim(),
		freshHours: Number(this.getNodeParameter('freshHours', 0, 24)) || 24,
		sheetVersion: String(this.getNodeParameter('sheetVersion', 0, '') ?? ''),
	});
	const items = (rows: object[]) =>
		rows.map((json) => ({ json: { ...json }, pairedItem: { item: 0 } }));
	return [
		items(round.alerts),
		items(round.reading ? [round.reading] : []),
		items(round.forget.map((key) => ({ key }))),
	];
}
