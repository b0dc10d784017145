/**
 * Whether a letter may be issued with these settings: a letterhead still holding the bundled
 * placeholder, or a signatory without name or NIP, would hand a resident a letter no office
 * signs. The reasons are Indonesian (templates/letterhead/refusals.json): staff read them in
 * the sheet.
 */
import refusals from '../../../templates/letterhead/refusals.json';
import letterheadDefaults from '../../../templates/letterhead/default.json';
import type { Letterhead, Signatory } from './letters';

export interface LetterheadProblem {
	/** The setting at fault, as named in the node (`letterhead.address`, `signatory.nip`). */
	setting: string;
	/** Indonesian, for the staff. */
	reason: string;
}

const fill = (text: string, params: Record<string, string>) =>
	text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);

// Text that only a template or a placeholder would hold.
const PLACEHOLDER = /\b(atur|isi) di node\b|\.\.\.|…/i;
const LABELS: Record<string, string> = refusals.labels;
const REQUIRED: Array<keyof Letterhead> = ['address', 'office', 'place', 'area', 'issuer'];

export function letterheadProblems(head: Letterhead, signer: Signatory): LetterheadProblem[] {
	const problems: LetterheadProblem[] = [];
	for (const key of REQUIRED) {
		const value = String(head[key] ?? '').trim();
		const label = LABELS[key] ?? key;
		if (!value)
			problems.push({ setting: `letterhead.${key}`, reason: fill(refusals.empty, { label }) });
		else if ((value === letterheadDefaults.address && key === 'address') || PLACEHOLDER.test(value))
			problems.push({
				setting: `letterhead.${key}`,
				reason: fill(refusals.placeholder, { label, value: value.slice(0, 60) }),
			});
	}
	if (!head.government?.some((line) => line.trim()))
		problems.push({
			setting: 'letterhead.government',
			reason: fill(refusals.empty, { label: LABELS.government }),
		});
	if (!signer.title?.trim())
		problems.push({
			setting: 'signatory.title',
			reason: fill(refusals.empty, { label: LABELS.title }),
		});
	if (!signer.name?.trim()) problems.push({ setting: 'signatory.name', reason: refusals.name });
	const nip = String(signer.nip ?? '').trim();
	if (!nip) problems.push({ setting: 'signatory.nip', reason: refusals.nip });
	else if (!/^\d{18}$/.test(nip.replace(/[\s.]/g, '')))
		problems.push({
			setting: 'signatory.nip',
			reason: fill(refusals.nipFormat, { value: nip.slice(0, 30) }),
		});
	return problems;
}

/** The sentence staff read in the row when the letter is refused. */
export function refusalReason(problems: LetterheadProblem[]): string {
	return fill(refusals.refused, { problems: problems.map((p) => p.reason).join('; ') });
}

/** The sentence staff read when the letter failed for another reason (a template error…). */
export function failureReason(reason: string): string {
	return fill(refusals.failed, { reason: reason.slice(0, 200) });
}
