/**
 * The `reuse` state: "we still have your identity from the last request; type the last digits
 * of your NIK to use it again, or fill it in anew". The identity rules live in identity.ts.
 */
import type { ResolvedService } from '../catalog/types';
import type { Session } from './types';
import { enterField, prompt, type Ctx } from './flow';
import { fieldLines } from './present';
import { matchChoice, say, textReply } from './texts';
import { checkProof, PROOF_DIGITS, PROOF_TRIES, reusableFields } from './identity';
import { recognise } from './recognise';
import { answerChatter } from './chatter';

export function onReuse(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	input: { text: string; replyId?: string },
): void {
	const t = ctx.texts;
	const fields = reusableFields(service, session);
	const refill =
		fields.length === 0 ||
		matchChoice(
			t,
			[{ id: 'refill', title: say(t, 'button.refill'), wordsKey: 'button.refill.words' }],
			input,
		)?.id === 'refill';
	if (refill) return fillAnew(ctx, session, service);
	// "Pakai data ini" (a button of an earlier version), "ya": the digits are still needed.
	const proof = input.replyId ? 'not-digits' : checkProof(service, session, input.text);
	if (proof === 'not-digits' || proof === 'wrong') {
		if (proof === 'not-digits' && !input.replyId)
			answerChatter(ctx, recognise(ctx.catalog, t, input.text));
		const left = PROOF_TRIES - (session.proofTries ?? 0);
		const key = proof === 'wrong' ? 'reuse.proof.wrong' : 'reuse.proof.ask';
		ctx.replies.push(...prompt(ctx, session, say(t, key, { digits: PROOF_DIGITS, left })));
		return;
	}
	if (proof === 'locked') {
		ctx.replies.push(textReply(say(t, 'reuse.proof.locked', { tries: PROOF_TRIES })));
		return fillAnew(ctx, session, service);
	}
	for (const field of fields) session.values[field.key] = session.remembered?.[field.key];
	session.reused = fields.map((field) => field.key);
	ctx.replies.push(
		textReply(say(t, 'reuse.proof.ok', { data: fieldLines(t, fields, session.values).join('\n') })),
	);
	enterField(session, service, 0);
	ctx.replies.push(...prompt(ctx, session));
}

function fillAnew(ctx: Ctx, session: Session, service: ResolvedService): void {
	delete session.reused;
	enterField(session, service, 0);
	ctx.replies.push(...prompt(ctx, session));
}
