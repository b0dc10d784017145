/**
 * Ticket ids residents can type: a prefix from the letter's title (`SURAT KETERANGAN USAHA` →
 * `SKU`) and 7 Crockford base-32 characters (35 bits) of a hash of sender and message id, so
 * every n8n worker derives the same id without a shared counter, and a message handled twice
 * (redelivered, or its step taken again after a conflicting save) files the same ticket.
 */
import { createHash } from 'crypto';
import type { ResolvedService } from '../catalog/types';

/** Crockford's alphabet: no I, L, O or U, so what is read aloud is typed back right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ticketPrefix(service: ResolvedService): string {
	const initials = (service.letter?.title ?? '')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((word) => word[0].toUpperCase())
		.join('')
		.slice(0, 5);
	if (initials.length >= 2) return initials;
	return (
		service.key
			.replace(/[^A-Za-z0-9]/g, '')
			.toUpperCase()
			.slice(0, 5) || 'REQ'
	);
}

export function makeTicket(
	service: ResolvedService,
	waId: string,
	messageId: string,
	now: Date,
): string {
	return `${ticketPrefix(service)}-${ticketCode(waId, messageId, now)}`;
}

/** A complaint ticket: the same code under the complaint prefix (`ADU-7QX3KD0`). */
export function complaintTicket(
	prefix: string,
	waId: string,
	messageId: string,
	now: Date,
): string {
	const clean =
		prefix
			.replace(/[^A-Za-z0-9]/g, '')
			.toUpperCase()
			.slice(0, 5) || 'ADU';
	return `${clean}-${ticketCode(waId, messageId, now)}`;
}

function ticketCode(waId: string, messageId: string, now: Date): string {
	// The time only stands in for a missing message id (never from a real provider).
	const seed = messageId ? `${waId}|${messageId}` : `${waId}||${now.toISOString()}`;
	const digest = createHash('sha256').update(seed).digest();
	// 40 bits from the digest, 35 of them used: 7 characters of 5 bits each.
	let bits = 0;
	for (let i = 0; i < 5; i++) bits = bits * 256 + digest[i];
	let code = '';
	for (let i = 0; i < 7; i++) {
		code += ALPHABET[bits % 32];
		bits = Math.floor(bits / 32);
	}
	return code;
}

/** A typed ticket in canonical form (`sku 7qx3kd0` / `SKU-7QX3KDO` → `SKU-7QX3KD0`). */
export function normalizeTicket(text: string): string {
	const match = /^\s*([A-Za-z0-9]{1,5})[\s-]*([0-9A-Za-z]{7})\s*$/.exec(text);
	if (!match) return text.trim().toUpperCase();
	const code = match[2].toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
	return `${match[1].toUpperCase()}-${code}`;
}
