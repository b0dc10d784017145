/**
 * "Kirim ulang surat": a resident who lost a letter gets the same PDF again. The letters are
 * the resident's finished requests (the sheet rows of their WhatsApp number); the list shows
 * each with its NIK masked down to its first digits, because the proof asked next is the NIK's
 * last 4 digits (a recycled number alone proves nothing, as for a remembered identity). Digits
 * that fit no letter count as a wrong try; after `PROOF_TRIES` the resident is offered a person.
 * A revoked letter is never sent again: the resident is told so. Pure: the workflow reads the
 * rows, sends the files this returns and writes the note into each row.
 */
import type { Catalog } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import { formatDateId } from '../indonesian/format';
import { wibDateTime } from '../sheet/time';
import { PROOF_DIGITS, PROOF_TRIES } from './identity';
import { buttonsReply, say, textReply, textsFor } from './texts';

/** A request as the sheet holds it, with what sending its letter again needs. */
export interface ResendRow {
	ticket: string;
	serviceTitle: string;
	status: string;
	nik?: string;
	letterNumber?: string;
	/** When the letter was delivered (ISO or a sheet date). */
	completedAt?: string;
	/** The letter's PDF in Drive (its file id or link). */
	letterFile?: string;
}

/** The sheet's words for a delivered and for a revoked letter (templates/sheet.json). */
export interface ResendStatuses {
	done: string;
	revoked: string;
}

export type ResendOutcome =
	| 'none'
	| 'listed'
	| 'send'
	| 'wrong'
	| 'locked'
	| 'revoked'
	| 'unavailable';

export interface ResendDecision {
	outcome: ResendOutcome;
	replies: OutboundReply[];
	/** The letters to send again (outcome `send`), newest first. */
	letters: ResendRow[];
	/** Wrong tries so far, this answer included (0 once a letter is sent). */
	tries: number;
}

/** Letters sent again for one answer, at most (the newest). */
export const RESEND_MAX = 3;

/** `3577014107900001` → `3577************`: nothing of the digits asked as proof. */
export function maskNikForProof(nik: string): string {
	const digits = String(nik ?? '').replace(/\D/g, '');
	return digits.length > 4 ? digits.slice(0, 4) + '*'.repeat(digits.length - 4) : '****';
}

/**
 * What to answer: without `digits`, the list of letters and the question; with them, the
 * letters whose NIK ends in them (`send`), or a wrong try, or the hand-off offer.
 */
export function resendDecision(
	rows: ResendRow[],
	answer: { digits?: string; tries?: number },
	statuses: ResendStatuses,
	catalog: Catalog,
): ResendDecision {
	const texts = textsFor(catalog);
	const letters = (Array.isArray(rows) ? rows : [])
		.filter((row) => row && row.ticket && row.letterNumber)
		.filter((row) => row.status === statuses.done || row.status === statuses.revoked)
		.sort((a, b) => String(b.completedAt ?? '').localeCompare(String(a.completedAt ?? '')));
	const tries = Math.max(0, Math.trunc(Number(answer.tries) || 0));
	const decided = (outcome: ResendOutcome, replies: OutboundReply[], sent: ResendRow[] = []) => ({
		outcome,
		replies,
		letters: sent,
		tries: outcome === 'send' ? 0 : outcome === 'wrong' || outcome === 'locked' ? tries + 1 : tries,
	});
	if (!letters.length) return decided('none', [textReply(say(texts, 'resend.none'))]);
	const revoked = (row: ResendRow) => row.status === statuses.revoked;
	const digits = String(answer.digits ?? '').replace(/[\s.*-]/g, '');
	if (!digits) {
		const items = letters.map((row) =>
			say(texts, revoked(row) ? 'resend.item.revoked' : 'resend.item', {
				service: row.serviceTitle,
				letterNumber: String(row.letterNumber),
				date: row.completedAt ? formatDateId(String(row.completedAt)) : '-',
				nik: maskNikForProof(String(row.nik ?? '')),
			}),
		);
		const list = [say(texts, 'resend.header'), ...items].join('\n');
		return decided('listed', [
			textReply(list),
			textReply(say(texts, 'resend.ask', { digits: PROOF_DIGITS })),
		]);
	}
	const fits = /^\d+$/.test(digits) && digits.length === PROOF_DIGITS;
	const mine = fits
		? letters.filter((row) =>
				String(row.nik ?? '')
					.replace(/\D/g, '')
					.endsWith(digits),
			)
		: [];
	if (!mine.length) {
		if (tries + 1 >= PROOF_TRIES)
			return decided('locked', [
				buttonsReply(say(texts, 'resend.locked'), [
					{ id: 'menu:staff', title: say(texts, 'menu.staff') },
				]),
			]);
		return decided('wrong', [
			textReply(say(texts, 'resend.wrong', { left: PROOF_TRIES - tries - 1 })),
		]);
	}
	const sendable = mine.filter((row) => !revoked(row) && row.letterFile).slice(0, RESEND_MAX);
	const refused = mine.filter(revoked).map((row) =>
		textReply(
			say(texts, 'resend.revoked', {
				service: row.serviceTitle,
				letterNumber: String(row.letterNumber),
			}),
		),
	);
	if (!sendable.length && refused.length) return decided('revoked', refused);
	if (!sendable.length)
		return decided('unavailable', [
			buttonsReply(say(texts, 'resend.unavailable'), [
				{ id: 'menu:staff', title: say(texts, 'menu.staff') },
			]),
		]);
	const sending = sendable.map((row) =>
		textReply(
			say(texts, 'resend.sending', {
				service: row.serviceTitle,
				letterNumber: String(row.letterNumber),
			}),
		),
	);
	return decided('send', [...sending, ...refused], sendable);
}

/** The line added to a row's notes when its letter was sent again (`at` as WIB). */
export function resendNote(catalog: Catalog, at: Date): string {
	return say(textsFor(catalog), 'resend.note', { time: wibDateTime(at) });
}
