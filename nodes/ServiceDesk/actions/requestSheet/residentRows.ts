import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_SHEET_LAYOUT as layout } from '../../../domain/sheet/requestRow';

/** The requests sheet's rows of one resident (their WhatsApp number), each with a ticket. */
export function residentRows(items: INodeExecutionData[], waId: string): IDataObject[] {
	const c = layout.columns;
	return items
		.map((item) => item.json)
		.filter((row) => String(row[c.waId] ?? '') === waId && row[c.ticket]);
}
