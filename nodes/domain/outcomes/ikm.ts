/**
 * IKM (Indeks Kepuasan Masyarakat), PermenPANRB 14/2017: nine elements scored 1–4.
 * NRR_i = sum of the scores of element i / respondents who answered i;
 * IKM = 25 × Σ NRR_i / 9, rounded (half up) to 2 decimals only at the end.
 *
 * Choices the regulation leaves open, made here:
 * - An element nobody answered is left out: the index is 25 × the mean NRR of the answered
 *   elements (= 25 × Σ NRR_i / 9 when all nine are answered); with no answer at all it is null.
 * - A score that is not an integer 1–4 is ignored (counted in `ignored`), the rest of that
 *   respondent's answers still count. A respondent is a response with at least one valid score.
 * - The grade is taken from the UNROUNDED index against the bands as written, each band starting
 *   at its lower edge: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D. So 88.305 is graded B although
 *   it prints as 88.31, and 76.6099 is C.
 */

import labels from '../../../templates/report/labels.json';
import { SURVEY_ELEMENTS } from '../conversation/types';

/** The nine elements, as the chat survey asks them (u1 … u9). */
export const IKM_ELEMENTS = SURVEY_ELEMENTS;
export type IkmElement = (typeof IKM_ELEMENTS)[number];
export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export type IkmResponse = Partial<Record<IkmElement, number>>;

export interface IkmResult {
	ikm: number | null;
	grade: IkmGrade | null;
	label: string | null;
	respondents: number;
	/** NRR per element (unrounded), null for an element nobody answered. */
	nrr: Record<IkmElement, number | null>;
	/** Scores given but not an integer 1–4. */
	ignored: number;
}

/** Lower edge of each band, best first; labels (templates/report/labels.json) as the regulation words them. */
export const IKM_BANDS: ReadonlyArray<{ grade: IkmGrade; from: number; label: string }> = [
	{ grade: 'A', from: 88.31, label: labels.grades.A },
	{ grade: 'B', from: 76.61, label: labels.grades.B },
	{ grade: 'C', from: 65.0, label: labels.grades.C },
	{ grade: 'D', from: -Infinity, label: labels.grades.D },
];

/** The band of an (unrounded) index. */
export function ikmGrade(value: number): { grade: IkmGrade; label: string } {
	const band = IKM_BANDS.find((b) => value >= b.from)!;
	return { grade: band.grade, label: band.label };
}

/** Half-up rounding to 2 decimals; the epsilon absorbs binary noise such as 88.30499999999. */
export function round2(value: number): number {
	return Math.round(value * 100 + 1e-7) / 100;
}

/** A valid score (integer 1–4) or undefined; `invalid` is true for a given but unusable score. */
function score(value: unknown): { ok: number | undefined; invalid: boolean } {
	if (value === undefined || value === null) return { ok: undefined, invalid: false };
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4)
		return { ok: value, invalid: false };
	return { ok: undefined, invalid: true };
}

export function computeIkm(responses: ReadonlyArray<IkmResponse>): IkmResult {
	const sum = new Map<IkmElement, number>();
	const count = new Map<IkmElement, number>();
	let respondents = 0;
	let ignored = 0;
	for (const response of responses) {
		let answered = false;
		for (const key of IKM_ELEMENTS) {
			const s = score((response as Record<string, unknown>)?.[key]);
			if (s.invalid) ignored++;
			if (s.ok === undefined) continue;
			answered = true;
			sum.set(key, (sum.get(key) ?? 0) + s.ok);
			count.set(key, (count.get(key) ?? 0) + 1);
		}
		if (answered) respondents++;
	}
	const nrr = {} as Record<IkmElement, number | null>;
	const values: number[] = [];
	for (const key of IKM_ELEMENTS) {
		const n = count.get(key);
		nrr[key] = n ? sum.get(key)! / n : null;
		if (n) values.push(nrr[key]!);
	}
	if (!values.length) return { ikm: null, grade: null, label: null, respondents, nrr, ignored };
	// 25 × Σ NRR / (number of answered elements): exact 1/9 weight when all nine are answered.
	const raw = (25 * values.reduce((s, v) => s + v, 0)) / values.length;
	// The bands are written to 2 decimals (…88.30 | 88.31…): grade the value as it is printed, so
	// the Lurah never reads 88.31 next to a B.
	const ikm = round2(raw);
	const { grade, label } = ikmGrade(ikm);
	return { ikm, grade, label, respondents, nrr, ignored };
}
