/**
 * The verification record: what the page behind a letter's QR code may show, stored apart from
 * the requests sheet (a data table keyed by code), so a scan is one key lookup instead of a read
 * of the whole sheet. It never holds a full NIK. Approvals write one when a letter is made and
 * keep its status in step with the sheet (staff revoke a letter by setting Status to "Dicabut").
 */
import { maskId } from '../indonesian/format';
import { verificationPage } from '../letter/verificationPage';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf, type SheetLayout } from './requestRow';

export type Row = Record<string, unknown>;

export const RECORD_STATUS = { valid: 'valid', revoked: 'revoked' } as const;
export type RecordStatus = (typeof RECORD_STATUS)[keyof typeof RECORD_STATUS];

export interface LetterRecord {
	code: string;
	number: string;
	/** The holder's name as the letter prints it: what a verifier compares with the paper. */
	name: string;
	/** Masked (`3577********0001`). */
	nik: string;
	service: string;
	/** ISO date or timestamp of issue. */
	issuedAt: string;
	status: RecordStatus;
}

/** The columns a record is compared on; the issue time may differ by seconds between writers. */
const COMPARED = ['code', 'number', 'name', 'nik', 'service', 'status'] as const;

/** A cell's text, trimmed; anything that is not text or a number reads as empty. */
export const cellText = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The record for a request row whose letter carries `number` and `code`. */
export function letterRecordOf(
	row: Row,
	letter: { number: string; code: string; issuedAt: string },
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): LetterRecord {
	const c = layout.columns;
	return {
		code: letter.code.trim(),
		number: letter.number.trim(),
		name: cellText(row[c.name]),
		nik: maskId(cellText(row[c.nik])),
		service: cellText(row[c.service]),
		issuedAt: letter.issuedAt,
		status:
			statusKeyOf(row[c.status], layout) === 'revoked'
				? RECORD_STATUS.revoked
				: RECORD_STATUS.valid,
	};
}

/** Records for every row that holds an issued letter (numbered, coded, delivered or revoked). */
export function recordsFromRows(
	rows: Row[],
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): LetterRecord[] {
	const c = layout.columns;
	return rows.flatMap((row) => {
		const number = cellText(row[c.letterNumber]);
		const code = cellText(row[c.verificationCode]);
		const status = statusKeyOf(row[c.status], layout);
		if (!number || !code || (status !== 'done' && status !== 'revoked')) return [];
		const issuedAt =
			cellText(row[c.completedAt]) || cellText(row[c.notifiedAt]) || cellText(row[c.receivedAt]);
		return [letterRecordOf(row, { number, code, issuedAt }, layout)];
	});
}

/**
 * The records to write so the store matches the sheet. `known` is what the store holds:
 * - scope `all`: every record (a nightly reconcile; creates the records of letters issued before
 *   records existed, and repairs any write that failed);
 * - scope `revocations`: only the revoked records (every approvals run; cheap): a letter the sheet
 *   now marks revoked is written as revoked, and a revoked record whose row is no longer revoked
 *   is written back as valid. A valid letter absent from `known` is then left alone: it is
 *   unknown here whether its record exists.
 */
export function recordChanges(
	rows: Row[],
	known: Array<Partial<LetterRecord>>,
	scope: 'all' | 'revocations',
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): LetterRecord[] {
	const byCode = new Map(known.filter((r) => cellText(r.code)).map((r) => [cellText(r.code), r]));
	const changes: LetterRecord[] = [];
	for (const wanted of recordsFromRows(rows, layout)) {
		const stored = byCode.get(wanted.code);
		if (!stored && scope === 'revocations' && wanted.status !== RECORD_STATUS.revoked) continue;
		if (stored && COMPARED.every((key) => cellText(stored[key]) === wanted[key])) continue;
		changes.push(stored?.issuedAt ? { ...wanted, issuedAt: cellText(stored.issuedAt) } : wanted);
	}
	return changes;
}

/**
 * What a QR scan answers from the record found for `code` (none: the same 404 as any unknown
 * code): the letter confirmed (200) or revoked (410).
 */
export function verificationAnswerFromRecord(
	record: Partial<LetterRecord> | undefined,
	code: string,
	office: string,
): { statusCode: number; html: string } {
	const wanted = code.trim();
	const found = wanted && record && cellText(record.code) === wanted && cellText(record.number);
	return verificationPage(
		found
			? {
					number: cellText(record.number),
					issuedAt: cellText(record.issuedAt),
					service: cellText(record.service),
					name: cellText(record.name),
					// Stored masked; masking again keeps a record written by hand from showing a NIK.
					nik: cellText(record.nik),
					revoked: cellText(record.status) === RECORD_STATUS.revoked,
				}
			: undefined,
		office,
	);
}
