/**
 * What staff are told on WhatsApp, decided from the sheet's rows: a new request, a complaint, a
 * resident asking for a person, a request past its service standard (in working days), and the
 * morning digest. Each alert has a key; an alert whose key was already sent is not made again,
 * so the caller remembers the keys it sent (a data table) and each alert goes out once, also
 * across restarts. One alert per staff number: adding a number later sends that number only
 * what is new from then on.
 *
 * A round of the workflow (`staffAlertRound`) also says which remembered keys are no longer
 * needed (their alert cannot come back) and until when the sheet need not be read again if it
 * does not change: the alerts that come with time alone (past the service standard, the morning
 * digest) only become due at WIB midnight and at the digest's time.
 */
import wording from '../../../templates/staff-alerts.json';
import { formatDateId } from '../indonesian/format';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf, type SheetLayout } from '../sheet/requestRow';
import { parseSheetTime, wibDay, wibMinuteOfDay } from '../sheet/time';
import { isWorkingDay, workingDaysWaited } from './workingDays';

export type Row = Record<string, unknown>;

/** How late a digest may still go out after its time. */
const DIGEST_LATE_MINUTES = 240;

export type AlertKind = 'request' | 'complaint' | 'handoff' | 'overdue' | 'digest';

export interface StaffAlert {
	/** What was alerted, for whom: remembered so it is never sent again. */
	key: string;
	kind: AlertKind;
	/** The staff member's WhatsApp id. */
	to: string;
	/** The values of the kind's WhatsApp template (templates/whatsapp/petugas-*.json). */
	values: Record<string, string>;
}

export interface AlertInput {
	requests: Row[];
	complaints: Row[];
	handoffs: Row[];
	/** The alerts already sent: their keys, or the rows remembering them (`{ key, at }`). */
	alerted: Iterable<string | Remembered>;
	/** Staff WhatsApp ids. */
	staff: string[];
	now: Date;
	/** The digest's time of day, `HH:mm` WIB; empty: no digest. */
	digestTime: string;
	/** Closed days besides weekends (`YYYY-MM-DD`). */
	holidays: ReadonlySet<string>;
	/** A service's standard in working days, by its key; undefined: no reminder for it. */
	standardDays(serviceKey: string): number | undefined;
	spreadsheetId: string;
	/** New requests, complaints and hand-offs older than this are not announced (default 24). */
	freshHours?: number;
}

const cell = (row: Row, column: string) => {
	const value = row[column];
	return value === undefined || value === null ? '' : String(value).trim();
};

