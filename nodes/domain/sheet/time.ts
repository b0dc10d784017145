/**
 * The office's clock: Western Indonesia Time (WIB, UTC+7, no daylight saving). Sheet cells are
 * written as `YYYY-MM-DD HH:mm:ss` in WIB (a date-time Google Sheets understands and that sorts
 * as text) and read back in any of the forms the sheet has held: that form, ISO timestamps with
 * a zone (UTC `…Z` or `+07:00`) and Sheets' serial day numbers (a cell Sheets turned into a date).
 */

/** WIB's offset from UTC, in milliseconds. */
export const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Sheets' day 0 (30 December 1899) in epoch days. */
const SHEETS_EPOCH_DAYS = -25_569;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as the sheet shows it: `2026-12-07 17:05:09` (WIB). */
export function wibDateTime(at: Date | number): string {
	const shifted = new Date((at instanceof Date ? at.getTime() : at) + WIB_OFFSET_MS);
	return (
		`${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
		`${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
	);
}

/** The WIB calendar day of an instant: `2026-12-07`. */
export function wibDay(at: Date | number): string {
	return wibDateTime(at).slice(0, 10);
}

/** Minutes past WIB midnight of an instant. */
export function wibMinuteOfDay(at: Date | number): number {
	const time = wibDateTime(at);
	return Number(time.slice(11, 13)) * 60 + Number(time.slice(14, 16));
}

const WIB_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A time cell → epoch ms; undefined for a blank or unreadable cell. `2026-12-07 17:05[:09]` and
 * a bare date are WIB; an ISO timestamp carries its zone; a number is a Sheets serial in WIB.
 */
export function parseSheetTime(cell: unknown): number | undefined {
	if (typeof cell === 'number' && Number.isFinite(cell))
		return Math.round((cell + SHEETS_EPOCH_DAYS) * DAY_MS) - WIB_OFFSET_MS;
	const text = typeof cell === 'string' ? cell.trim() : '';
	if (!text) return undefined;
	const wib = WIB_TEXT.exec(text);
	if (wib) {
		const [, y, mo, d, h = '0', mi = '0', s = '0'] = wib;
		return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - WIB_OFFSET_MS;
	}
	if (ISO_ZONED.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : ms;
	}
	return undefined;
}

/**
 * An instant the domain keeps as ISO text (or a Date), as a sheet cell: WIB, `2026-12-07 17:05:09`.
 * A value that is not a time is written as it came.
 */
export function sheetTime(at: string | Date): string {
	const ms = at instanceof Date ? at.getTime() : parseSheetTime(at);
	return ms === undefined || Number.isNaN(ms) ? String(at) : wibDateTime(ms);
}
