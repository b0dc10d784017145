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

export function onReuse(
	ctx: Ctx,
	s: Session,
	service: ResolvedService,
	input: { text: string; replyId?: string },
): void {
	const t = ctx.texts;
	const fields = reusableFields(service, s);
	const refill =
		fields.length === 0 ||
		matchChoice(
			t,
			[{ id: 'refill', title: say(t, 'button.refill'), wordsKey: 'button.refill.words' }],
			input,
		)?.id === 'refill';
	if (refill) return fillAnew(ctx, s, service);
	// "Pakai data ini" (a button of an earlier version), "ya": the digits are still needed.
	const proof = input.replyId ? 'not-digits' : checkProof(service, s, input.text);
	if (proof === 'not-digits' || proof === 'wrong') {
		const left = PROOF_TRIES - (s.proofTries ?? 0);
		const key = proof === 'wrong' ? 'reuse.proof.wrong' : 'reuse.proof.ask';
		ctx.replies.push(...prompt(ctx, s, say(t, key, { digits: PROOF_DIGITS, left })));
		return;
	}
	if (proof === 'locked') {
		ctx.replies.push(textReply(say(t, 'reuse.proof.locked', { tries: PROOF_TRIES })));
		return fillAnew(ctx, s, service);
	}
	for (const field of fields) s.values[field.key] = s.remembered?.[field.key];
	s.reused = fields.map((field) => field.key);
	ctx.replies.push(
		textReply(say(t, 'reuse.proof.ok', { data: fieldLines(t, fields, s.values).join('\n') })),
	);
	enterField(s, service, 0);
	ctx.replies.push(...prompt(ctx, s));
}

function fillAnew(ctx: Ctx, s: Session, service: ResolvedService): void {
	delete s.reused;
	enterField(s, service, 0);
	ctx.replies.push(...prompt(ctx, s));
}
