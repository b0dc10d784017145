/**
 * The monthly indicator report as a PDF for the Lurah: the letter engine's kop, a table of the
 * figures (month vs year to date), the IKM, letters per service as bars, and the median time to
 * letter per week as a line, laid out and drawn once through the letter engine's marks (text
 * extractable, the charts' bars and lines as shapes).
 */
import { drawLetter } from '../letter/draw';
import { DEFAULT_LETTERHEAD, pageGeometry, type MarginsMm, type Paper } from '../letter';
import type { Letterhead } from '../letter/letters';
import { flowBlocks } from '../letter/layout';
import { linePiece } from '../letter/marks';
import { PageFlow } from '../letter/pageFlow';
import { Typesetter } from '../letter/typeset';
import { parseLetterMarkup } from '../letter/markup';
import { fillTemplate } from '../letter/template';
import type { Block, Run } from '../letter/model';
import { formatDateId, MONTH_NAMES } from '../indonesian/format';
import { barChart, lineChart } from './charts';
import { IKM_ELEMENTS } from './ikm';
import type { Indicators, PeriodFigures } from './indicators';
import {
	DEFAULT_REPORT_LABELS,
	figureRows,
	fill,
	formatFigure,
	REPORT_COLUMNS,
	type ReportLabels,
} from './rows';
import { localDay } from './time';

export interface ReportOptions {
	letterhead?: Letterhead;
	/** The office's emblem (PNG or JPEG); the bundled neutral emblem when absent. */
	emblem?: Uint8Array;
	paper?: Paper;
	margins?: MarginsMm;
	labels?: ReportLabels;
	/** When the report is made, for its footer; now when absent. */
	generatedAt?: Date;
}

export interface RenderedReport {
	pdf: Uint8Array;
	pages: number;
	title: string;
	fileName: string;
}

const cell = (text: string, bold = false): Run[] => [{ text, bold }];

/** The kop as letters print it: the letters' own partial (templates/letters/partials/kepala.hbs). */
function kop(head: Letterhead): Block {
	const markup = fillTemplate('report kop', '<letter>{{> kepala}}</letter>', { letterhead: head });
	return parseLetterMarkup(markup).blocks[0];
}

function ikmText(p: PeriodFigures, labels: ReportLabels): string[] {
	if (p.ikm.ikm === null) return [labels.ikmNone, labels.none, labels.none, '0'];
	return [formatFigure(p.ikm.ikm, 2), p.ikm.grade!, p.ikm.label!, String(p.ikm.respondents)];
}

/** The report's subtitle: the month and year, in capitals. */
function reportSubtitle(ind: Indicators, labels: ReportLabels): string {
	const [year, month] = ind.month.split('-').map(Number);
	return fill(labels.subtitle, {
		bulan: MONTH_NAMES[month - 1].toLocaleUpperCase('id-ID'),
		tahun: year,
	});
}

/** The kop, the title, the period, the table of figures, the IKM line and the NRR table. */
function reportBlocks(
	ind: Indicators,
	labels: ReportLabels,
	head: Letterhead,
	subtitle: string,
): Block[] {
	const range = (p: PeriodFigures) => `${formatDateId(p.from)} – ${formatDateId(p.to)}`;
	const rows = figureRows(ind, labels).filter((r) => !r.key.startsWith('letters:'));
	const c = REPORT_COLUMNS;
	const [ikm, grade, kinerja, responden] = ikmText(ind.thisMonth, labels);
	const [ikmTahun, mutuTahun, kinerjaTahun, respondenTahun] = ikmText(ind.yearToDate, labels);
	const para = (text: string, align: 'left' | 'center' | 'justify' = 'justify'): Block => ({
		kind: 'paragraph',
		runs: cell(text),
		align,
		indent: 0,
		firstIndent: 0,
	});
	const nrr = (p: PeriodFigures, key: (typeof IKM_ELEMENTS)[number]) =>
		formatFigure(p.ikm.nrr[key], 2, labels);

	return [
		kop(head),
		{ kind: 'title', runs: cell(labels.title, true), size: 13 },
		{ kind: 'title', runs: cell(subtitle, true), size: 12 },
		{ kind: 'space', size: 4 },
		para(
			fill(labels.period, { bulanIni: range(ind.thisMonth), tahunBerjalan: range(ind.yearToDate) }),
			'center',
		),
		{
			kind: 'table',
			widths: [6, 2, 2],
			align: ['left', 'right', 'right'],
			size: 9.5,
			header: [[cell(c.indicator, true), cell(c.thisMonth, true), cell(c.yearToDate, true)]],
			rows: rows.map((r) => [
				cell(r.label),
				cell(formatFigure(r.month, r.decimals, labels)),
				cell(formatFigure(r.yearToDate, r.decimals, labels)),
			]),
		},
		para(
			fill(labels.ikmLine, {
				ikm,
				mutu: grade,
				kinerja,
				responden,
				ikmTahun,
				mutuTahun,
				kinerjaTahun,
				respondenTahun,
			}),
		),
		{
			kind: 'table',
			widths: [6, 2, 2],
			align: ['left', 'right', 'right'],
			size: 9,
			header: [[cell(labels.nrrColumn, true), cell(c.thisMonth, true), cell(c.yearToDate, true)]],
			rows: IKM_ELEMENTS.map((key) => [
				cell(labels.elements[key]),
				cell(nrr(ind.thisMonth, key)),
				cell(nrr(ind.yearToDate, key)),
			]),
		},
	];
}

