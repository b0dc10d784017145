/**
 * One answer for one catalog field: cleaned, typed and checked against the field's rules.
 * `records` fields (lists of heirs, dependants) are walked by the engine, field by field.
 */

import type { FieldSpec } from '../catalog/types';
import { formatPartialDateId, formatRupiah, maskId } from '../indonesian/format';
import { currentYear, todayIso } from './calendar';
import { matchChoice } from './choice';
import { parseDate } from './date';
import { compilePattern } from './pattern';
import { checkKk } from './kk';
import { parseMoney } from './money';
import { checkNik } from './nik';
import { checkPhone } from './phone';
import { fail, ok, type Validation } from './result';
import { capitalizeTyped, cleanText } from './text';

export interface FieldContext {
	/** Answers given so far (same service, or same record): used by NIK cross-checks. */
	values: Record<string, unknown>;
	now: Date;
}

/** Answers that mean "nothing" on an optional field. */
const EMPTY_ANSWERS = new Set(['', '-', '–', '—']);

export function validateField(
	field: FieldSpec,
	text: string,
	context: FieldContext,
): Validation<unknown> {
	const cleaned = cleanText(typeof text === 'string' ? text : String(text ?? ''));
	if (!cleaned.ok) return cleaned;
	const answer = cleaned.value;
	if (answer === '' || (!field.required && EMPTY_ANSWERS.has(answer))) {
		return field.required ? fail('required', { label: field.label }) : ok(null);
	}
	const rules = field.validation ?? {};
	switch (field.type) {
		case 'text': {
			const checked = checkText(answer, field);
			// "RT 03", "rw: 2": the field's own label typed before the answer.
			const bare = withoutLabel(answer, field.label);
			return checked.ok || bare === answer || !bare ? checked : checkText(bare, field);
		}
		case 'number': {
			const value = parseNumber(answer);
			return value === null
				? fail('number.invalid', { input: answer.slice(0, 40) })
				: inRange(value, field);
		}
		case 'year':
			return checkYear(answer, field, context.now);
		case 'date': {
			// "kemarin" or "1 mei" name a recent day, never a birth date.
			const date = parseDate(answer, context.now, {
				recent: !/lahir/i.test(field.key),
				partial: rules.partial,
			});
			if (!date.ok) return rules.partial ? fail('date.partial.invalid', date.error.params) : date;
			// A year alone or a month and year is compared with today's year or month.
			const today = todayIso(context.now).slice(0, date.value.length);
			const shown = formatPartialDateId(date.value);
			const future = rules.partial ? 'date.partial.future' : 'date.future';
			if (rules.notFuture && date.value > today) return fail(future, { value: shown });
			if (rules.notPast && date.value < today) return fail('date.past', { value: shown });
			return date;
		}
		case 'choice': {
			const choice = matchChoice(answer, field.options ?? []);
			return choice.ok ? ok(choice.value.label) : choice;
		}
		case 'nik': {
			const keys = field.crossCheck ?? {};
			const declared = {
				birthDate: keys.birthDate ? stringOrUndefined(context.values[keys.birthDate]) : undefined,
				sex: keys.sex ? stringOrUndefined(context.values[keys.sex]) : undefined,
			};
			return checkNik(answer, declared, context.now);
		}
		case 'kk':
			return checkKk(answer, context.now);
		case 'phone':
			return checkPhone(answer);
		case 'money': {
			const money = parseMoney(answer);
			return money.ok ? inRange(money.value, field, formatRupiah) : money;
		}
		default:
			return fail('field.unsupported', { type: String(field.type) });
	}
}

function withoutLabel(answer: string, label: string): string {
	const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return answer.replace(new RegExp(`^${escaped}(?![a-z])[\\s.:=-]*`, 'i'), '').trim();
}

function stringOrUndefined(value: unknown): string | undefined {
	return typeof value === 'string' && value ? value : undefined;
}

function checkText(answer: string, field: FieldSpec): Validation<unknown> {
	const rules = field.validation ?? {};
	const length = [...answer].length;
	if (rules.minLength !== undefined && length < rules.minLength) {
		return fail('text.tooShort', { min: rules.minLength, length });
	}
	if (rules.maxLength !== undefined && length > rules.maxLength) {
		return fail('text.tooLong', { max: rules.maxLength, length });
	}
	if (rules.pattern) {
		const pattern = compilePattern(rules.pattern);
		if (pattern && !pattern.test(answer)) {
			const code = rules.patternMessage
				? rules.patternMessage.replace(/^error\./, '')
				: 'text.pattern';
			return fail(code, { input: answer.slice(0, 40) });
		}
	}
	if (rules.padDigits && /^\d+$/.test(answer)) return ok(answer.padStart(rules.padDigits, '0'));
	return ok(capitalizeTyped(answer, field.capitalize));
}

/** `12`, `3,5`, `1.000` (a dot before three digits groups thousands, as Indonesians write). */
export function parseNumber(answer: string): number | null {
	const text = answer.replace(/\s/g, '');
	if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
	if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
	return Number(text.replace(',', '.'));
}

function inRange(
	value: number,
	field: FieldSpec,
	show: (n: number) => string | number = (n) => n,
): Validation<unknown> {
	const { min, max } = field.validation ?? {};
	const outside = (min !== undefined && value < min) || (max !== undefined && value > max);
	if (!outside) return ok(value);
	if (min !== undefined && max !== undefined)
		return fail('number.range', { min: show(min), max: show(max) });
	return min !== undefined
		? fail('number.min', { min: show(min) })
		: fail('number.max', { max: show(max!) });
}

function checkYear(answer: string, field: FieldSpec, now: Date): Validation<unknown> {
	const match = /^\D*?(\d{4})\D*$/.exec(answer);
	const year = match ? Number(match[1]) : NaN;
	if (!match || year < 1800 || year > 2200)
		return fail('year.invalid', { input: answer.slice(0, 40) });
	const rules = field.validation ?? {};
	if (rules.notFuture && year > currentYear(now)) return fail('year.future', { value: year });
	if (rules.notPast && year < currentYear(now)) return fail('year.past', { value: year });
	return inRange(year, field);
}

/** A stored value as a resident or staff reads it in a summary (`17 Agustus 1990`, `Rp1.500.000`). */
export function formatFieldValue(
	field: FieldSpec,
	value: unknown,
	opts: { mask?: boolean } = {},
): string {
	if (value === null || value === undefined || value === '') return '-';
	switch (field.type) {
		case 'date':
			return formatPartialDateId(String(value));
		case 'money':
			return typeof value === 'number' ? formatRupiah(value) : String(value);
		case 'nik':
		case 'kk':
			return opts.mask ? maskId(String(value)) : String(value);
		case 'phone':
			return /^\d+$/.test(String(value)) ? `+${value}` : String(value);
		case 'records':
			return Array.isArray(value) ? `${value.length} ${field.itemLabel ?? field.label}` : '-';
		default:
			return String(value);
	}
}
