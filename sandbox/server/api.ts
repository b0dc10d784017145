import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { SandboxContext } from './context';
import type { Handler } from './handler';
import { sheetEditPosts } from './apps-script';
import { armFault, clearFaults, listFaults } from './faults';
import { deleteFile, FOLDER, prepareDrive } from './drive-folders';
import { permissionsOf } from './drive-permissions';
import { HttpError, parseJson, readBody, sendBytes, sendJson } from './http-util';
import type { ChangeEvent, ChatMessage } from './state';
import { patchRow, sheetView } from './staff-sheet';
import { buildBatch, buildInbound, deliver, type ResidentInput } from './webhook';
import { fonnteRoutes, deliverFonnte, buildFonnteInbound } from './fonnte-api';
import { windowRoutes } from './meta-window-api';

const PAGE_DIR = join(__dirname, '..', 'page');
const PAGE_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
};

const WA_ID = '(\\d{5,20})';

function chatView(message: ChatMessage) {
	return { buttons: null, list: null, document: null, image: null, ...message };
}

async function health(ctx: SandboxContext): Promise<{ ok: boolean; reason?: string }> {
	if (!ctx.n8n) return { ok: false, reason: 'n8n is not started yet' };
	try {
		const ready = await Promise.race([
			ctx.n8n.ready(),
			new Promise<boolean>((_, reject) =>
				setTimeout(() => reject(new Error('readiness check timed out')), 5000).unref(),
			),
		]);
		return ready
			? { ok: true }
			: { ok: false, reason: 'n8n is not ready yet (workflows not active)' };
	} catch (error) {
		return { ok: false, reason: `n8n readiness check failed: ${(error as Error).message}` };
	}
}

function reset(ctx: SandboxContext): void {
	const { data } = ctx.state;
	data.chats = {};
	data.lastInbound = {};
	data.names = {};
	data.files = {};
	prepareDrive(ctx);
	data.calls = [];
	ctx.fonnteSends.length = 0;
	clearFaults(ctx);
	for (const sheet of Object.values(data.spreadsheets)) {
		for (const tab of sheet.sheets) {
			// Back to a fresh tab's grid, header kept, so every test starts from the same sheet.
			tab.cells = tab.cells.slice(0, 1);
			tab.rowCount = 1000;
			tab.columnCount = Math.max(26, tab.cells[0]?.length ?? 0);
		}
	}
	ctx.state.changed({ kind: 'reset' });
}

/** The deliveries of the provider residents write through now. */
const redeliveryOf = (ctx: SandboxContext) =>
	ctx.settings.provider === 'fonnte' ? ctx.fonnteRedelivery : ctx.redelivery;

