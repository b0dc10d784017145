/**
 * The figures as labelled rows (month vs year to date), shared by the report tab and the PDF
 * table so both say the same thing. Labels are Indonesian data in templates/report/labels.json.
 */
import reportLabels from '../../../templates/report/labels.json';
import { DEFAULT_SHEET_LAYOUT } from '../sheet/requestRow';
import type { Indicators, PeriodFigures } from './indicators';

export type ReportLabels = typeof reportLabels;
export const DEFAULT_REPORT_LABELS: ReportLabels = reportLabels;

export interface FigureRow {
	key: string;
	label: string;
	/** Decimals to print: 0 for counts, 1 for minutes, hours and percentages, 2 for the IKM. */
	decimals: number;
	month: number | string | null;
	yearToDate: number | string | null;
}

/** `{name}` placeholders filled from `values`; unknown ones stay as written. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole,
	);
}

export function figureRows(ind: Indicators, labels: ReportLabels = DEFAULT_REPORT_LABELS) {
	const l = labels.rows;
	const m = ind.thisMonth;
	const y = ind.yearToDate;
	const row = (
		key: string,
		label: string,
		decimals: number,
		pick: (p: PeriodFigures) => number | string | null,
	): FigureRow => ({ key, label, decimals, month: pick(m), yearToDate: pick(y) });
	const grade = (p: PeriodFigures) => (p.ikm.grade ? `${p.ikm.grade} (${p.ikm.label})` : null);
	// Every service with a letter this year, most letters first.
	const services = Object.keys(y.lettersByService);
	return [
		row('requestsReceived', l.requestsReceived, 0, (p) => p.requestsReceived),
		row('lettersIssued', l.lettersIssued, 0, (p) => p.lettersIssued),
		...services.map((service) =>
			row(
				`letters:${service}`,
				fill(l.lettersOfService, { layanan: service }),
				0,
				(p) => p.lettersByService[service] ?? 0,
			),
		),
		row('residentsServed', l.residentsServed, 0, (p) => p.residentsServed),
		row('medianMinutes', l.medianMinutes, 1, (p) => p.medianMinutesToLetter),
		row('p90Minutes', l.p90Minutes, 1, (p) => p.p90MinutesToLetter),
		row(
			'withinTarget',
			fill(l.withinTarget, { menit: ind.targetMinutes }),
			1,
			(p) => p.withinTargetPercent,
		),
		row('fixPercent', l.fixPercent, 1, (p) => p.fixPercent),
		row('rejectedPercent', l.rejectedPercent, 1, (p) => p.rejectedPercent),
		row('ikm', l.ikm, 2, (p) => p.ikm.ikm),
		row('ikmGrade', l.ikmGrade, 0, grade),
		row('ikmRespondents', l.ikmRespondents, 0, (p) => p.ikm.respondents),
		row('complaintsReceived', l.complaintsReceived, 0, (p) => p.complaintsReceived),
		row('complaintsResolved', l.complaintsResolved, 0, (p) => p.complaintsResolved),
		row('resolutionPercent', l.resolutionPercent, 1, (p) => p.resolutionPercent),
		row('medianHoursToResolve', l.medianHoursToResolve, 1, (p) => p.medianHoursToResolve),
	];
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A figure as Indonesians write it: `82,50`, `1.234`; the "none" mark for a missing one. */
export function formatFigure(
	value: number | string | null,
	decimals: number,
	labels: ReportLabels = DEFAULT_REPORT_LABELS,
): string {
	if (value === null || value === undefined) return labels.none;
	if (typeof value === 'string') return value;
	let f = numberFormats.get(decimals);
	if (!f) {
		f = new Intl.NumberFormat('id-ID', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
		});
		numberFormats.set(decimals, f);
	}
	return f.format(value);
}

/** The report tab's columns (templates/sheet.json): the PDF table says the same. */
export const REPORT_COLUMNS = DEFAULT_SHEET_LAYOUT.tabs.report.columns;

/** Rows for a report tab: `{ Indikator, Bulan Ini, Tahun Berjalan }` (numbers stay numbers). */
export function sheetRows(ind: Indicators, labels: ReportLabels = DEFAULT_REPORT_LABELS) {
	const c = REPORT_COLUMNS;
	return figureRows(ind, labels).map((r) => ({
		[c.indicator]: r.label,
		[c.thisMonth]: r.month ?? labels.none,
		[c.yearToDate]: r.yearToDate ?? labels.none,
	}));
}
