/**
 * What a QR scan answers, from the request rows: the letter whose code matches (200), the same
 * "not found" for any code that matches no numbered row (404), or "revoked" (410) when staff set
 * the row's Status to the revoked word (templates/sheet.json, "Dicabut").
 */
import { verificationPage } from '../letter/verificationPage';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf, type SheetLayout } from './requestRow';

export type Row = Record<string, unknown>;

export function verificationAnswer(
	rows: Row[],
	code: string,
	office: string,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): { statusCode: number; html: string } {
	const c = layout.columns;
	const wanted = code.trim();
	const text = (row: Row, key: string) => {
		const value = row[key];
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	};
	const row = wanted
		? rows.find((r) => text(r, c.verificationCode) === wanted && text(r, c.letterNumber))
		: undefined;
	return verificationPage(
		row && {
			number: text(row, c.letterNumber),
			issuedAt: text(row, c.completedAt) || text(row, c.notifiedAt) || text(row, c.receivedAt),
			service: text(row, c.service),
			name: text(row, c.name),
			nik: text(row, c.nik),
			revoked: statusKeyOf(text(row, c.status), layout) === 'revoked',
		},
		office,
	);
}
