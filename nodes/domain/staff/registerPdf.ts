/**
 * The month's Buku Agenda as a printable PDF: the register tab's rows of one month, printed by the
 * letter engine (the office's kop, a landscape table with the sheet's column names, page numbers
 * on every page, the signatory who closes the register), for the archive and the audit.
 */
import {
	REGISTER_TEMPLATE,
	renderLetter,
	type Letterhead,
	type MarginsMm,
	type Paper,
	type Signatory,
} from '../letter';
import { DEFAULT_SHEET_LAYOUT, type SheetLayout } from '../sheet/requestRow';
import { registerColumns, type Row } from './register';
import { parseSheetTime, wibDateTime, wibDay } from '../sheet/time';

export interface RegisterPdfOptions {
	/** The month printed, `YYYY-MM`. */
	month: string;
	/** The day the register is closed and signed, `YYYY-MM-DD`. */
	date: string;
	letterhead: Letterhead;
	signatory: Signatory;
	paper?: Paper;
	margins?: MarginsMm;
	emblem?: Uint8Array;
}

export interface RegisterEntry {
	sequence: string;
	/** `YYYY-MM-DD` (WIB). */
	day: string;
	number: string;
	classification: string;
	subject: string;
	to: string;
	signer: string;
	notes: string;
}

export interface RenderedRegister {
	pdf: Uint8Array;
	pages: number;
	/** Letters in the month. */
	letters: number;
	title: string;
	fileName: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The month before the one `now` falls in, in WIB: what the register printed on the 1st covers. */
export function previousMonth(now: Date): string {
	const [year, month] = wibDay(now).slice(0, 7).split('-').map(Number);
	return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The register rows of `month`, in the order of their sequence (the order of issue). */
export function registerMonth(
	rows: Row[],
	month: string,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): RegisterEntry[] {
	const r = registerColumns(layout);
	return rows
		.map((row) => {
			const at = parseSheetTime(text(row[r.date]));
			return {
				sequence: text(row[r.sequence]),
				day: at === undefined ? text(row[r.date]).slice(0, 10) : wibDateTime(at).slice(0, 10),
				number: text(row[r.number]),
				classification: text(row[r.classification]),
				subject: text(row[r.subject]),
				to: text(row[r.to]),
				signer: text(row[r.signer]),
				notes: text(row[r.notes]),
			};
		})
		.filter((entry) => entry.number && entry.day.startsWith(`${month}-`))
		.sort(
			(a, b) =>
				a.day.localeCompare(b.day) ||
				(Number(a.sequence) || 0) - (Number(b.sequence) || 0) ||
				a.number.localeCompare(b.number),
		);
}

/** The PDF of `month`'s register (a register with no letter says so in its count). */
export async function renderRegisterPdf(
	rows: Row[],
	options: RegisterPdfOptions,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): Promise<RenderedRegister> {
	if (!MONTH.test(options.month))
		throw new Error(`The register month "${options.month}" is not a month (YYYY-MM)`);
	const entries = registerMonth(rows, options.month, layout);
	const title = `Buku Agenda Surat Keluar ${options.month}`;
	const letter = await renderLetter({
		templateName: 'buku-agenda',
		template: REGISTER_TEMPLATE,
		application: {
			letter: { title },
			period: options.month,
			entries,
			columns: registerColumns(layout),
		},
		letterhead: options.letterhead,
		signatory: options.signatory,
		number: '',
		date: options.date,
		verificationCode: '',
		verificationUrl: '',
		paper: options.paper ?? 'F4',
		margins: options.margins,
		landscape: true,
		emblem: options.emblem,
	});
	return {
		pdf: letter.pdf,
		pages: letter.pages,
		letters: entries.length,
		title,
		fileName: `buku-agenda-${options.month}.pdf`,
	};
}
