/**
 * The register of letters out (Buku Agenda Surat Keluar) as a tab of the sheet: one row per
 * issued letter (sequence within its year, date, number, classification, subject, to whom,
 * signer, notes), made from the letters' verification records (the data table Approvals writes
 * when a number is given). A letter revoked later keeps its row; its notes then say so.
 */
import { chooseSigner, type DeputySignatory } from '../letter/signer';
import { DEFAULT_SHEET_LAYOUT, type SheetLayout } from '../sheet/requestRow';
import { parseSheetTime, wibDateTime } from '../sheet/time';

export type Row = Record<string, unknown>;

/** A letter's record as the letters table holds it (nodes/domain/sheet/letterRecord). */
export interface IssuedLetter {
	number?: unknown;
	name?: unknown;
	service?: unknown;
	issuedAt?: unknown;
	status?: unknown;
}

export interface RegisterOptions {
	/** Who signs the office's letters (the Setup form's signatory). */
	signer: string;
	/** The deputy Setup records (name, NIP, the period in which the deputy signs every letter). */
	deputy?: Partial<DeputySignatory>;
	/**
	 * The requests tab's rows: the signer staff picked for a letter (its row's signer cell, found
	 * by the letter's number). Without them every letter names the signer of its date.
	 */
	requestRows?: Row[];
	/** The archive classification of a service, by its title (the catalog's); else the number's. */
	classificationOf(serviceTitle: string): string | undefined;
}

export interface RegisterChanges {
	/** New rows, header → value, in the order of issue. */
	append: Array<Record<string, string>>;
	/** Rows of letters revoked since: the number and the notes to write. */
	revoke: Array<Record<string, string>>;
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

export const registerColumns = (layout: SheetLayout = DEFAULT_SHEET_LAYOUT) =>
	(layout.tabs ?? DEFAULT_SHEET_LAYOUT.tabs).register.columns;

/**
 * Who signed a letter, by its number and issue day: the deputy's name when its row picks the
 * deputy (or picks nobody within the deputy's period), else the Lurah's; a cell that names nobody
 * known is written as it reads (the letter was refused and staff see why in its row).
 */
function signerNames(options: RegisterOptions, layout: SheetLayout) {
	const c = layout.columns;
	const cells = new Map(
		(options.requestRows ?? [])
			.filter((row) => text(row[c.letterNumber]))
			.map((row) => [text(row[c.letterNumber]), c.signer ? text(row[c.signer]) : '']),
	);
	return (number: string, day: string): string => {
		const cell = cells.get(number) ?? '';
		const choice = chooseSigner(cell, day, options.deputy);
		if ('problem' in choice) return cell;
		return choice.role === 'deputy' ? text(options.deputy?.name) : options.signer;
	};
}

/** What the register lacks: the letters not in it yet, and the revocations it does not show. */
export function registerChanges(
	letters: IssuedLetter[],
	registerRows: Row[],
	options: RegisterOptions,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): RegisterChanges {
	const r = registerColumns(layout);
	const revokedWord = layout.statuses.revoked;
	const byNumber = new Map(
		registerRows.filter((row) => text(row[r.number])).map((row) => [text(row[r.number]), row]),
	);
	const perYear = new Map<string, number>();
	for (const row of byNumber.values()) {
		const year = text(row[r.date]).slice(0, 4);
		const sequence = Number(text(row[r.sequence]));
		if (Number.isFinite(sequence)) perYear.set(year, Math.max(perYear.get(year) ?? 0, sequence));
	}
	const issued = letters
		.filter((letter) => text(letter.number))
		.map((letter) => ({ letter, at: parseSheetTime(text(letter.issuedAt)) ?? 0 }))
		.sort((a, b) => a.at - b.at || text(a.letter.number).localeCompare(text(b.letter.number)));
	const signerOf = signerNames(options, layout);
	const append: RegisterChanges['append'] = [];
	const revoke: RegisterChanges['revoke'] = [];
	const seen = new Set<string>();
	for (const { letter, at } of issued) {
		const number = text(letter.number);
		if (seen.has(number)) continue;
		seen.add(number);
		const revoked = text(letter.status) === 'revoked';
		const row = byNumber.get(number);
		if (row) {
			const notes = text(row[r.notes]);
			if (revoked && !notes.toLowerCase().includes(revokedWord.toLowerCase()))
				revoke.push({
					[r.number]: number,
					[r.notes]: notes ? `${notes}; ${revokedWord}` : revokedWord,
				});
			continue;
		}
		const date = at ? wibDateTime(at) : '';
		const year = date.slice(0, 4);
		const sequence = (perYear.get(year) ?? 0) + 1;
		perYear.set(year, sequence);
		const service = text(letter.service);
		append.push({
			[r.sequence]: String(sequence),
			[r.date]: date,
			[r.number]: number,
			[r.classification]: options.classificationOf(service) ?? number.split('/')[0] ?? '',
			[r.subject]: service,
			[r.to]: text(letter.name),
			[r.signer]: signerOf(number, date.slice(0, 10)),
			[r.notes]: revoked ? revokedWord : '',
		});
	}
	return { append, revoke };
}
