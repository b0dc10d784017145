/**
 * The NIK carries the birth date and sex (`DDMMYY`, women day + 40): asked early, it answers
 * both, and the resident only confirms them with one yes/no. A NIK that disagrees with a typed
 * birth date or sex is not refused (the KTP is what it is): the resident is told once and staff
 * read a note in the request row.
 */
import type { FieldSpec, ResolvedService } from '../catalog/types';
import { formatDateId } from '../indonesian/format';
import { decodeNik, type NikInfo } from '../validation/nik';
import { matchChoice as matchOption } from '../validation/choice';
import type { Session } from './types';
import type { Ctx } from './ctx';
import { buttonsReply, say, type Texts } from './texts';
import { posKey, tapId } from './ids';
import { fieldItem } from './editItems';
import type { OutboundReply } from '../messaging/types';

interface Derived {
	field: FieldSpec;
	value: string;
}

/** The top-level field a NIK cross-check names, when it is asked after the NIK. */
function laterField(service: ResolvedService, f: number, key: string | undefined) {
	if (!key) return undefined;
	const i = service.fields.findIndex((field) => field.key === key);
	return i > f ? service.fields[i] : undefined;
}

/** What the NIK at field index `f` says about the fields still to come (birth date, sex). */
export function derivable(
	service: ResolvedService,
	session: Session,
	f: number,
	now: Date,
): Derived[] {
	const nikField = service.fields[f];
	const nik = session.values[nikField?.key];
	if (!nikField || nikField.type !== 'nik' || typeof nik !== 'string') return [];
	const info = decodeNik(nik, { now });
	if (!info) return [];
	const open = (field: FieldSpec | undefined): field is FieldSpec =>
		!!field &&
		!session.reused?.includes(field.key) &&
		(session.edit
			? session.edit.includes(fieldItem(field.key))
			: session.values[field.key] === undefined);
	const out: Derived[] = [];
	const date = laterField(service, f, nikField.crossCheck?.birthDate);
	if (open(date) && date.type === 'date') out.push({ field: date, value: info.birthDate });
	const sex = laterField(service, f, nikField.crossCheck?.sex);
	const option = sex?.options ? matchOption(info.sex, sex.options) : undefined;
	if (open(sex) && option?.ok) out.push({ field: sex, value: option.value.label });
	return out;
}

export function nikConfirmPrompt(
	ctx: Ctx,
	service: ResolvedService,
	session: Session,
): OutboundReply[] {
	const found = derivable(service, session, session.pos?.field ?? -1, ctx.now);
	const lines = found.map((d) =>
		say(ctx.texts, 'nik.derived.line', {
			label: d.field.label,
			value: d.field.type === 'date' ? formatDateId(d.value) : d.value,
		}),
	);
	const id = (local: string) => tapId(local, 'nik', session.draft ?? '', posKey(session.pos));
	return [
		buttonsReply(say(ctx.texts, 'nik.derived.ask', { lines: lines.join('\n') }), [
			{ id: id('yes'), title: say(ctx.texts, 'button.nik.yes') },
			{ id: id('no'), title: say(ctx.texts, 'button.nik.no') },
		]),
	];
}

interface Mismatch {
	/** `NIK`, or `NIK (ahli waris ke-2)`. */
	where: string;
	code: 'birthDate' | 'sex';
	nik: string;
	declared: string;
}

function compare(
	nikField: FieldSpec,
	values: Record<string, unknown>,
	where: string,
	now: Date,
): Mismatch[] {
	const nik = values[nikField.key];
	if (typeof nik !== 'string') return [];
	const declaredDate = values[nikField.crossCheck?.birthDate ?? ''];
	const info: NikInfo | null = decodeNik(nik, {
		now,
		declaredBirthDate: typeof declaredDate === 'string' ? declaredDate : undefined,
	});
	if (!info) return [];
	const out: Mismatch[] = [];
	if (typeof declaredDate === 'string' && declaredDate && declaredDate !== info.birthDate)
		out.push({
			where,
			code: 'birthDate',
			nik: formatDateId(info.birthDate),
			declared: formatDateId(declaredDate),
		});
	const declaredSex = values[nikField.crossCheck?.sex ?? ''];
	if (typeof declaredSex === 'string' && declaredSex && declaredSex !== info.sex)
		out.push({ where, code: 'sex', nik: info.sex, declared: declaredSex });
	return out;
}

/** Every NIK in the answers that disagrees with the birth date or sex given with it. */
export function nikMismatches(
	service: ResolvedService,
	values: Record<string, unknown>,
	now: Date,
): Mismatch[] {
	const out: Mismatch[] = [];
	for (const field of service.fields) {
		if (field.type === 'nik' && field.crossCheck) out.push(...compare(field, values, '', now));
		if (field.type !== 'records' || !Array.isArray(values[field.key])) continue;
		const inner = (field.fields ?? []).filter((x) => x.type === 'nik' && x.crossCheck);
		(values[field.key] as Array<Record<string, unknown>>).forEach((record, i) => {
			const where = `${field.itemLabel ?? field.label} ke-${i + 1}`;
			for (const nikField of inner) out.push(...compare(nikField, record ?? {}, where, now));
		});
	}
	return out;
}

function flagText(texts: Texts, m: Mismatch, audience: 'staff' | 'resident'): string {
	return say(texts, `nik.mismatch.${audience}.${m.code}`, {
		where: m.where ? ` (${m.where})` : '',
		nik: m.nik,
		declared: m.declared,
	});
}

/** The notes staff read in the request row (Indonesian), one per disagreement. */
export function staffFlags(
	texts: Texts,
	service: ResolvedService,
	values: Record<string, unknown>,
	now: Date,
): string[] {
	return nikMismatches(service, values, now).map((m) => flagText(texts, m, 'staff'));
}

/** What the resident is told when an answer just made a NIK disagree (empty when nothing new). */
export function newMismatchNotes(
	texts: Texts,
	service: ResolvedService,
	before: Record<string, unknown>,
	after: Record<string, unknown>,
	now: Date,
): string[] {
	const seen = new Set(nikMismatches(service, before, now).map((m) => JSON.stringify(m)));
	return nikMismatches(service, after, now)
		.filter((m) => !seen.has(JSON.stringify(m)))
		.map((m) => flagText(texts, m, 'resident'));
}
