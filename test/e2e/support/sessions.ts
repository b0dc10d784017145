// The session rows n8n holds (Data Table `pecelan_sessions`), read and written through n8n's
// public API as an admin would in the editor's table view.
import type { StackInfo } from './stack-info';

export interface SessionRow {
	id: number;
	waId: string;
	version: number;
	session: string;
	/** When the resident last wrote (ISO), which Send Notice reads as Meta's 24-hour window. */
	lastInboundAt?: string;
}

async function sessionsTable(info: StackInfo): Promise<{ api: string; headers: HeadersInit }> {
	const headers = { 'x-n8n-api-key': info.apiKey, 'content-type': 'application/json' };
	const api = `${info.n8nUrl}/api/v1/data-tables`;
	const tables = (await (await fetch(`${api}?limit=100`, { headers })).json()) as {
		data: Array<{ id: string; name: string }>;
	};
	const table = tables.data.find((t) => t.name === 'pecelan_sessions');
	if (!table) throw new Error('no pecelan_sessions table');
	return { api: `${api}/${table.id}/rows`, headers };
}

/** The session rows of one resident (one, unless two first messages raced). */
export async function sessionRows(info: StackInfo, waId: string): Promise<SessionRow[]> {
	const { api, headers } = await sessionsTable(info);
	const filter = JSON.stringify({
		type: 'and',
		filters: [{ columnName: 'waId', condition: 'eq', value: waId }],
	});
	const response = await fetch(`${api}?filter=${encodeURIComponent(filter)}`, { headers });
	return ((await response.json()) as { data: SessionRow[] }).data;
}

/** Changes the row `id` (e.g. its session JSON), as an edit in the table view does. */
export async function updateSessionRow(
	info: StackInfo,
	id: number,
	data: Partial<Omit<SessionRow, 'id'>>,
): Promise<void> {
	const { api, headers } = await sessionsTable(info);
	const filter = { type: 'and', filters: [{ columnName: 'id', condition: 'eq', value: id }] };
	const response = await fetch(`${api}/update`, {
		method: 'PATCH',
		headers,
		body: JSON.stringify({ filter, data }),
	});
	if (!response.ok) throw new Error(`updating session row ${id}: ${await response.text()}`);
}
