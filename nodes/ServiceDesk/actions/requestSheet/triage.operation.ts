import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { deputyProperty } from '../../../n8nHelpers/printDescription';
import { SIGNER_WORDS, waitingSigner, type DeputySignatory } from '../../../domain/letter/signer';
import { todayIso } from '../../../domain/validation/calendar';
import { formatLetterNumber, newVerificationCode } from '../../../domain/letter/numbering';
import { DEFAULT_SHEET_LAYOUT } from '../../../domain/sheet/requestRow';
import { problemText, SHEET_PROBLEMS } from '../../../domain/sheet/problems';
import { triage } from '../../../domain/sheet/triage';

const properties: INodeProperties[] = [
	{
		displayName: 'Letter Number Format',
		name: 'numberFormat',
		type: 'string',
		default: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
		description:
			'Parts: {klasifikasi}, {nomor} (or {nomor:3} zero-padded), {unit}, {tahun}, {bulan} or {bulan:roman}',
	},
	{
		displayName: 'Unit Code',
		name: 'unitCode',
		type: 'string',
		default: '401.301.3',
		description: "The office's code in letter numbers (ask the kecamatan's archive guideline)",
	},
	{
		displayName: 'Numbering',
		name: 'numberingScope',
		type: 'options',
		options: [
			{ name: 'One Sequence for All Letters', value: 'all' },
			{ name: 'One Sequence per Classification', value: 'perClassification' },
		],
		default: 'all',
		description: 'Sequences restart every year either way',
	},
	{
		displayName: 'Sent, Not Marked',
		name: 'sentNotMarked',
		type: 'json',
		default: '[]',
		description:
			'Tickets (a JSON array) whose message already reached the resident but whose row could not be marked: they go to the "Sent, Not Marked" output to be marked, never sent again',
	},
	{
		displayName: 'Signing',
		name: 'signing',
		type: 'options',
		options: [
			{
				name: 'Sign and Send at Once',
				value: 'immediate',
				description:
					'Each approved letter is signed (office certificate, or BSrE with a stored passphrase) and sent in the same run',
			},
			{
				name: 'Wait for Batch Signing',
				value: 'batch',
				description:
					'Approved letters get their number and wait as "Menunggu TTE" until the signatory signs them all in the signing form',
			},
		],
		default: 'immediate',
		description: 'Sets "awaitsSignature" on approved items; the approvals workflow routes on it',
	},
	{
		...deputyProperty,
		description:
			'Batch signing: the deputy who signs a letter when its row picks the deputy, or every letter the row leaves to nobody within the period (the Setup form fills it). Each waiting letter is given its signer ("signer": lurah or deputy, "signerWord" for the sheet) so the TTE notice goes to who signs.',
		displayOptions: { show: { signing: ['batch'] } },
		options: deputyProperty.options?.filter((o) =>
			['from', 'name', 'nip', 'title', 'to'].includes(o.name),
		),
	},
];