/** `HH:mm` → minutes past midnight; undefined when not a time of day. */
export function minutesOfDay(text: string): number | undefined {
	const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(String(text ?? '').trim());
	return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function sheetLink(spreadsheetId: string, row?: unknown): string {
	const base = `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
	const line = Number(row);
	// The requests tab is the spreadsheet's first (gid 0): Setup creates it first.
	return Number.isInteger(line) && line > 1 ? `${base}#gid=0&range=A${line}` : base;
}

interface Found {
	key: string;
	kind: AlertKind;
	values: Record<string, string>;
}

function fill(text: string, count: number): string {
	return text.replace('{count}', String(count));
}

/** A remembered alert: its key and when it was sent (ISO). */
export interface Remembered {
	key: string;
	at?: string;
}

const keyOf = (entry: string | Remembered) =>
	typeof entry === 'string' ? entry : String(entry?.key ?? '');

/** Every alert due now, one per staff number, none whose key is in `alerted`. */
export function staffAlerts(input: AlertInput, layout: SheetLayout = DEFAULT_SHEET_LAYOUT) {
	const sent = new Set([...input.alerted].map(keyOf));
	return dueAlerts(input, layout).filter((alert) => !sent.has(alert.key));
}

/** Every alert the sheet calls for now, one per staff number, sent before or not. */
function dueAlerts(input: AlertInput, layout: SheetLayout): StaffAlert[] {
	const now = input.now.getTime();
	const fresh = (input.freshHours ?? 24) * 3_600_000;
	const isFresh = (at: number | undefined) => at !== undefined && now - at <= fresh && at <= now;
	const c = layout.columns;
	const tabs = layout.tabs ?? DEFAULT_SHEET_LAYOUT.tabs;
	const done = layout.statuses.done.toLowerCase();
	const found: Found[] = [];
	const link = sheetLink(input.spreadsheetId);

	let waiting = 0;
	const byAge = { today: 0, withinStandard: 0, pastStandard: 0 };
	const today = wibDay(now);
	for (const row of input.requests) {
		const ticket = cell(row, c.ticket);
		if (!ticket || statusKeyOf(cell(row, c.status), layout) !== 'pending') continue;
		const receivedAt = parseSheetTime(row[c.receivedAt]);
		const values = {
			ticket,
			serviceTitle: cell(row, c.service),
			name: cell(row, c.name),
			link: sheetLink(input.spreadsheetId, row.row_number),
		};
		if (isFresh(receivedAt)) found.push({ key: `request:${ticket}`, kind: 'request', values });
		waiting++;
		const standard = input.standardDays(cell(row, c.serviceKey));
		const waited =
			receivedAt === undefined ? undefined : workingDaysWaited(receivedAt, now, input.holidays);
		if (receivedAt !== undefined && wibDay(receivedAt) === today) byAge.today++;
		else if (standard !== undefined && waited !== undefined && waited >= standard) {
			byAge.pastStandard++;
			found.push({
				key: `overdue:${ticket}`,
				kind: 'overdue',
				values: { ...values, workingDays: String(waited), standardDays: String(standard) },
			});
		} else byAge.withinStandard++;
	}

	const k = tabs.complaints.columns;
	let openComplaints = 0;
	for (const row of input.complaints) {
		const ticket = cell(row, k.ticket);
		if (!ticket || cell(row, k.status).toLowerCase() === done) continue;
		openComplaints++;
		if (isFresh(parseSheetTime(row[k.receivedAt])))
			found.push({
				key: `complaint:${ticket}`,
				kind: 'complaint',
				values: { ticket, name: cell(row, k.name), complaint: cell(row, k.complaint), link },
			});
	}

	const h = tabs.handoffs.columns;
	for (const row of input.handoffs) {
		const at = cell(row, h.at);
		const waId = cell(row, h.waId);
		if (!at || cell(row, h.status).toLowerCase() === done) continue;
		if (isFresh(parseSheetTime(row[h.at])))
			found.push({
				key: `handoff:${waId}:${at}`,
				kind: 'handoff',
				values: { name: cell(row, h.name), waId, message: cell(row, h.message), link },
			});
	}

	const digestAt = minutesOfDay(input.digestTime);
	const minute = wibMinuteOfDay(now);
	if (
		digestAt !== undefined &&
		minute >= digestAt &&
		// A morning digest n8n missed (it was down, or Setup ran in the evening) waits for the next
		// working day rather than arriving hours late, when the day's work is done.
		minute < digestAt + DIGEST_LATE_MINUTES &&
		isWorkingDay(today, input.holidays)
	) {
		const d = wording.digest;
		const parts = (['today', 'withinStandard', 'pastStandard'] as const)
			.filter((bucket) => byAge[bucket] > 0)
			.map((bucket) => fill(d[bucket], byAge[bucket]));
		found.push({
			key: `digest:${today}`,
			kind: 'digest',
			values: {
				date: formatDateId(today),
				waiting: String(waiting),
				byAge: parts.length ? parts.join(d.separator) : d.none,
				complaints: String(openComplaints),
				link,
			},
		});
	}

	const alerts: StaffAlert[] = [];
	for (const to of input.staff)
		for (const alert of found) alerts.push({ ...alert, key: `${alert.key}>${to}`, to });
	return alerts;
}

/** The key of the row remembering the last reading of the sheet, by the sheet's Drive version. */
export const READING_KEY = 'sheet read:';
/** A remembered alert is kept at least this long, even when its row left the sheet. */
export const KEEP_ALERT_DAYS = 7;
/** The sheet is read at least this often, changed or not (a catalog or settings change). */
export const READ_AT_LEAST_EVERY_MINUTES = 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The first moment after `now` at which an alert may become due with no change in the sheet:
 * the next WIB midnight (a waiting request counts one more day), the next digest time, or an
 * hour from now, whichever comes first.
 */
export function nextTimedAlertAt(now: Date, digestTime: string): Date {
	const at = now.getTime();
	const midnight = at - wibMinuteOfDay(at) * MINUTE_MS - (at % MINUTE_MS) + DAY_MS;
	const moments = [at + READ_AT_LEAST_EVERY_MINUTES * MINUTE_MS, midnight];
	const digestAt = minutesOfDay(digestTime);
	if (digestAt !== undefined) {
		const today = midnight - DAY_MS + digestAt * MINUTE_MS;
		moments.push(today > at ? today : today + DAY_MS);
	}
	return new Date(Math.min(...moments));
}

export interface AlertRound {
	/** The alerts to send now. */
	alerts: StaffAlert[];
	/** Remembered keys whose alert cannot come back: deleted. */
	forget: string[];
	/**
	 * The row remembering this reading: `key` names the sheet's version, `at` is when the sheet
	 * must be read again even if that version stays; none without a version.
	 */
	reading?: Remembered;
}

/**
 * One round: the alerts to send, the remembered keys no longer needed (the sheet no longer
 * calls for their alert, and they are older than KEEP_ALERT_DAYS), and the reading to remember.
 * A round that sends anything asks for the next round to read again, so an alert whose send
 * failed (its key taken out) is tried again a minute later.
 */
export function staffAlertRound(
	input: AlertInput & { sheetVersion?: string },
	layout: SheetLayout = DEFAULT_SHEET_LAYOUT,
): AlertRound {
	const due = dueAlerts(input, layout);
	const remembered = [...input.alerted].map((entry) =>
		typeof entry === 'string' ? { key: entry } : { key: keyOf(entry), at: entry.at },
	);
	const sent = new Set(remembered.map((r) => r.key));
	const alerts = due.filter((alert) => !sent.has(alert.key));
	const stillDue = new Set(due.map((alert) => alert.key));
	const keepFrom = input.now.getTime() - KEEP_ALERT_DAYS * DAY_MS;
	const forget = remembered
		.filter((r) => r.key && !r.key.startsWith(READING_KEY) && !stillDue.has(r.key))
		.filter((r) => !(Date.parse(String(r.at ?? '')) >= keepFrom))
		.map((r) => r.key);
	const version = String(input.sheetVersion ?? '').trim();
	const again = alerts.length ? input.now : nextTimedAlertAt(input.now, input.digestTime);
	return {
		alerts,
		forget: [...new Set(forget)],
		...(version ? { reading: { key: `${READING_KEY}${version}`, at: again.toISOString() } } : {}),
	};
}
