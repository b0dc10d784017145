/**
 * The approvals loop's decisions: which request rows staff decided on and which of those still
 * need handling, and the letter number for each newly approved one. The sheet itself is the
 * ledger: a number is written to the row before the letter is made, so a run that crashes half-way
 * is finished by the next one with the same number, and the next sequence is one past the highest
 * number already in the sheet for that year (and that classification, when numbered per type).
 */
import type { SheetLayout, StatusKey } from './requestRow';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf } from './requestRow';
import { decodeApplicationCell } from './applicationCell';
import { problemText } from './problems';
import { issueRound, isTwoStep, withRegistration } from './registration';

export type Row = Record<string, unknown>;

export interface NumberingOptions {
	/** e.g. `{klasifikasi}/{nomor:3}/{unit}/{tahun}`; must contain `{nomor}` (optionally padded). */
	format: string;
	unit: string;
	/** One sequence for all letters, or one per classification. */
	scope: 'all' | 'perClassification';
	now: Date;
	/** Formats a number from its parts (the letter engine's formatter). */
	formatNumber: (format: string, parts: NumberParts) => string;
	/** A fresh unguessable verification code. */
	newCode: () => string;
	/**
	 * Tickets whose notice or letter already reached the resident but whose row could not be
	 * marked (e.g. a Sheets quota error): they are marked now, never sent again.
	 */
	sentNotMarked?: ReadonlySet<string>;
	/**
	 * Why an approved row cannot be numbered yet, in the staff's words (batch signing: its signer
	 * cell names nobody); undefined when it can. Asked before the number, so no number is lost.
	 */
	refuse?: (application: Record<string, unknown>) => string | undefined;
}

export interface NumberParts {
	klasifikasi: string;
	nomor: number;
	unit: string;
	tahun: number;
	bulan: number;
}

export interface Decision {
	kind: Extract<StatusKey, 'approved' | 'rejected' | 'fix'>;
	row: Row;
	/** For approved rows: the number and code (already in the row, or assigned now). */
	letterNumber?: string;
	verificationCode?: string;
	/** True when this run assigned the number or code: write them to the row before anything else. */
	needsWrite?: boolean;
	application?: Record<string, unknown>;
	/** Why a row could not be handled (e.g. its application JSON is unreadable). */
	problem?: string;
	/**
	 * For a refused row (`refuse` stopped it, or a two-step letter's registration is missing):
	 * the sentence staff read in its problem cell (else the unreadable one).
	 */
	sheetProblem?: string;
	/**
	 * The draft of a letter issued in two steps (registration/issueRound): no number, no code,
	 * signed by hand; the row then waits for the registration.
	 */
	draft?: boolean;
	/** Already delivered: only the row's final mark is missing. */
	sentNotMarked?: boolean;
}

const cellOf = (row: Row, column: string) => String(row[column] ?? '').trim();

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression that reads the sequence back out of a number written with `format`. */
export function sequencePattern(
	format: string,
	parts: Omit<NumberParts, 'nomor' | 'bulan'>,
): RegExp {
	let pattern = '';
	const token = /\{(\w+)(?::(\w+))?\}/g;
	let last = 0;
	for (let m = token.exec(format); m; m = token.exec(format)) {
		pattern += escapeRegex(format.slice(last, m.index));
		const name = m[1];
		if (name === 'nomor') pattern += '0*(\\d+)';
		else if (name === 'klasifikasi') pattern += escapeRegex(parts.klasifikasi);
		else if (name === 'unit') pattern += escapeRegex(parts.unit);
		else if (name === 'tahun') pattern += String(parts.tahun);
		else pattern += '[^/]*?';
		last = m.index + m[0].length;
	}
	pattern += escapeRegex(format.slice(last));
	return new RegExp(`^${pattern}$`);
}

const parseApplication = decodeApplicationCell;

