/**
 * The Setup's finish page: the office's links, what reached the admin's WhatsApp (or why not and
 * what to do), with whom the files were shared, and what is left by hand. The sentences are
 * Indonesian data in templates/setup/finish.json.
 */
import texts from '../../../templates/setup/finish.json';
import { fill } from '../outcomes/rows';
import type { InstallOutcome } from './edits';
import { staffEmails, type StaffShare } from './staffSharing';

export type FinishTexts = typeof texts;
export const DEFAULT_FINISH_TEXTS: FinishTexts = texts;

export interface FinishFacts {
	spreadsheetId: string;
	folderId: string;
	workflows: string[];
	/** What this run did to each workflow it installed (./edits), in install order. */
	installs?: Array<{ name: string; outcome: InstallOutcome }>;
	/** The URL Meta posts the office's messages to. */
	webhookUrl: string;
	/** Credentials the ready workflows link by name. */
	credentials: string[];
	adminMessage: {
		to: string;
		template: string;
		/** The send's error, when Meta (or the node) refused it. */
		error?: string;
	};
	/** Why the sample letter could not be made, when it could not. */
	letterError?: string;
	/** The staff e-mails as typed in the form. */
	staffEmails?: string;
	/** The shares attempted, and the error of each that failed (same order). */
	shares?: StaffShare[];
	shareErrors?: Array<string | undefined>;
}

// Meta's refusals for a template that is missing, pending, rejected, paused or disabled.
const TEMPLATE_NOT_APPROVED = /\((132001|132015|132016)\)/;
// Meta could not reach the number: not on WhatsApp, or not a test recipient of a test number.
const NOT_DELIVERABLE = /\((131026|131030)\)/;

function adminMessageLine(facts: FinishFacts, t: FinishTexts['adminMessage']): string {
	const { to, template, error } = facts.adminMessage;
	if (facts.letterError) return fill(t.letterFailed, { reason: facts.letterError });
	if (!error) return fill(t.delivered, { to, template });
	if (TEMPLATE_NOT_APPROVED.test(error)) return fill(t.templateNotApproved, { to, template });
	if (NOT_DELIVERABLE.test(error)) return fill(t.notDeliverable, { to });
	return fill(t.failed, { to, error: error.replace(/[.\s]+$/, '') });
}

const OUTCOMES: InstallOutcome[] = ['installed', 'updated', 'kept', 'replaced'];

/** One line per kind of thing done (installed, updated, edits kept, replaced), naming the workflows. */
function installLines(facts: FinishFacts, t: FinishTexts['installs']): string[] {
	const installs = facts.installs ?? [];
	return OUTCOMES.map((outcome) => installs.filter((w) => w.outcome === outcome).map((w) => w.name))
		.map((names, i) => (names.length ? fill(t[OUTCOMES[i]], { workflows: names.join(', ') }) : ''))
		.filter(Boolean);
}

function sharingLines(facts: FinishFacts, t: FinishTexts['sharing']): string[] {
	const typed = staffEmails(facts.staffEmails);
	const shares = facts.shares ?? [];
	const failed = new Map<string, string>();
	shares.forEach((share, i) => {
		const error = facts.shareErrors?.[i];
		if (error && !failed.has(share.emailAddress)) failed.set(share.emailAddress, error);
	});
	const shared = [...new Set(shares.map((s) => s.emailAddress))].filter((e) => !failed.has(e));
	const lines: string[] = [];
	if (shared.length) lines.push(fill(t.shared, { emails: shared.join(', ') }));
	for (const [email, error] of failed)
		lines.push(fill(t.failed, { email, error: error.replace(/[.\s]+$/, '') }));
	if (typed.invalid.length) lines.push(fill(t.invalid, { emails: typed.invalid.join(', ') }));
	return lines;
}

/** The finish page's title and text. */
export function finishPage(
	facts: FinishFacts,
	t: FinishTexts = DEFAULT_FINISH_TEXTS,
): { title: string; message: string } {
	const sharing = sharingLines(facts, t.sharing);
	const sharedWithAnyone = (facts.shares ?? []).some((_, i) => !facts.shareErrors?.[i]);
	const left = [
		fill(t.left.webhook, { webhookUrl: facts.webhookUrl }),
		...(sharedWithAnyone ? [] : [t.left.share]),
		fill(t.left.credentials, {
			credentials: facts.credentials.length ? facts.credentials.join(', ') : t.left.noCredentials,
		}),
	];
	const lines = [
		fill(t.links.spreadsheet, { spreadsheetId: facts.spreadsheetId }),
		fill(t.links.folder, { folderId: facts.folderId }),
		fill(t.links.workflows, { workflows: facts.workflows.join(', ') }),
		...installLines(facts, t.installs),
		adminMessageLine(facts, t.adminMessage),
		...sharing,
		'',
		t.left.heading,
		...left.map((line, i) => `${i + 1}. ${line}`),
	];
	return { title: t.title, message: lines.join('\n') };
}
