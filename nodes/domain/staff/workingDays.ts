/**
 * Working days of a kelurahan office: Monday to Friday, except national holidays and cuti
 * bersama (templates/holidays/<year>.json, which the admin keeps up to date).
 */
import holidays2026 from '../../../templates/holidays/2026.json';
import holidays2027 from '../../../templates/holidays/2027.json';
import { wibDay } from '../sheet/time';

interface HolidayFile {
	days: Array<{ date: string }>;
}

/** Every closed day of the bundled holiday files, as `YYYY-MM-DD`. */
export const BUNDLED_HOLIDAYS: readonly string[] = [holidays2026, holidays2027].flatMap((file) =>
	(file as HolidayFile).days.map((d) => d.date),
);

const DAY_MS = 86_400_000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whether the office works on a calendar day (`YYYY-MM-DD`). */
export function isWorkingDay(day: string, closed: ReadonlySet<string>): boolean {
	const weekday = new Date(dayNumber(day) * DAY_MS).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !closed.has(day);
}

/**
 * Working days that have passed in full since a request came in: the working days after the day
 * it came in, up to and not including today (WIB). A request in on Monday has waited 0 on
 * Tuesday and 1 on Wednesday: with a standard of 1 working day it is late from Wednesday on
 * (`workingDaysWaited >= standard`).
 */
export function workingDaysWaited(
	receivedAt: number,
	now: number,
	closed: ReadonlySet<string>,
): number {
	const first = dayNumber(wibDay(receivedAt)) + 1;
	const today = dayNumber(wibDay(now));
	let count = 0;
	for (let n = first; n < today; n++) if (isWorkingDay(dayText(n), closed)) count++;
	return count;
}