const displayOptions = { show: { operation: ['triage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The "Sent, Not Marked" tickets (a JSON list of tickets). */
function ticketsOf(ctx: IExecuteFunctions): Set<string> {
	const list = jsonParameter<unknown[]>(ctx, 'sentNotMarked', 0, {
		empty: [],
		shape: 'list',
		hint: 'Give the tickets as a JSON array, e.g. ["REQ-1"]',
	});
	return new Set(list.map((t) => String(t ?? '').trim()).filter(Boolean));
}

/**
 * Reads every row of the requests sheet (one input item per row) and routes the rows staff
 * decided on and that are not handled yet: approved (with their letter number), rejected, fix;
 * rows already delivered but not marked; rows it cannot read (with the sentence for staff).
 * A batch operation: letter numbers continue from the whole sheet, so the rows are read as one.
 */
export const batch = true;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const c = DEFAULT_SHEET_LAYOUT.columns;
	const waitForSigning = this.getNodeParameter('signing', 0, 'immediate') === 'batch';
	const deputy = waitForSigning
		? ((this.getNodeParameter('deputy', 0, {}) ?? {}) as Partial<DeputySignatory>)
		: {};
	const today = todayIso(new Date());
	// Batch signing: a letter that will wait for the TTE needs a signer staff can be told of.
	const signerOf = (application?: Record<string, unknown>) =>
		waitingSigner(application?.signer, today, deputy);
	const decisions = triage(
		items.map((item) => item.json),
		{
			format: this.getNodeParameter('numberFormat', 0) as string,
			unit: this.getNodeParameter('unitCode', 0) as string,
			scope: this.getNodeParameter('numberingScope', 0) as 'all' | 'perClassification',
			now: new Date(),
			formatNumber: formatLetterNumber,
			newCode: newVerificationCode,
			sentNotMarked: ticketsOf(this),
			refuse: waitForSigning
				? (application) => {
						const signer = signerOf(application);
						return 'problem' in signer ? signer.problem : undefined;
					}
				: undefined,
		},
		DEFAULT_SHEET_LAYOUT,
	);
	const outputs: INodeExecutionData[][] = [[], [], [], [], []];
	const outputOf = { approved: 0, rejected: 1, fix: 2 } as const;
	const [sentNotMarked, unreadable] = [3, 4];
	for (const decision of decisions) {
		const index = items.findIndex((item) => item.json === decision.row);
		const row = decision.row;
		// A letter that waits for the TTE is given its signer now: the notice goes to who signs.
		const waits =
			decision.kind === 'approved' &&
			waitForSigning &&
			!decision.problem &&
			!decision.sentNotMarked;
		const signer = waits ? signerOf(decision.application) : undefined;
		if (decision.problem) {
			this.logger.warn(
				`Service desk: row ${String(row.row_number ?? '?')} skipped: ${decision.problem}`,
			);
		}
		const output = decision.problem
			? unreadable
			: decision.sentNotMarked
				? sentNotMarked
				: outputOf[decision.kind];
		outputs[output].push({
			json: {
				ticket: String(row[c.ticket] ?? ''),
				decision: decision.kind,
				/** For the Unreadable output: what staff read in the row's problem cell. */
				problem: decision.problem
					? (decision.sheetProblem ??
						problemText('unreadableApplication', { column: c.application }))
					: '',
				/** The sentences the workflow writes to the problem cell, with `{reason}` to fill in. */
				problems: SHEET_PROBLEMS,
				waId: String(row[c.waId] ?? ''),
				note: String(row[c.note] ?? ''),
				letterNumber: decision.letterNumber,
				verificationCode: decision.verificationCode,
				needsWrite: decision.needsWrite,
				/**
				 * The draft of a letter issued in two steps: sent unsigned with its own notice, then the
				 * row is notified (not finished) and waits for the registration.
				 */
				draft: decision.draft === true,
				/** The status word the row gets once the letter (or the draft) is delivered. */
				doneStatus: decision.draft
					? DEFAULT_SHEET_LAYOUT.statuses.awaitingHeirs
					: DEFAULT_SHEET_LAYOUT.statuses.done,
				/** Batch signing: the row waits with this status instead of being sent now. */
				awaitsSignature: decision.kind === 'approved' && waitForSigning && !decision.draft,
				waitingStatus: DEFAULT_SHEET_LAYOUT.statuses.awaitingSignature,
				/** Batch signing: who signs this letter (lurah or deputy), and the word its row records. */
				signer: signer && 'role' in signer ? signer.role : undefined,
				signerWord: signer && 'word' in signer ? signer.word : undefined,
				/** The signer column's words: the TTE notice goes to the deputy for the deputy's word. */
				signers: SIGNER_WORDS.choices,
				application: decision.application,
				row,
			},
			pairedItem: { item: index },
		});
	}
	return outputs;
}