const routes: Array<[string, RegExp, Handler]> = [
	[
		'GET',
		/^\/api\/health$/,
		async (ctx, _req, res) => {
			const result = await health(ctx);
			sendJson(res, result.ok ? 200 : 503, result);
		},
	],
	[
		'GET',
		/^\/api\/config$/,
		async (ctx, _req, res) => {
			const s = ctx.settings;
			sendJson(res, 200, {
				intakeWebhookUrl: ctx.intakeWebhookUrl ?? null,
				verifyToken: s.verifyToken,
				appSecret: s.appSecret,
				phoneNumberId: s.phoneNumberId,
				spreadsheetId: s.spreadsheetId,
				sheetName: s.sheetName,
				driveFolderId: s.driveFolderId,
				n8nUrl: ctx.n8n?.url ?? null,
				businessNumber: s.businessNumber,
				provider: s.provider,
			});
		},
	],
	[
		'GET',
		/^\/api\/residents$/,
		async (ctx, _req, res) => {
			sendJson(res, 200, Object.keys(ctx.state.data.chats));
		},
	],
	[
		'GET',
		new RegExp(`^/api/residents/${WA_ID}/messages$`),
		async (ctx, _req, res, [waId]) => {
			sendJson(res, 200, (ctx.state.data.chats[waId] ?? []).map(chatView));
		},
	],
	[
		'POST',
		new RegExp(`^/api/residents/${WA_ID}/messages$`),
		async (ctx, req, res, [waId]) => {
			const input = parseJson(await readBody(req)) as ResidentInput & { webhookTimeoutMs?: number };
			const fonnte = ctx.settings.provider === 'fonnte';
			const { id, name, payload, chat } = fonnte
				? buildFonnteInbound(ctx, waId, input)
				: buildInbound(ctx, waId, input);
			ctx.state.data.names[waId] = name;
			if (!ctx.state.findMessage(id)) ctx.state.addMessage(waId, chat);
			// A shorter wait for this delivery's first answer: a webhook "not answered in time".
			const timeout =
				Number(input.webhookTimeoutMs) > 0 ? Number(input.webhookTimeoutMs) : undefined;
			const raw = JSON.stringify(payload);
			const result = fonnte
				? await deliverFonnte(ctx, raw, timeout)
				: await deliver(ctx, raw, undefined, timeout);
			sendJson(res, 200, { messageId: id, ...result });
		},
	],
	[
		// Several messages in one webhook body (Meta batches under load): [{ waId, text | reply | … }].
		'POST',
		/^\/api\/deliveries$/,
		async (ctx, req, res) => {
			const input = parseJson(await readBody(req)) as {
				messages?: Array<ResidentInput & { waId: string }>;
			};
			const messages = Array.isArray(input.messages) ? input.messages : [];
			if (ctx.settings.provider === 'fonnte')
				throw new HttpError(400, { error: 'Fonnte posts one message per webhook, never a batch' });
			if (messages.length === 0 || messages.some((m) => !/^\d{5,20}$/.test(String(m?.waId))))
				throw new HttpError(400, { error: 'messages: a list of { waId, text | reply | … }' });
			const { ids, payload, chats } = buildBatch(ctx, messages);
			for (const { waId, name, chat } of chats) {
				ctx.state.data.names[waId] = name;
				if (!ctx.state.findMessage(chat.id)) ctx.state.addMessage(waId, chat);
			}
			sendJson(res, 200, { messageIds: ids, ...(await deliver(ctx, JSON.stringify(payload))) });
		},
	],
	...windowRoutes(WA_ID),
	...fonnteRoutes(),
	[
		'POST',
		/^\/api\/webhooks\/raw$/,
		async (ctx, req, res) => {
			const input = parseJson(await readBody(req)) as { body?: unknown; signature?: string };
			if (typeof input.body !== 'string')
				throw new HttpError(400, { error: 'body must be a string (the raw webhook body)' });
			sendJson(
				res,
				200,
				ctx.settings.provider === 'fonnte'
					? await deliverFonnte(ctx, input.body)
					: await deliver(ctx, input.body, input.signature),
			);
		},
	],
	[
		'GET',
		/^\/api\/webhooks\/deliveries\/totals$/,
		async (ctx, _req, res) => {
			sendJson(res, 200, redeliveryOf(ctx).totals);
		},
	],
	[
		'GET',
		/^\/api\/webhooks\/deliveries$/,
		async (ctx, _req, res, _p, url) => {
			const messageId = url.searchParams.get('messageId');
			sendJson(
				res,
				200,
				messageId ? redeliveryOf(ctx).attemptsFor(messageId) : redeliveryOf(ctx).log.slice(-200),
			);
		},
	],
	[
		'GET',
		/^\/api\/media\/([^/]+)$/,
		async (ctx, _req, res, [id], url) => {
			const file = ctx.state.data.files[decodeURIComponent(id)];
			if (!file) throw new HttpError(404, { error: `no file ${id}` });
			if (file.mimeType === 'application/vnd.google-apps.folder') {
				const children = Object.values(ctx.state.data.files).filter((f) =>
					f.parents?.includes(file.id),
				);
				sendJson(res, 200, {
					folder: file.name,
					files: children.map((f) => ({ id: f.id, name: f.name, url: `/api/media/${f.id}` })),
				});
				return;
			}
			sendBytes(
				res,
				200,
				file.mimeType,
				Buffer.from(file.dataBase64, 'base64'),
				url.searchParams.has('download') ? undefined : file.name,
			);
		},
	],
	[
		'GET',
		/^\/api\/sheet$/,
		async (ctx, _req, res, _p, url) => {
			sendJson(
				res,
				200,
				sheetView(ctx, url.searchParams.get('sheet'), url.searchParams.get('spreadsheet')),
			);
		},
	],
	[
		// Every spreadsheet and Drive folder the sandbox holds: what a Setup run created, and
		// whether a second run created any again.
		'GET',
		/^\/api\/google$/,
		async (ctx, _req, res) => {
			const spreadsheets = Object.values(ctx.state.data.spreadsheets).map((sheet) => ({
				spreadsheetId: sheet.spreadsheetId,
				title: sheet.title,
				tabs: sheet.sheets.map((tab) => tab.title),
				permissions: permissionsOf(ctx, sheet.spreadsheetId),
			}));
			const folders = Object.values(ctx.state.data.files)
				.filter((file) => file.mimeType === 'application/vnd.google-apps.folder')
				.map((file) => ({
					id: file.id,
					name: file.name,
					parents: file.parents ?? [],
					permissions: permissionsOf(ctx, file.id),
				}));
			sendJson(res, 200, { spreadsheets, folders });
		},
	],
	[
		// The admin deletes the office's spreadsheet or folder in Drive (the Setup's recovery).
		'DELETE',
		/^\/api\/google\/(spreadsheets|folders)\/([^/]+)$/,
		async (ctx, _req, res, [kind, id]) => {
			const fileId = decodeURIComponent(id);
			if (kind === 'spreadsheets' && ctx.state.data.spreadsheets[fileId]) {
				delete ctx.state.data.spreadsheets[fileId];
				ctx.state.changed({ kind: 'sheet', spreadsheetId: fileId });
			} else if (kind === 'folders' && ctx.state.data.files[fileId]?.mimeType === FOLDER) {
				deleteFile(ctx, fileId);
			} else throw new HttpError(404, { error: `no ${kind.slice(0, -1)} ${fileId}` });
			sendJson(res, 200, { deleted: fileId });
		},
	],
	[
		'PATCH',
		/^\/api\/sheet\/rows\/(\d+)$/,
		async (ctx, req, res, [row], url) => {
			const changes = parseJson(await readBody(req));
			if (!changes || typeof changes !== 'object' || Array.isArray(changes))
				throw new HttpError(400, { error: 'send { "column": "value" }' });
			sendJson(
				res,
				200,
				patchRow(
					ctx,
					Number(row),
					changes as Record<string, unknown>,
					url.searchParams.get('sheet'),
					url.searchParams.get('spreadsheet'),
				),
			);
		},
	],
	[
		'GET',
		/^\/api\/sheet-edits$/,
		async (ctx, _req, res) => {
			sendJson(res, 200, sheetEditPosts(ctx));
		},
	],
	[
		'GET',
		/^\/api\/calls$/,
		async (ctx, _req, res) => {
			sendJson(res, 200, ctx.state.data.calls);
		},
	],
	[
		'POST',
		/^\/api\/reset$/,
		async (ctx, _req, res) => {
			reset(ctx);
			sendJson(res, 200, { ok: true });
		},
	],
	[
		'GET',
		/^\/api\/faults$/,
		async (ctx, _req, res) => {
			sendJson(res, 200, listFaults(ctx));
		},
	],
	[
		'POST',
		/^\/api\/faults$/,
		async (ctx, req, res) => {
			sendJson(res, 201, armFault(ctx, parseJson(await readBody(req))));
		},
	],
	[
		'DELETE',
		/^\/api\/faults$/,
		async (ctx, _req, res) => {
			clearFaults(ctx);
			sendJson(res, 200, { ok: true });
		},
	],
	[
		'GET',
		/^\/api\/events$/,
		async (ctx, req, res) => {
			res.writeHead(200, {
				'Content-Type': 'text/event-stream',
				'Cache-Control': 'no-cache',
				Connection: 'keep-alive',
			});
			res.write('retry: 1000\n\n');
			const send = (event: ChangeEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
			const ping = setInterval(() => res.write(': ping\n\n'), 15000);
			ctx.state.on('change', send);
			req.on('close', () => {
				clearInterval(ping);
				ctx.state.off('change', send);
			});
		},
	],
	[
		'GET',
		/^\/(|index\.html|app\.js|style\.css)$/,
		async (_ctx, _req, res, [file]) => {
			const name = file || 'index.html';
			const data = await readFile(join(PAGE_DIR, name));
			res.writeHead(200, {
				'Content-Type': PAGE_TYPES[extname(name)] ?? 'text/plain',
				'Cache-Control': 'no-cache',
			});
			res.end(data);
		},
	],
];

/** The sandbox's own HTTP server: the page, the JSON API and the live event stream. */
export async function handleApi(
	ctx: SandboxContext,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	try {
		for (const [method, pattern, handler] of routes) {
			const match = pattern.exec(url.pathname);
			if (match && method === req.method) {
				await handler(ctx, req, res, match.slice(1), url);
				return;
			}
		}
		throw new HttpError(404, { error: `no route ${req.method} ${url.pathname}` });
	} catch (error) {
		if (res.headersSent) return void res.end();
		if (error instanceof HttpError) return sendJson(res, error.status, error.body);
		console.error(`[sandbox] ${req.method} ${url.pathname} failed:`, error);
		sendJson(res, 500, { error: (error as Error).message });
	}
}
