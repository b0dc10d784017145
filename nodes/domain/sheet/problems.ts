/**
 * What staff read in a request row's problem cell (Masalah) when the approvals workflow could not
 * finish it: Indonesian sentences from templates/sheet.json, `{reason}` and `{column}` filled in.
 */
import layoutJson from '../../../templates/sheet.json';

export type ProblemKey = keyof typeof layoutJson.problems;

export const SHEET_PROBLEMS: Record<ProblemKey, string> = layoutJson.problems;

/** The sentence for `key` with its placeholders filled in (unknown placeholders stay as written). */
export function problemText(key: ProblemKey, values: Record<string, string> = {}): string {
	return SHEET_PROBLEMS[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
