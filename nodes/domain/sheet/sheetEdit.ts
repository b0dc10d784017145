/**
 * A staff edit in the office's Google Sheet, as the shipped Apps Script (apps-script/) posts it to
 * n8n: the rows touched (ticket and status only: no personal data leaves the sheet this way),
 * signed with HMAC-SHA256 over the exact body with a secret shared by the script and n8n. The body
 * carries the time it was signed (`editedAt`): a call older than a few minutes is refused, so a
 * recorded call cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'crypto';

/** The header the script signs with: `sha256=<hex of HMAC-SHA256(body, secret)>`. */
export const SHEET_EDIT_SIGNATURE_HEADER = 'x-pecelan-signature';

export interface SheetEdit {
	spreadsheetId: string;
	sheetName: string;
	/** The header of the first edited column ('' when unknown). */
	column: string;
	rows: Array<{ row: number; ticket: string; status: string }>;
	/** When the script signed the call (ISO time). */
	editedAt: string;
}

/** How old a signed call may be when it arrives. */
export const SHEET_EDIT_MAX_AGE_MS = 5 * 60_000;
/** How far ahead of n8n's clock the script's clock may be. */
export const SHEET_EDIT_MAX_SKEW_MS = 60_000;

export function signSheetEdit(body: string | Buffer, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Why a call is refused, or undefined when its signature is the one `secret` gives its body. */
export function sheetEditRefusal(
	rawBody: Buffer | undefined,
	signature: unknown,
	secret: string,
): string | undefined {
	if (!secret) return 'the credential has no shared secret to check signatures with';
	if (!rawBody) return 'the call has no body';
	if (typeof signature !== 'string' || !signature)
		return `no ${SHEET_EDIT_SIGNATURE_HEADER} header`;
	const given = Buffer.from(signature.trim().toLowerCase());
	const expected = Buffer.from(signSheetEdit(rawBody, secret));
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return `a wrong ${SHEET_EDIT_SIGNATURE_HEADER} (forged, or signed with another secret)`;
	return undefined;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The edit out of a signed body; throws with what is wrong when it is not the script's shape. */
export function parseSheetEdit(body: unknown): SheetEdit {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw new Error('the body is not a JSON object');
	const value = body as Record<string, unknown>;
	if (!text(value.sheetName)) throw new Error('"sheetName" is missing');
	if (!Array.isArray(value.rows)) throw new Error('"rows" must be a list');
	const rows = value.rows.map((row, i) => {
		const r = (row ?? {}) as Record<string, unknown>;
		const number = Number(r.row);
		if (!Number.isInteger(number) || number < 1)
			throw new Error(`rows[${i}].row must be a sheet row number`);
		return { row: number, ticket: text(r.ticket), status: text(r.status) };
	});
	return {
		spreadsheetId: text(value.spreadsheetId),
		sheetName: text(value.sheetName),
		column: text(value.column),
		rows,
		editedAt: text(value.editedAt),
	};
}

/** Why a signed edit is refused for its time (too old: a replay; or from the future), or undefined. */
export function sheetEditTimeRefusal(edit: SheetEdit, now: Date): string | undefined {
	if (!edit.editedAt) return 'the call carries no signed time ("editedAt")';
	const signedAt = Date.parse(edit.editedAt);
	if (!/^\d{4}-\d{2}-\d{2}T/.test(edit.editedAt) || Number.isNaN(signedAt))
		return `the signed time "${edit.editedAt.slice(0, 40)}" is not an ISO time`;
	const age = now.getTime() - signedAt;
	if (age > SHEET_EDIT_MAX_AGE_MS)
		return `the call was signed at ${edit.editedAt}, more than ${SHEET_EDIT_MAX_AGE_MS / 60_000} minutes ago (a replay, or a clock far behind)`;
	if (-age > SHEET_EDIT_MAX_SKEW_MS)
		return `the call was signed at ${edit.editedAt}, ahead of this server's clock by more than ${SHEET_EDIT_MAX_SKEW_MS / 1000} s`;
	return undefined;
}
