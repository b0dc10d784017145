/**
 * The sheet's Apps Script, played by the sandbox: when staff edit cells (the page or
 * `PATCH /api/sheet/rows/{n}`), the shipped script (apps-script/pecelan-on-edit.gs) itself runs
 * here with stand-ins for the Apps Script services it calls, so n8n receives exactly what the
 * script would post from Google. API writes (n8n's own) never run it, as in Google Sheets.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { SandboxContext } from './context';
import { readValues, type SheetTab } from './sheets-model';

export const APPS_SCRIPT_FILE = join(__dirname, '..', '..', 'apps-script', 'pecelan-on-edit.gs');

/** What the script posted and what n8n answered, newest last (`GET /api/sheet-edits`). */
export interface SheetEditPost {
	at: string;
	url: string;
	body: string;
	signature: string;
	status: number;
	error?: string;
}

interface FetchCall {
	url: string;
	options: { payload: string; headers: Record<string, string> };
}

const posts = new WeakMap<SandboxContext, SheetEditPost[]>();

export function sheetEditPosts(ctx: SandboxContext): SheetEditPost[] {
	return posts.get(ctx) ?? [];
}

function rangeOf(tab: SheetTab, row: number, column: number, rows = 1, columns = 1) {
	return {
		getRow: () => row,
		getLastRow: () => row + rows - 1,
		getColumn: () => column,
		getSheet: () => sheetOf(tab),
		getDisplayValues: () =>
			Array.from({ length: rows }, (_, r) =>
				Array.from({ length: columns }, (_, c) =>
					String(
						readValues(
							{
								tab,
								startRow: row - 1 + r,
								startCol: column - 1 + c,
								endRow: row - 1 + r,
								endCol: column - 1 + c,
							},
							'FORMATTED_VALUE',
						)[0]?.[0] ?? '',
					),
				),
			),
	};
}

function sheetOf(tab: SheetTab) {
	return {
		getName: () => tab.title,
		getLastColumn: () =>
			tab.cells.reduce((width, cells) => {
				const last = (cells ?? []).reduce((w, cell, c) => (cell && cell.v !== '' ? c + 1 : w), 0);
				return Math.max(width, last);
			}, 0),
		getRange: (row: number, column: number, rows?: number, columns?: number) =>
			rangeOf(tab, row, column, rows, columns),
	};
}

/** Apps Script's Utilities.computeHmacSha256Signature: signed bytes (-128..127). */
function hmacBytes(value: string, key: string): number[] {
	return [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) =>
		b > 127 ? b - 256 : b,
	);
}

/**
 * Runs the script's `pecelanOnEdit` for an edit of `rows` rows from (row, column) of `tab`, then
 * posts what it fetched. Without a webhook URL (n8n not provisioned yet) nothing runs.
 */
export function playOnEdit(
	ctx: SandboxContext,
	tab: SheetTab,
	row: number,
	column: number,
	rows = 1,
): void {
	const url = ctx.sheetEditWebhookUrl;
	if (!url) return;
	const fetched: FetchCall[] = [];
	const properties: Record<string, string> = {
		PECELAN_WEBHOOK_URL: url,
		PECELAN_SHARED_SECRET: ctx.settings.sheetEditSecret,
	};
	const globals = {
		PropertiesService: {
			getScriptProperties: () => ({ getProperty: (k: string) => properties[k] ?? null }),
		},
		Utilities: { computeHmacSha256Signature: hmacBytes },
		UrlFetchApp: {
			fetch: (to: string, options: FetchCall['options']) => {
				fetched.push({ url: to, options });
				return { getResponseCode: () => 200, getContentText: () => '' };
			},
		},
		console,
		event: {
			range: rangeOf(tab, row, column, rows),
			source: { getId: () => ctx.settings.spreadsheetId },
		},
	};
	runInNewContext(`${readFileSync(APPS_SCRIPT_FILE, 'utf8')}\npecelanOnEdit(event);`, globals, {
		filename: APPS_SCRIPT_FILE,
		timeout: 5000,
	});
	const list = sheetEditPosts(ctx);
	posts.set(ctx, list);
	for (const call of fetched) {
		const post: SheetEditPost = {
			at: new Date().toISOString(),
			url: call.url,
			body: call.options.payload,
			signature: call.options.headers['X-Pecelan-Signature'],
			status: 0,
		};
		list.push(post);
		if (list.length > 200) list.shift();
		fetch(call.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Pecelan-Signature': post.signature },
			body: post.body,
		})
			.then((response) => (post.status = response.status))
			.catch((error: Error) => (post.error = error.message));
	}
}
