/** Asking the resident to confirm what the NIK says (birth date, sex), and taking the answer. */
import type { ResolvedService } from '../catalog/types';
import type { Session } from './types';
import { enterField, finishItem, moveTo, type Ctx } from './flow';
import { derivable } from './nikDerived';
import { matchChoice, say } from './texts';
import { fieldItem } from './editItems';

/** After the NIK: confirm what it says, or go on as usual when it says nothing new. */
export function afterNik(ctx: Ctx, session: Session, service: ResolvedService, f: number): void {
	const found = derivable(service, session, f, ctx.now);
	if (found.length === 0)
		return finishItem(session, service, () => enterField(session, service, f + 1));
	moveTo(session, 'nik_confirm', { field: f });
}

/** "Ya": the derived answers are kept and not asked; "Bukan": they are asked as usual. */
export function onNikConfirm(
	ctx: Ctx,
	session: Session,
	service: ResolvedService,
	text: string,
	replyId?: string,
): boolean {
	const f = session.pos?.field ?? -1;
	const found = derivable(service, session, f, ctx.now);
	const choice = matchChoice(
		ctx.texts,
		[
			{ id: 'yes', title: say(ctx.texts, 'button.nik.yes'), answer: 'yes' },
			{ id: 'no', title: say(ctx.texts, 'button.nik.no'), answer: 'no' },
		],
		{ text, replyId },
	)?.id;
	if (!choice) return false;
	const keys = found.map((d) => d.field.key);
	if (choice === 'yes') {
		for (const d of found) session.values[d.field.key] = d.value;
		session.derived = [...new Set([...(session.derived ?? []), ...keys])];
		if (session.edit)
			session.edit = session.edit.filter((item) => !keys.some((key) => item === fieldItem(key)));
	} else {
		session.derived = (session.derived ?? []).filter((key) => !keys.includes(key));
		for (const key of keys) if (!session.edit) delete session.values[key];
	}
	finishItem(session, service, () => enterField(session, service, f + 1));
	return true;
}
