/**
 * The conversation side of "kirim ulang surat" (resend.ts decides what is sent): the request
 * moves the resident to `resend` and asks the workflow to list their letters; in `resend`, a
 * number typed is passed on as the NIK's last digits with the answers so far; anything else
 * leaves `resend` and is understood as usual. After `PROOF_TRIES` answers the state ends (the
 * workflow's answer to the last one offers a person when it was wrong).
 */
import type { Ctx } from './ctx';
type Input = { text: string; replyId?: string };
import type { Session } from './types';
import { PROOF_TRIES } from './identity';

export function startResend(ctx: Ctx, session: Session): void {
	session.state = 'resend';
	session.resend = { tries: 0 };
	ctx.events.push({ type: 'resend_requested', waId: session.waId, name: session.name, tries: 0 });
}

export function onResend(ctx: Ctx, session: Session, input: Input, otherwise: () => void): void {
	const digits = input.replyId ? '' : input.text.replace(/[\s.*-]/g, '');
	if (!/^\d{1,16}$/.test(digits)) {
		delete session.resend;
		session.state = 'idle';
		return otherwise();
	}
	const tries = Math.max(0, Math.trunc(Number(session.resend?.tries) || 0));
	ctx.events.push({
		type: 'resend_requested',
		waId: session.waId,
		name: session.name,
		digits,
		tries,
	});
	if (tries + 1 >= PROOF_TRIES) {
		delete session.resend;
		session.state = 'idle';
	} else session.resend = { tries: tries + 1 };
}
