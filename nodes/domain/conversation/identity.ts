/**
 * The identity a resident's last request left behind (`remember: true` fields): kept for a
 * limited time, and offered again only to whoever proves they are that resident. WhatsApp
 * numbers are recycled, so the number alone proves nothing: until the resident types the last
 * digits of the remembered NIK, nothing remembered is shown (not even the masked NIK, whose
 * visible last digits would give the answer away) and nothing is filled in.
 */
import type { Catalog, FieldSpec, ResolvedService } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import type { Session } from './types';
import { buttonsReply, say, type Texts } from './texts';
import { tapId } from './ids';

/** Days a remembered identity is kept after the submission that left it. */
export const IDENTITY_DAYS = 90;
/** Digits of the NIK the resident types to prove it is theirs. */
export const PROOF_DIGITS = 4;
/** Wrong answers after which the remembered identity is erased (10^4 guesses would take long). */
export const PROOF_TRIES = 3;

export function identityDays(catalog: Catalog): number {
	return Math.max(1, catalog.settings?.identityRetentionDays ?? IDENTITY_DAYS);
}

/** Stores the identity fields of a submitted request, stamped with when, for expiry. */
export function rememberIdentity(session: Session, service: ResolvedService, now: Date): void {
	const remembered: Record<string, unknown> = { ...(session.remembered ?? {}) };
	for (const field of service.fields) {
		const value = session.values[field.key];
		if (field.remember && value !== undefined && value !== null) remembered[field.key] = value;
	}
	if (Object.keys(remembered).length === 0) return;
	session.remembered = remembered;
	session.rememberedAt = now.toISOString();
	delete session.proofTries;
}

export function forgetIdentity(session: Session): void {
	delete session.remembered;
	delete session.rememberedAt;
	delete session.proofTries;
}

/**
 * Drops an identity older than the retention period, or of unknown age (stored before it was
 * stamped), or malformed. Called at every step, so an expired identity is never offered.
 */
export function forgetExpiredIdentity(session: Session, catalog: Catalog, now: Date): void {
	if (session.remembered === undefined && session.rememberedAt === undefined) return;
	const at = typeof session.rememberedAt === 'string' ? Date.parse(session.rememberedAt) : NaN;
	const valid =
		typeof session.remembered === 'object' &&
		session.remembered !== null &&
		!Array.isArray(session.remembered) &&
		!Number.isNaN(at) &&
		now.getTime() - at <= identityDays(catalog) * 86_400_000;
	if (!valid) forgetIdentity(session);
	else if (session.proofTries !== undefined && !Number.isInteger(session.proofTries))
		delete session.proofTries;
}

/** Carries the identity from one session object to another (a session started afresh). */
export function keepIdentity(from: Partial<Session>, to: Session): void {
	if (from.remembered && typeof from.remembered === 'object') to.remembered = from.remembered;
	if (typeof from.rememberedAt === 'string') to.rememberedAt = from.rememberedAt;
	if (typeof from.proofTries === 'number') to.proofTries = from.proofTries;
}

/** The remembered NIK this service could check a proof against. */
function proofField(service: ResolvedService, session: Session): FieldSpec | undefined {
	return service.fields.find(
		(field) =>
			field.type === 'nik' &&
			field.remember &&
			typeof session.remembered?.[field.key] === 'string' &&
			/^\d{16}$/.test(session.remembered[field.key] as string),
	);
}

/**
 * The remembered fields this service can reuse: none unless the service asks the NIK the
 * identity can be proved with (an identity that cannot be proved is not offered at all).
 */
export function reusableFields(service: ResolvedService, session: Session): FieldSpec[] {
	if (!proofField(service, session)) return [];
	const remembered = session.remembered ?? {};
	return service.fields.filter(
		(field) => field.remember && field.type !== 'records' && remembered[field.key] !== undefined,
	);
}

export type Proof = 'proved' | 'wrong' | 'locked' | 'not-digits';

/** Checks typed digits against the remembered NIK's last digits; counts and limits wrong tries. */
export function checkProof(service: ResolvedService, session: Session, typed: string): Proof {
	const digits = typed.replace(/[\s.*-]/g, '');
	if (!/^\d+$/.test(digits)) return 'not-digits';
	const field = proofField(service, session);
	const nik = field ? String(session.remembered?.[field.key]) : '';
	if (nik && digits.length === PROOF_DIGITS && nik.endsWith(digits)) {
		delete session.proofTries;
		return 'proved';
	}
	session.proofTries = (session.proofTries ?? 0) + 1;
	if (session.proofTries >= PROOF_TRIES) {
		forgetIdentity(session);
		return 'locked';
	}
	return 'wrong';
}

/** The offer: nothing remembered is shown before the proof; one button to fill in anew. */
export function reusePrompt(texts: Texts, session: Session): OutboundReply[] {
	return [
		buttonsReply(say(texts, 'reuse.ask', { digits: PROOF_DIGITS }), [
			{ id: tapId('refill', 'reuse', session.draft ?? ''), title: say(texts, 'button.refill') },
		]),
	];
}
