import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resendDecision, resendNote } from '../../../domain/conversation/resend';
import { DEFAULT_SHEET_LAYOUT as layout } from '../../../domain/sheet/requestRow';
import { getCatalog } from '../catalog';
import { residentRows } from './residentRows';
import { waIdProperty } from '../residentSession';

const properties: INodeProperties[] = [
	waIdProperty('The resident who asked; input items are their rows from the requests sheet'),
	{
		displayName: 'Digits',
		name: 'digits',
		type: 'string',
		default: '',
		description:
			"The last digits of the NIK the resident typed; empty to list the resident's letters and ask for them",
	},
	{
		displayName: 'Letter File Column',
		name: 'letterFileColumn',
		type: 'string',
		default: 'Berkas Surat',
		description:
			"The requests sheet's column holding the delivered letter's Google Drive link; a letter without one is not sent again",
	},
	{
		displayName: 'Wrong Tries Before',
		name: 'tries',
		type: 'number',
		default: 0,
		description:
			'Answers to the question given before this one (the third wrong one offers a person)',
	},
];

const displayOptions = { show: { operation: ['resendLetter'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The Drive file id in a Drive link (`/file/d/<id>/`, `?id=<id>`) or a bare id. */
function driveFileId(cell: unknown): string {
	const text = String(cell ?? '').trim();
	const found = /\/d\/([\w-]{10,})/.exec(text) ?? /[?&]id=([\w-]{10,})/.exec(text);
	if (found) return found[1];
	return /^[\w-]{10,}$/.test(text) ? text : '';
}

/**
 * "Kirim ulang surat" from the resident's sheet rows (a batch operation: all input items are
 * read as rows): one item with the replies (`replies`), the outcome and, when the digits fit,
 * one item per letter to send again (`send`: ticket, file id, the row's notes with the resend
 * noted in WIB).
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const waId = String(this.getNodeParameter('waId', 0)).trim();
	const fileColumn = String(this.getNodeParameter('letterFileColumn', 0, '') ?? '');
	const c = layout.columns;
	const rows = residentRows(items, waId).map((row) => ({
		ticket: String(row[c.ticket]),
		serviceTitle: String(row[c.service] ?? ''),
		status: String(row[c.status] ?? ''),
		nik: String(row[c.nik] ?? ''),
		letterNumber: row[c.letterNumber] ? String(row[c.letterNumber]) : undefined,
		completedAt: row[c.completedAt] ? String(row[c.completedAt]) : undefined,
		letterFile: driveFileId(row[fileColumn]),
		note: String(row[c.note] ?? ''),
	}));
	const catalog = getCatalog.call(this, 0);
	const decision = resendDecision(
		rows,
		{
			digits: String(this.getNodeParameter('digits', 0, '') ?? ''),
			tries: Number(this.getNodeParameter('tries', 0, 0)),
		},
		{ done: layout.statuses.done, revoked: layout.statuses.revoked },
		catalog,
	);
	const line = resendNote(catalog, new Date());
	const send = decision.letters.map((letter) => {
		const note = rows.find((row) => row.ticket === letter.ticket)?.note ?? '';
		return {
			ticket: letter.ticket,
			fileId: letter.letterFile,
			letterNumber: letter.letterNumber,
			note: note ? `${note}\n${line}` : line,
		};
	});
	const paired = items.map((_, i) => ({ item: i }));
	return [
		[
			{
				json: { waId, outcome: decision.outcome, replies: decision.replies, send } as never,
				pairedItem: paired,
			},
		],
	];
}
