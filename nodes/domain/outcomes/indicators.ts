/**
 * Monthly service indicators from the sheets as n8n's Google Sheets node reads them (one object
 * per row, keyed by column name). Every figure is given for the month and for the year to date
 * (1 January to the end of the month), by calendar day in the office's time zone.
 *
 * Definitions (docs/nodes/service-report.md repeats them):
 * - requests received: rows whose "Diterima" falls in the period;
 * - letters issued: rows whose "Selesai Pada" (letter delivered) falls in the period; per service
 *   by "Layanan"; residents served = distinct WhatsApp ids among those letters;
 * - minutes to letter: Selesai Pada − Diterima of those letters; median and 90th percentile by
 *   nearest rank (see time.ts); withinTargetPercent = share at or under the target (20 minutes);
 * - fix / rejected percent: of the requests received in the period, those ever returned for a fix
 *   / rejected. With an events list: a `fix_requested` / `rejected` event for the ticket, or the
 *   current Status; without one, the current Status only (`returnedBasis: 'status'`);
 * - IKM: survey rows whose "Waktu" falls in the period, one per ticket (the latest);
 * - complaints: those received ("Diterima") in the period; resolved = Status "Selesai" now;
 *   hours to resolve = Selesai Pada − Diterima of the resolved ones (median, nearest rank).
 * A cell that cannot be read (a date that is not ISO, text in a score column) is skipped and
 * counted in `skipped`; a row whose own date cannot be read is left out of the figures needing it.
 */
import { DEFAULT_SHEET_LAYOUT, statusKeyOf, type SheetLayout } from '../sheet/requestRow';
import { computeIkm, IKM_ELEMENTS, type IkmResponse, type IkmResult } from './ikm';
import {
	assertTimeZone,
	daysInMonth,
	localDay,
	nearestRank,
	parseMonth,
	parseTime,
	percent,
	round1,
} from './time';

export type Row = Record<string, unknown>;
export interface OutcomeEvent {
	ticket: string;
	kind: string;
	at?: string;
}

export interface IndicatorInput {
	requests: Row[];
	surveys: Row[];
	complaints: Row[];
	events?: OutcomeEvent[];
	/** YYYY-MM */
	month: string;
	timeZone?: string;
	targetMinutes?: number;
	layout?: SheetLayout;
}

export interface PeriodFigures {
	/** First and last calendar day, YYYY-MM-DD. */
	from: string;
	to: string;
	requestsReceived: number;
	lettersIssued: number;
	/** Service → letters, most letters first. */
	lettersByService: Record<string, number>;
	residentsServed: number;
	medianMinutesToLetter: number | null;
	p90MinutesToLetter: number | null;
	withinTargetPercent: number | null;
	fixPercent: number | null;
	rejectedPercent: number | null;
	ikm: IkmResult;
	complaintsReceived: number;
	complaintsResolved: number;
	resolutionPercent: number | null;
	medianHoursToResolve: number | null;
}

export interface Indicators {
	month: string;
	timeZone: string;
	targetMinutes: number;
	returnedBasis: 'events' | 'status';
	thisMonth: PeriodFigures;
	yearToDate: PeriodFigures;
	/** Median minutes to letter per week of the month (days 1–7, 8–14, 15–21, 22–28, 29–end). */
	weeklyMedianMinutes: Array<{ week: number; from: string; to: string; median: number | null }>;
	/** Median minutes to letter per month, January to the month. */
	monthlyMedianMinutes: Array<{ month: string; median: number | null }>;
	skipped: number;
	skippedBy: { requests: number; surveys: number; complaints: number; events: number };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const pad = (n: number) => String(n).padStart(2, '0');

/** Where a timestamp falls: in the month, in the year to date, and its local month and day. */
type Where = { inMonth: boolean; inYtd: boolean; month: number; day: number };

type SkippedBy = Indicators['skippedBy'];

/** The month being counted, its two periods' tallies, and the cells skipped so far. */
class Tally {
	readonly skippedBy: SkippedBy = { requests: 0, surveys: 0, complaints: 0, events: 0 };
	readonly periods = { month: emptyPeriod(), ytd: emptyPeriod() };

	constructor(
		readonly timeZone: string,
		readonly year: number,
		readonly month: number,
	) {}

	where(ms: number): Where {
		const d = localDay(ms, this.timeZone);
		const inYtd = d.year === this.year && d.month <= this.month;
		return { inYtd, inMonth: inYtd && d.month === this.month, month: d.month, day: d.day };
	}

