/**
 * Letters issued in two steps (the catalog's `letter.twoStep`: the heirs' statement). The first
 * approval issues a draft the heirs sign by hand in front of the Lurah: no register number or date,
 * no electronic signature, no letter number. After the signing staff record the registration in
 * the request row (register number and date) and approve again: the registered letter follows,
 * numbered with the register number, e-signed and sent like any other. Which round a row is in
 * is read from the row alone, so the sheet stays the only ledger.
 */
import { parseDate } from '../validation/date';
import { problemText } from './problems';
import { DEFAULT_SHEET_LAYOUT, type SheetLayout } from './requestRow';

export type Row = Record<string, unknown>;

/** The registration staff record after the signing: the register number and its `YYYY-MM-DD` date. */
export interface Registration {
	number: string;
	date: string;
}

export type IssueRound =
	/** A letter issued in one step. */
	| { kind: 'single' }
	/** The draft for signing by hand: nothing recorded yet, no draft sent yet. */
	| { kind: 'draft' }
	/** The registered letter. */
	| { kind: 'final'; registration: Registration }
	/** Approved again without a usable registration: what staff read in the problem cell. */
	| { kind: 'refused'; problem: string };

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** Whether the application's service is issued in two steps (copied from the catalog at submission). */
export function isTwoStep(application: Record<string, unknown> | undefined): boolean {
	const letter = application?.letter as Record<string, unknown> | undefined;
	return letter?.twoStep === true;
}

/** A register date as staff type it (`12/05/2026`, `12 Mei 2026`, `2026-05-12`) → `YYYY-MM-DD`. */
export function registerDate(cell: unknown): string | undefined {
	const typed = text(cell);
	if (!typed) return undefined;
	const parsed = parseDate(typed);
	return parsed.ok ? parsed.value : undefined;
}

/**
 * The registration as an application's letter carries it (`letter.register`), the date read as
 * staff may have typed it; empty unless both the number and a real date are there.
 */
export function registrationOf(application: Record<string, unknown>): Registration | undefined {
	const letter = (application.letter ?? {}) as Record<string, unknown>;
	const register = (letter.register ?? {}) as Record<string, unknown>;
	const number = text(register.number);
	const date = registerDate(register.date);
	return number && date ? { number, date } : undefined;
}

/** Whether this application, as it stands, prints the draft for signing by hand. */
export function isDraft(application: Record<string, unknown>): boolean {
	return isTwoStep(application) && !registrationOf(application);
}

/** The application with the registration in its letter (what the letter prints and is numbered by). */
export function withRegistration(
	application: Record<string, unknown>,
	registration: Registration,
): Record<string, unknown> {
	const letter = (application.letter ?? {}) as Record<string, unknown>;
	return { ...application, letter: { ...letter, register: { ...registration } } };
}

/**
 * Which round an approved row is in. A two-step row whose registration cells are both empty gets
 * the draft, unless its draft already went out (the row was notified): then staff approved again
 * before recording the registration, and the row says so.
 */
export function issueRound(
	row: Row,
	application: Record<string, unknown>,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): IssueRound {
	if (!isTwoStep(application)) return { kind: 'single' };
	const c = layout.columns;
	const names = { number: c.registerNumber, date: c.registerDate };
	const number = text(row[c.registerNumber]);
	const typedDate = text(row[c.registerDate]);
	const draftSent = Boolean(text(row[c.notifiedAt]) || text(row[c.completedAt]));
	if (!number && !typedDate) {
		return draftSent
			? { kind: 'refused', problem: problemText('registrationMissing', names) }
			: { kind: 'draft' };
	}
	if (!number) return { kind: 'refused', problem: problemText('registrationMissing', names) };
	const date = registerDate(typedDate);
	if (!date) {
		return {
			kind: 'refused',
			problem: problemText('registrationDate', { ...names, value: typedDate.slice(0, 40) }),
		};
	}
	return { kind: 'final', registration: { number, date } };
}