/** Decisions still to carry out, in sheet order; approved rows get their letter numbers. */
export function triage(
	rows: Row[],
	options: NumberingOptions,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): Decision[] {
	const c = layout.columns;
	const tahun = options.now.getFullYear();
	const classificationOf = (app?: Record<string, unknown>) =>
		String((app?.letter as Record<string, unknown> | undefined)?.classification ?? '');
	const highest = new Map<string, number>();
	const scopeKey = (klasifikasi: string) => (options.scope === 'all' ? '*' : klasifikasi);

	// The highest sequence already issued this year, per scope.
	for (const row of rows) {
		const number = String(row[c.letterNumber] ?? '').trim();
		if (!number) continue;
		const klasifikasi = classificationOf(parseApplication(row[c.application]));
		const match = sequencePattern(options.format, { klasifikasi, unit: options.unit, tahun }).exec(
			number,
		);
		if (!match) continue;
		const key = scopeKey(klasifikasi);
		highest.set(key, Math.max(highest.get(key) ?? 0, Number(match[1])));
	}

	const decisions: Decision[] = [];
	for (const row of rows) {
		const kind = statusKeyOf(row[c.status], layout);
		const delivered = deliveredButUnmarked(row, kind, options.sentNotMarked, layout);
		if (delivered) {
			decisions.push(delivered);
			continue;
		}
		// A row whose last attempt failed waits until staff clear its problem cell.
		if (String(row[c.problem] ?? '').trim()) continue;
		if (kind === 'rejected' || kind === 'fix') {
			if (String(row[c.notifiedAt] ?? '').trim()) continue;
			const application = parseApplication(row[c.application]);
			// Reopening needs the application; a rejection only needs the row.
			if (kind === 'fix' && !application) {
				decisions.push({
					kind,
					row,
					problem: `the "${c.application}" cell is not the submitted application`,
				});
			} else decisions.push({ kind, row, application });
			continue;
		}
		if (kind !== 'approved') continue;
		// Finished: delivered and marked. A two-step row's draft is marked without a number, so
		// only its registered letter finishes it.
		const finished = Boolean(String(row[c.completedAt] ?? '').trim());
		if (finished && String(row[c.letterNumber] ?? '').trim()) continue;
		const application = parseApplication(row[c.application]);
		if (finished && !isTwoStep(application)) continue;
		if (!application) {
			decisions.push({
				kind,
				row,
				problem: `the "${c.application}" cell is not the submitted application`,
			});
			continue;
		}
		const refusal = options.refuse?.(withSigner(application, row, layout));
		if (refusal) {
			decisions.push({
				kind,
				row,
				problem: 'the row cannot be numbered yet',
				sheetProblem: refusal,
			});
			continue;
		}
		const round = issueRound(row, application, layout);
		if (round.kind === 'refused') {
			decisions.push({
				kind,
				row,
				problem: 'the registration of a letter issued in two steps is missing or not a date',
				sheetProblem: round.problem,
			});
			continue;
		}
		if (round.kind === 'draft') {
			decisions.push({
				kind,
				row,
				letterNumber: '',
				verificationCode: '',
				needsWrite: false,
				application: withSigner(application, row, layout),
				draft: true,
			});
			continue;
		}
		let letterNumber = String(row[c.letterNumber] ?? '').trim();
		let verificationCode = String(row[c.verificationCode] ?? '').trim();
		if (round.kind === 'final') {
			// Numbered with the register number staff recorded: the Buku Agenda and the
			// verification record name it. A number another letter carries is never given twice.
			const registered = round.registration.number;
			if (rows.some((other) => other !== row && cellOf(other, c.letterNumber) === registered)) {
				decisions.push({
					kind,
					row,
					problem: 'the recorded register number is already the number of another letter',
					sheetProblem: problemText('registrationTaken', {
						number: c.registerNumber,
						value: registered,
					}),
				});
				continue;
			}
			const needsWrite = letterNumber !== registered || !verificationCode;
			decisions.push({
				kind,
				row,
				letterNumber: registered,
				verificationCode: verificationCode || options.newCode(),
				needsWrite,
				application: withRegistration(withSigner(application, row, layout), round.registration),
			});
			continue;
		}
		const needsWrite = !letterNumber || !verificationCode;
		if (!letterNumber) {
			const klasifikasi = classificationOf(application);
			const key = scopeKey(klasifikasi);
			const nomor = (highest.get(key) ?? 0) + 1;
			highest.set(key, nomor);
			letterNumber = options.formatNumber(options.format, {
				klasifikasi,
				nomor,
				unit: options.unit,
				tahun,
				bulan: options.now.getMonth() + 1,
			});
		}
		if (!verificationCode) verificationCode = options.newCode();
		decisions.push({
			kind,
			row,
			letterNumber,
			verificationCode,
			needsWrite,
			application: withSigner(application, row, layout),
		});
	}
	return decisions;
}

/**
 * The application with the signer staff picked in the row (`signer`, the cell as written; empty
 * for none): Letter PDF reads it to choose between the Lurah and the deputy.
 */
export function withSigner(
	application: Record<string, unknown>,
	row: Row,
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): Record<string, unknown> {
	const column = layout.columns.signer;
	const cell = column ? row[column] : undefined;
	const signer = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
	return signer ? { ...application, signer } : application;
}

/**
 * A decided row whose message already went out (the caller's record says so) and whose final mark
 * is still missing: it only needs marking, whatever its problem cell says.
 */
function deliveredButUnmarked(
	row: Row,
	kind: StatusKey | undefined,
	sent: ReadonlySet<string> | undefined,
	layout: SheetLayout,
): Decision | undefined {
	const c = layout.columns;
	if (!sent?.has(String(row[c.ticket] ?? '').trim())) return undefined;
	if (kind === 'approved' && !String(row[c.completedAt] ?? '').trim()) {
		const application = parseApplication(row[c.application]);
		const round = application ? issueRound(row, application, layout) : undefined;
		return {
			kind,
			row,
			letterNumber: String(row[c.letterNumber] ?? '').trim(),
			verificationCode: String(row[c.verificationCode] ?? '').trim(),
			needsWrite: false,
			application,
			sentNotMarked: true,
			...(round?.kind === 'draft' ? { draft: true } : {}),
		};
	}
	if ((kind === 'rejected' || kind === 'fix') && !String(row[c.notifiedAt] ?? '').trim()) {
		return { kind, row, application: parseApplication(row[c.application]), sentNotMarked: true };
	}
	return undefined;
}
