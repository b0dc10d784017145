// What the end-to-end tests act through: a resident's phone and the staff sheet (the sandbox's
// JSON API) and n8n's executions (its public API).
import type { ChatMessage } from '../../../sandbox/server';
import type { StackInfo } from './stack-info';
import { waitFor, WaitOptions } from './wait';

async function call<T>(
	url: string,
	init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
	const response = await fetch(url, {
		method: init.method ?? 'GET',
		headers: {
			accept: 'application/json',
			...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
			...init.headers,
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(
			`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 500)}`,
		);
	return (text ? JSON.parse(text) : undefined) as T;
}

export interface SentMessage {
	messageId: string;
	webhookStatus: number;
}

export interface Attachment {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A resident chatting on WhatsApp, through the sandbox. Replies are awaited after the last send. */
export function residentClient(info: StackInfo) {
	const base = info.sandboxUrl;
	// Per resident: how many messages the chat had before our last send.
	const marks = new Map<string, number>();
	const messages = (waId: string) =>
		call<ChatMessage[]>(`${base}/api/residents/${encodeURIComponent(waId)}/messages`);
	const send = async (waId: string, body: unknown): Promise<SentMessage> => {
		marks.set(waId, (await messages(waId)).length);
		return call<SentMessage>(`${base}/api/residents/${encodeURIComponent(waId)}/messages`, {
			method: 'POST',
			body,
		});
	};
	const attachment = (file: Attachment) => ({
		fileName: file.fileName,
		mimeType: file.mimeType,
		dataBase64: file.data.toString('base64'),
	});
	return {
		messages,
		/** Anything the sandbox's resident API takes: { text } | { reply } | { image } | { document }. */
		send: (waId: string, body: Record<string, unknown>) => send(waId, body),
		say: (waId: string, text: string) => send(waId, { text }),
		/** Taps a reply button or list row. */
		tap: (waId: string, id: string, title: string) => send(waId, { reply: { id, title } }),
		sendImage: (waId: string, file: Attachment) => send(waId, { image: attachment(file) }),
		sendDocument: (waId: string, file: Attachment) => send(waId, { document: attachment(file) }),
		/** Outgoing messages received since the last send, once one matches `predicate`. */
		waitForReply: async (
			waId: string,
			predicate: (message: ChatMessage) => boolean = () => true,
			options: WaitOptions = {},
		): Promise<ChatMessage> =>
			waitFor(
				async () => {
					const since = (await messages(waId)).slice(marks.get(waId) ?? 0);
					return since.find((m) => m.direction === 'out' && predicate(m));
				},
				{ timeoutMs: 60000, description: `a reply to ${waId}`, ...options },
			),
		/** Downloads a file the resident received (document or image URL). */
		download: async (url: string): Promise<Buffer> => {
			const response = await fetch(new URL(url, base));
			if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
			return Buffer.from(await response.arrayBuffer());
		},
	};
}

export interface SheetView {
	sheetName: string;
	header: string[];
	rows: Array<{ rowNumber: number; values: Record<string, string> }>;
}

/** Staff working in the requests sheet. */
export function staffClient(info: StackInfo, columns: { status?: string; note?: string } = {}) {
	const base = info.sandboxUrl;
	return {
		sheet: () => call<SheetView>(`${base}/api/sheet`),
		setCells: (rowNumber: number, values: Record<string, string>) =>
			call<SheetView['rows'][number]>(`${base}/api/sheet/rows/${rowNumber}`, {
				method: 'PATCH',
				body: values,
			}),
		setStatus: (rowNumber: number, status: string, note?: string) =>
			call<SheetView['rows'][number]>(`${base}/api/sheet/rows/${rowNumber}`, {
				method: 'PATCH',
				body: {
					[columns.status ?? 'Status']: status,
					...(note === undefined ? {} : { [columns.note ?? 'Catatan']: note }),
				},
			}),
		calls: () =>
			call<
				Array<{
					at: string;
					host: string;
					method: string;
					path: string;
					status?: number;
					bodySummary?: string;
				}>
			>(`${base}/api/calls`),
		reset: () => call(`${base}/api/reset`, { method: 'POST' }),
	};
}

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	/** How it started: `webhook` (a call such as the sheet's onEdit script), `trigger` (a schedule). */
	mode?: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
	data?: unknown;
}

/** n8n's executions through the public API (newest first). */
export async function n8nExecutions(
	info: StackInfo,
	filter: { workflowId?: string; status?: string; includeData?: boolean; limit?: number } = {},
): Promise<Execution[]> {
	const query = new URLSearchParams({ limit: String(filter.limit ?? 100) });
	if (filter.workflowId) query.set('workflowId', filter.workflowId);
	if (filter.status) query.set('status', filter.status);
	if (filter.includeData) query.set('includeData', 'true');
	const page = await call<{ data: Execution[] }>(`${info.n8nUrl}/api/v1/executions?${query}`, {
		headers: { 'x-n8n-api-key': info.apiKey },
	});
	return page.data;
}

/**
 * Every execution of one workflow started at or after `since` (newest first), however many:
 * pages through the API's cursor instead of trusting one capped page (its `limit` stops at 250).
 */
export async function executionsSince(
	info: StackInfo,
	filter: { workflowId: string; since: Date; status?: string; includeData?: boolean },
): Promise<Execution[]> {
	const found: Execution[] = [];
	let cursor: string | undefined;
	for (;;) {
		const query = new URLSearchParams({ limit: '100', workflowId: filter.workflowId });
		if (filter.status) query.set('status', filter.status);
		if (filter.includeData) query.set('includeData', 'true');
		if (cursor) query.set('cursor', cursor);
		const page = await call<{ data: Execution[]; nextCursor?: string | null }>(
			`${info.n8nUrl}/api/v1/executions?${query}`,
			{ headers: { 'x-n8n-api-key': info.apiKey } },
		);
		const recent = page.data.filter((e) => new Date(e.startedAt) >= filter.since);
		found.push(...recent);
		// Newest first: a page reaching back before `since` is the last one needed.
		if (recent.length < page.data.length || !page.nextCursor) return found;
		cursor = page.nextCursor;
	}
}

/** A fault the sandbox plays on the next matching calls (see sandbox/server/faults.ts). */
export interface FaultSpec {
	service: 'whatsapp' | 'sheets' | 'drive';
	operation: string;
	status?: number;
	times?: number;
	bodyContains?: string;
	/** Hold the call this long instead of failing it (see sandbox/server/faults.ts). */
	holdMs?: number;
	/** No answer at all until the caller's connection closes (see sandbox/server/faults.ts). */
	hold?: boolean;
	/** Filled in by the sandbox: the ports of the callers it holds. */
	heldFrom?: number[];
}

/** The sandbox's fault switch: arm a failure of Meta or Google, and see how often it struck. */
export function faultClient(info: StackInfo) {
	const url = `${info.sandboxUrl}/api/faults`;
	return {
		arm: (fault: FaultSpec) =>
			call<FaultSpec & { id: number; hits: number }>(url, { method: 'POST', body: fault }),
		list: () => call<Array<FaultSpec & { id: number; hits: number }>>(url),
		clear: () => call(url, { method: 'DELETE' }),
	};
}

/**
 * The newest execution matching `predicate`, once n8n has saved it (a webhook may answer before
 * its execution is finished and stored).
 */
export async function waitForExecution(
	info: StackInfo,
	filter: Parameters<typeof n8nExecutions>[1] = {},
	predicate: (execution: Execution) => boolean = (e) => e.finished,
	options: WaitOptions = {},
): Promise<Execution> {
	return waitFor(async () => (await n8nExecutions(info, filter)).find(predicate), {
		timeoutMs: 60000,
		description: `an n8n execution${filter.workflowId ? ` of workflow ${filter.workflowId}` : ''}`,
		...options,
	});
}