/** Letters per service as bars, then the weekly median time to letter as a line. */
function flowCharts(flow: PageFlow, ts: Typesetter, ind: Indicators, labels: ReportLabels): void {
	const services = Object.keys(ind.yearToDate.lettersByService);
	const bars = barChart(
		ts,
		labels.barsTitle,
		services.map((s) => ({
			label: s,
			value: ind.thisMonth.lettersByService[s] ?? 0,
			note: `(${ind.yearToDate.lettersByService[s]})`,
		})),
		labels.noData,
		flow,
	);
	for (const piece of bars) flow.add(piece);
	flow.add(
		lineChart(
			ts,
			fill(labels.lineTitle, { menit: ind.targetMinutes }),
			ind.weeklyMedianMinutes.map((w) => ({
				label: fill(labels.week, { n: w.week }),
				value: w.median,
				text: formatFigure(w.median, 1, labels),
			})),
			ind.targetMinutes,
			(v) => formatFigure(v, 0, labels),
			flow,
		),
	);
}

/** The notes at the foot: how returns were counted, cells skipped, when the report was made. */
function flowNotes(
	flow: PageFlow,
	ts: Typesetter,
	ind: Indicators,
	labels: ReportLabels,
	now: Date,
): void {
	const today = localDay(now.getTime(), ind.timeZone);
	const notes = [
		...(ind.returnedBasis === 'status' ? [labels.statusBasis] : []),
		...(ind.skipped ? [fill(labels.skipped, { jumlah: ind.skipped })] : []),
		fill(labels.footer, {
			tanggal: `${today.day} ${MONTH_NAMES[today.month - 1]} ${today.year}`,
		}),
	];
	for (const note of notes) {
		for (const line of ts.lines(cell(note), 8.5, flow.width))
			flow.add(linePiece(ts, line, flow.left, flow.width, 'left', true, 8.5));
	}
}

export async function renderReport(
	ind: Indicators,
	options: ReportOptions = {},
): Promise<RenderedReport> {
	const labels = options.labels ?? DEFAULT_REPORT_LABELS;
	const subtitle = reportSubtitle(ind, labels);
	const blocks = reportBlocks(ind, labels, options.letterhead ?? DEFAULT_LETTERHEAD, subtitle);
	const page = pageGeometry(options.paper ?? 'F4', options.margins);
	const flow = new PageFlow(page);
	const ts = new Typesetter();
	flowBlocks({ blocks, size: 10 }, flow, ts);
	flowCharts(flow, ts, ind, labels);
	flowNotes(flow, ts, ind, labels, options.generatedAt ?? new Date());

	const title = `${labels.title} ${subtitle}`;
	const pdf = await drawLetter(
		{ pages: flow.pages, warnings: [] },
		{ page, emblem: options.emblem, qrText: title, title, subject: title },
	);
	return { pdf, pages: flow.pages.length, title, fileName: `laporan-indikator-${ind.month}.pdf` };
}