	/** A timestamp cell, counting an unreadable (or missing but required) one against its sheet. */
	time(cell: unknown, sheet: keyof SkippedBy, required = true): number | undefined {
		const ms = parseTime(cell);
		if (Number.isNaN(ms) || (ms === undefined && required)) {
			this.skippedBy[sheet]++;
			return undefined;
		}
		return ms;
	}

	/** Counts into the year to date and the month, where the timestamp falls in them. */
	add(w: Where | undefined, fn: (p: Accumulator) => void): void {
		if (w?.inYtd) fn(this.periods.ytd);
		if (w?.inMonth) fn(this.periods.month);
	}
}

/** Tickets ever sent back for a fix or rejected, from the event log. */
function returnedTickets(events: OutcomeEvent[], skippedBy: SkippedBy) {
	const fixed = new Set<string>();
	const rejected = new Set<string>();
	for (const e of events) {
		const ticket = text(e?.ticket);
		if (!ticket || !text(e?.kind)) {
			skippedBy.events++;
			continue;
		}
		if (e.kind === 'fix_requested') fixed.add(ticket);
		if (e.kind === 'rejected') rejected.add(ticket);
	}
	return { fixed, rejected };
}

/** Requests received and letters issued, with the minutes to letter per week and per month. */
function countRequests(
	tally: Tally,
	rows: Row[],
	layout: SheetLayout,
	returned: ReturnType<typeof returnedTickets>,
) {
	const col = layout.columns;
	const weekly = Array.from({ length: 5 }, () => [] as number[]);
	const monthly = Array.from({ length: tally.month }, () => [] as number[]);
	for (const row of rows) {
		if (!row || typeof row !== 'object') continue;
		const received = tally.time(row[col.receivedAt], 'requests');
		const completed = tally.time(row[col.completedAt], 'requests', false);
		const ticket = text(row[col.ticket]);
		const status = statusKeyOf(row[col.status], layout);
		if (received !== undefined)
			tally.add(tally.where(received), (p) => {
				p.received++;
				if (status === 'fix' || returned.fixed.has(ticket)) p.fixed++;
				if (status === 'rejected' || returned.rejected.has(ticket)) p.rejected++;
			});
		if (completed === undefined) continue;
		const w = tally.where(completed);
		const minutes =
			received !== undefined && completed >= received ? (completed - received) / 60000 : undefined;
		const service = text(row[col.service]) || '(tanpa layanan)';
		const resident = text(row[col.waId]).replace(/\D/g, '');
		tally.add(w, (p) => {
			p.letters++;
			p.byService.set(service, (p.byService.get(service) ?? 0) + 1);
			if (resident) p.residents.add(resident);
			if (minutes !== undefined) p.minutes.push(minutes);
		});
		if (minutes !== undefined && w.inYtd) monthly[w.month - 1].push(minutes);
		if (minutes !== undefined && w.inMonth)
			weekly[Math.min(4, Math.floor((w.day - 1) / 7))].push(minutes);
	}
	return { weekly, monthly };
}

/** Survey answers: one answer set per ticket, the latest; rows without a ticket each count. */
function countSurveys(tally: Tally, rows: Row[], survey: SurveyTab): void {
	const latest = new Map<string, { at: number; response: IkmResponse }>();
	let anonymous = 0;
	for (const row of rows) {
		if (!row || typeof row !== 'object') continue;
		const at = tally.time(row[survey.columns.answeredAt], 'surveys');
		if (at === undefined) continue;
		const response: IkmResponse = {};
		for (const key of IKM_ELEMENTS) {
			const cell = text(row[survey.columns[key]]);
			if (!cell) continue;
			const value = Number(cell.replace(',', '.'));
			// Text or a number outside 1–4 cannot be a score: skipped, the other answers still count.
			if (Number.isInteger(value) && value >= 1 && value <= 4) response[key] = value;
			else tally.skippedBy.surveys++;
		}
		const ticket = text(row[survey.columns.ticket]) || `#${anonymous++}`;
		const seen = latest.get(ticket);
		if (!seen || at >= seen.at) latest.set(ticket, { at, response });
	}
	for (const { at, response } of latest.values())
		tally.add(tally.where(at), (p) => p.surveys.push(response));
}

/** Complaints received, resolved ("Selesai" now) and the hours to resolve them. */
function countComplaints(
	tally: Tally,
	rows: Row[],
	complaint: ComplaintTab,
	resolvedStatus: string,
): void {
	const resolvedWord = resolvedStatus.toLowerCase();
	for (const row of rows) {
		if (!row || typeof row !== 'object') continue;
		const received = tally.time(row[complaint.columns.receivedAt], 'complaints');
		const resolvedAt = tally.time(row[complaint.columns.completedAt], 'complaints', false);
		if (received === undefined) continue;
		const resolved = text(row[complaint.columns.status]).toLowerCase() === resolvedWord;
		const hours =
			resolved && resolvedAt !== undefined && resolvedAt >= received
				? (resolvedAt - received) / 3600000
				: undefined;
		tally.add(tally.where(received), (p) => {
			p.complaints++;
			if (resolved) p.resolved++;
			if (hours !== undefined) p.hours.push(hours);
		});
	}
}

type Tabs = NonNullable<SheetLayout['tabs']>;
type SurveyTab = Tabs['surveys'];
type ComplaintTab = Tabs['complaints'];

export function monthlyIndicators(input: IndicatorInput): Indicators {
	const timeZone = input.timeZone || 'Asia/Jakarta';
	assertTimeZone(timeZone);
	const { year, month } = parseMonth(input.month);
	const target = input.targetMinutes ?? 20;
	const layout = input.layout ?? DEFAULT_SHEET_LAYOUT;
	const { surveys, complaints } = layout.tabs ?? DEFAULT_SHEET_LAYOUT.tabs;
	const tally = new Tally(timeZone, year, month);
	const { skippedBy, periods } = tally;

	const events = Array.isArray(input.events) ? input.events : [];
	const returned = returnedTickets(events, skippedBy);
	const { weekly, monthly } = countRequests(tally, input.requests ?? [], layout, returned);
	countSurveys(tally, input.surveys ?? [], surveys);
	countComplaints(tally, input.complaints ?? [], complaints, layout.statuses.done);

	const last = daysInMonth(year, month);
	const ym = `${year}-${pad(month)}`;
	const weeks = weekly.map((values, i) => ({
		week: i + 1,
		from: `${ym}-${pad(i * 7 + 1)}`,
		to: `${ym}-${pad(i === 4 ? last : i * 7 + 7)}`,
		median: orNull(nearestRank(values, 50)),
	}));
	const skipped = Object.values(skippedBy).reduce((s, n) => s + n, 0);
	return {
		month: ym,
		timeZone,
		targetMinutes: target,
		returnedBasis: events.length ? 'events' : 'status',
		thisMonth: figures(periods.month, `${ym}-01`, `${ym}-${pad(last)}`, target),
		yearToDate: figures(periods.ytd, `${year}-01-01`, `${ym}-${pad(last)}`, target),
		weeklyMedianMinutes: last > 28 ? weeks : weeks.slice(0, 4),
		monthlyMedianMinutes: monthly.map((values, i) => ({
			month: `${year}-${pad(i + 1)}`,
			median: orNull(nearestRank(values, 50)),
		})),
		skipped,
		skippedBy,
	};
}

interface Accumulator {
	received: number;
	fixed: number;
	rejected: number;
	letters: number;
	byService: Map<string, number>;
	residents: Set<string>;
	minutes: number[];
	surveys: IkmResponse[];
	complaints: number;
	resolved: number;
	hours: number[];
}

function emptyPeriod(): Accumulator {
	return {
		received: 0,
		fixed: 0,
		rejected: 0,
		letters: 0,
		byService: new Map(),
		residents: new Set(),
		minutes: [],
		surveys: [],
		complaints: 0,
		resolved: 0,
		hours: [],
	};
}

const orNull = (v: number | null) => (v === null ? null : round1(v));

function figures(p: Accumulator, from: string, to: string, target: number): PeriodFigures {
	const byService = [...p.byService].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return {
		from,
		to,
		requestsReceived: p.received,
		lettersIssued: p.letters,
		lettersByService: Object.fromEntries(byService),
		residentsServed: p.residents.size,
		medianMinutesToLetter: orNull(nearestRank(p.minutes, 50)),
		p90MinutesToLetter: orNull(nearestRank(p.minutes, 90)),
		withinTargetPercent: percent(p.minutes.filter((m) => m <= target).length, p.minutes.length),
		fixPercent: percent(p.fixed, p.received),
		rejectedPercent: percent(p.rejected, p.received),
		ikm: computeIkm(p.surveys),
		complaintsReceived: p.complaints,
		complaintsResolved: p.resolved,
		resolutionPercent: percent(p.resolved, p.complaints),
		medianHoursToResolve: orNull(nearestRank(p.hours, 50)),
	};
}
