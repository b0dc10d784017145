/**
 * A numbered letter about to be printed, signed, archived and sent, read from its request row:
 * the one description both signing paths share (the approvals round, with the office
 * certificate, and the signatory's TTE batch), so both print the signer staff picked in the row,
 * name the archived file alike and tell staff the same way when something fails. Pure.
 */
import { decodeApplicationCell } from './applicationCell';
import { cellText } from './letterRecord';
import { SHEET_PROBLEMS } from './problems';
import { issueRound, withRegistration } from './registration';
import { DEFAULT_SHEET_LAYOUT, type SheetLayout } from './requestRow';
import { withSigner, type Row } from './triage';

export interface LetterDelivery {
	ticket: string;
	waId: string;
	name: string;
	serviceTitle: string;
	letterNumber: string;
	verificationCode: string;
	/**
	 * The application as Letter PDF reads it, with the row's signer pick (`signer`) and, for a
	 * letter issued in two steps, the registration staff recorded (`letter.register`).
	 */
	application: Record<string, unknown>;
	/** The heirs' draft, signed by hand first: no e-signature, its own notice, then the registration. */
	draft: boolean;
	/** The archived PDF's name in Drive: `<ticket> <service> <number>.pdf`. */
	fileName: string;
	/** Whether the signatory's TTE batch signs it (else the office certificate, in a round). */
	signedInBatch: boolean;
	/** The row's status once the letter went out (a draft: waiting for the heirs' signing). */
	doneStatus: string;
	/** What staff read in Masalah when the letter could not go out (`{reason}` left to fill). */
	problem: string;
	/** What staff read when the letter went out but the row could not be marked. */
	sentNotMarked: string;
	unknownError: string;
	/** The request row as read, for the nodes that take a whole row (the verification record). */
	row: Row;
}

/** Characters Drive keeps but a downloaded file's name cannot hold on staff's computers. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\r\n\t]+/g;

/** The archived letter's file name: ticket, service and number, readable in a Drive listing. */
export function letterFileName(ticket: string, serviceTitle: string, letterNumber: string): string {
	const words = [ticket, serviceTitle, letterNumber].map((part) =>
		part.replace(UNSAFE_IN_FILE_NAME, '-').trim(),
	);
	return `${words.filter(Boolean).join(' ')}.pdf`;
}

/**
 * The letter of `row` to deliver. `signedInBatch`: the signatory's TTE batch, whose failures
 * leave the row waiting for TTE (its own wording); otherwise the approvals round's.
 */
export function letterDelivery(
	row: Row,
	options: { signedInBatch: boolean },
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): LetterDelivery {
	const c = layout.columns;
	const application = decodeApplicationCell(row[c.application]) ?? {};
	const ticket = cellText(row[c.ticket]);
	const serviceTitle = cellText(row[c.service]) || cellText(application.serviceTitle);
	const letterNumber = cellText(row[c.letterNumber]);
	// The same round Triage chose for the row (registration/issueRound), read from the same cells.
	const round = issueRound(row, application, layout);
	const draft = round.kind === 'draft';
	const registered =
		round.kind === 'final' ? withRegistration(application, round.registration) : application;
	return {
		ticket,
		waId: cellText(row[c.waId]),
		name: cellText(row[c.name]) || cellText(application.name),
		serviceTitle,
		letterNumber,
		verificationCode: cellText(row[c.verificationCode]),
		application: withSigner(registered, row, layout),
		draft,
		fileName: letterFileName(ticket, serviceTitle, draft ? 'DRAF' : letterNumber),
		signedInBatch: options.signedInBatch,
		doneStatus: draft ? layout.statuses.awaitingHeirs : layout.statuses.done,
		problem: options.signedInBatch ? SHEET_PROBLEMS.signatureNotDone : SHEET_PROBLEMS.letterNotSent,
		sentNotMarked: SHEET_PROBLEMS.sentNotMarked,
		unknownError: SHEET_PROBLEMS.unknownError,
		row,
	};
}
