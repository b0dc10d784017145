/**
 * What the load run checks, read from the sandbox's state after everything settled: messages
 * never answered 200, photos that are not linked in the request row, request rows and letters
 * that arrived twice.
 */
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import type { Office } from './office';
import { poll } from './resident';

const c = DEFAULT_SHEET_LAYOUT.columns;

export interface Counts {
	lostMessages: number;
	lostPhotos: number;
	duplicateRows: number;
	duplicateLetters: number;
	/** Not counted as duplicates or losses above, but reported: requests without a letter. */
	missingLetters: number;
}

/**
 * Waits (up to 3 min in all) until every inbound message of these residents was answered 200;
 * the messages still unanswered then are lost. One deadline for all: a deadline per message,
 * checked one after another, made a run with lost messages wait hours before printing.
 */
export async function settle(office: Office, waIds: string[]): Promise<number> {
	const inbound = (await Promise.all(waIds.map((waId) => office.intake.chat(waId)))).flatMap(
		(chat) => chat.filter((m) => m.direction === 'in').map((m) => m.id),
	);
	let waiting = inbound;
	await poll(async () => {
		const answered = await Promise.all(waiting.map((id) => office.intake.delivered(id)));
		waiting = waiting.filter((_, i) => !answered[i]);
		return waiting.length === 0 ? true : undefined;
	}, 180000);
	return waiting.length;
}

export async function countProblems(
	office: Office,
	residents: Array<{ waId: string; photos: number }>,
): Promise<Counts> {
	const lostMessages = await settle(
		office,
		residents.map((r) => r.waId),
	);
	const rows = await office.sheet();
	let lostPhotos = 0;
	let duplicateRows = 0;
	let duplicateLetters = 0;
	let missingLetters = 0;
	for (const resident of residents) {
		const own = rows.filter((r) => r.values[c.waId]?.replace(/\D/g, '') === resident.waId);
		duplicateRows += Math.max(0, own.length - 1);
		// Drive links (the sandbox's Drive serves files under /api/media/), one per photo kept.
		const driveLinks = (row: { values: Record<string, string> }) =>
			(row.values[c.documents] ?? '').split('\n').filter((line) => line.includes('/api/media/'))
				.length;
		const linked = own.length ? Math.max(...own.map(driveLinks)) : 0;
		lostPhotos += Math.max(0, resident.photos - linked);
		const letters = (await office.intake.chat(resident.waId)).filter(
			(m) => m.direction === 'out' && !!m.document,
		).length;
		duplicateLetters += Math.max(0, letters - 1);
		if (letters === 0) missingLetters++;
	}
	return { lostMessages, lostPhotos, duplicateRows, duplicateLetters, missingLetters };
}
