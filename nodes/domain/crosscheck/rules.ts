/**
 * Cross-field rules: answers that are each valid but contradict each other or the letter asked
 * for (a widow who remarried, "belum menikah" from someone married, a wedding before birth).
 * Declared per service in the catalog, checked when a field is answered and again before the
 * request is sent. A rule either asks again (`retry`) or ends the request with its reason
 * (`refuse: true`): a letter that would state something false is never requested.
 */
import { CatalogError, readArray, readObject, readString, type Json } from '../catalog/schema';
import type { FieldSpec, Messages, ResolvedService } from '../catalog/types';
import { formatDateId, formatRupiah } from '../indonesian/format';
import { applies } from './conditions';
import { spouseVerdict } from './spouse';
import type { Rule } from './types';

export type { Rule } from './types';

const KINDS = ['oneOf', 'notBefore', 'notAfter', 'moneyPlausible', 'spouse'] as const;

/** The messages a spouse rule's `message` prefixes, one per problem (spouse.ts). */
const SPOUSE_MESSAGES = ['sex', 'missing', 'unnamed', 'second'] as const;

export interface BrokenRule {
	/** The field to ask again (or the one that ended the request). */
	field: FieldSpec;
	messageKey: string;
	params: Record<string, string | number>;
	refuse: boolean;
}

function shown(field: FieldSpec | undefined, value: unknown): string {
	if (field?.type === 'date') return formatDateId(String(value));
	if (field?.type === 'money' && typeof value === 'number') return formatRupiah(value);
	return String(value);
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The rule's verdict on the answers; undefined while a field it reads is unanswered. */
function breaks(rule: Rule, values: Record<string, unknown>): boolean | undefined {
	const value = values[rule.field];
	if (!present(value)) return undefined;
	switch (rule.kind) {
		case 'oneOf':
			return !rule.values.includes(String(value));
		case 'notBefore':
		case 'notAfter': {
			const other = values[rule.than];
			if (!present(other)) return undefined;
			return rule.kind === 'notBefore'
				? String(value) < String(other)
				: String(value) > String(other);
		}
		case 'moneyPlausible':
			return typeof value === 'number' && value > 0 && value < rule.min;
		case 'spouse':
			return spouseVerdict(rule, values) !== undefined;
	}
}

function broken(service: ResolvedService, rule: Rule, values: Record<string, unknown>): BrokenRule {
	const byKey = (key: string) => service.fields.find((f) => f.key === key);
	if (rule.kind === 'spouse') {
		const verdict = spouseVerdict(rule, values)!;
		return {
			field: byKey(verdict.reask)!,
			messageKey: `${rule.message}.${verdict.problem}`,
			params: verdict.params,
			refuse: rule.refuse === true,
		};
	}
	const field = byKey(rule.field)!;
	const value = values[rule.field];
	const params: Record<string, string | number> = {
		label: field.label,
		value: shown(field, value),
	};
	if (rule.kind === 'notBefore' || rule.kind === 'notAfter')
		params.other = shown(byKey(rule.than), values[rule.than]);
	if (rule.kind === 'moneyPlausible' && typeof value === 'number')
		params.suggestion = formatRupiah(value * 1000);
	return { field, messageKey: rule.message, params, refuse: rule.refuse === true };
}

/** The first rule that `key`'s new answer breaks, given the answers so far. */
export function ruleBrokenBy(
	service: ResolvedService,
	values: Record<string, unknown>,
	key: string,
): BrokenRule | undefined {
	for (const rule of service.rules ?? []) {
		const reads =
			rule.kind === 'notBefore' || rule.kind === 'notAfter'
				? [rule.field, rule.than]
				: rule.kind === 'spouse'
					? [rule.field, rule.spouse, rule.deceasedNik]
					: [rule.field];
		if (reads.includes(key) && breaks(rule, values)) {
			const found = broken(service, rule, values);
			// The spouse rule names the field to ask again itself (the name, or the heirs list).
			if (rule.kind === 'spouse') return found;
			// A date contradicting an earlier one: the answer just given is the one asked again.
			return { ...found, field: service.fields.find((f) => f.key === key) ?? found.field };
		}
	}
	return undefined;
}

/** Every rule the answers break (the stateless requirement check lists them all). */
export function brokenRules(
	service: ResolvedService,
	values: Record<string, unknown>,
): BrokenRule[] {
	return (service.rules ?? [])
		.filter((rule) => breaks(rule, values))
		.map((rule) => broken(service, rule, values));
}

/**
 * The whole request before it is sent (answers reused from an earlier request were never
 * checked one by one): a broken rule, or a required question that applies but has no answer.
 */
export function reviewRequest(
	service: ResolvedService,
	values: Record<string, unknown>,
): BrokenRule | undefined {
	for (const rule of service.rules ?? []) {
		if (breaks(rule, values)) return broken(service, rule, values);
	}
	const missing = service.fields.find(
		(f) => f.required && f.type !== 'records' && applies(f.when, values) && !present(values[f.key]),
	);
	return missing
		? {
				field: missing,
				messageKey: 'rule.missing',
				params: { label: missing.label },
				refuse: false,
			}
		: undefined;
}

/** Reads a service's `rules`: every field named must be one of its fields. */
export function readRules(raw: unknown, path: string, fields: FieldSpec[]): Rule[] {
	if (raw === undefined) return [];
	return readArray(raw, path).map((item, i) => {
		const at = `${path}[${i}]`;
		const o: Json = readObject(item, at);
		const kind = readString(o, 'kind', at) as Rule['kind'];
		if (!KINDS.includes(kind))
			throw new CatalogError(`${at}.kind`, `unknown rule "${kind}" (known: ${KINDS.join(', ')})`);
		const field = (key: string) => {
			const name = readString(o, key, at) as string;
			if (!fields.some((f) => f.key === name))
				throw new CatalogError(`${at}.${key}`, `"${name}" is not a field of this service`);
			return name;
		};
		const base = { field: field('field'), message: readString(o, 'message', at) as string };
		const refuse = o.refuse === true;
		if (kind === 'oneOf')
			return { kind, ...base, refuse, values: readArray(o.values, `${at}.values`).map(String) };
		if (kind === 'spouse') return readSpouseRule(o, at, base, refuse, field, fields);
		if (kind === 'moneyPlausible') {
			if (typeof o.min !== 'number') throw new CatalogError(`${at}.min`, 'expected a number');
			return { kind, ...base, refuse, min: o.min };
		}
		return { kind, ...base, refuse, than: field('than') };
	});
}

/**
 * A spouse rule: `field` a records field whose `name` and `relation` (a choice with the `wife`
 * and `husband` labels) are its fields, `spouse` and `deceasedNik` top-level fields.
 */
function readSpouseRule(
	o: Json,
	at: string,
	base: { field: string; message: string },
	refuse: boolean,
	field: (key: string) => string,
	fields: FieldSpec[],
): Rule {
	const records = fields.find((f) => f.key === base.field)!;
	if (records.type !== 'records')
		throw new CatalogError(`${at}.field`, `"${base.field}" is not a records field`);
	const inner = (key: string) => {
		const name = readString(o, key, at) as string;
		const found = records.fields?.find((f) => f.key === name);
		if (!found)
			throw new CatalogError(`${at}.${key}`, `"${name}" is not a field of "${base.field}"`);
		return found;
	};
	const relation = inner('relation');
	const labels = relation.options?.map((option) => option.label) ?? [];
	const label = (key: string) => {
		const value = readString(o, key, at) as string;
		if (!labels.includes(value))
			throw new CatalogError(`${at}.${key}`, `"${value}" is not an option of "${relation.key}"`);
		return value;
	};
	const maxWives = o.maxWives ?? 1;
	if (typeof maxWives !== 'number' || !Number.isInteger(maxWives) || maxWives < 1)
		throw new CatalogError(`${at}.maxWives`, 'expected a whole number from 1');
	return {
		kind: 'spouse',
		...base,
		refuse,
		spouse: field('spouse'),
		deceasedNik: field('deceasedNik'),
		name: inner('name').key,
		relation: relation.key,
		wife: label('wife'),
		husband: label('husband'),
		maxWives,
	};
}

/** The message keys a rule can answer with. */
function ruleMessages(rule: Rule): string[] {
	return rule.kind === 'spouse'
		? SPOUSE_MESSAGES.map((problem) => `${rule.message}.${problem}`)
		: [rule.message];
}

/** Every rule's message must exist, or the resident would read a bare key. */
export function checkRuleMessages(services: ResolvedService[], messages: Messages): void {
	services.forEach((service, s) =>
		(service.rules ?? []).forEach((rule, r) => {
			for (const key of ruleMessages(rule))
				if (typeof messages[key] !== 'string')
					throw new CatalogError(
						`services[${s}].rules[${r}].message`,
						`no message "${key}" in messages`,
					);
		}),
	);
	if (services.some((s) => s.rules?.length) && typeof messages['rule.missing'] !== 'string')
		throw new CatalogError('messages', 'no message "rule.missing" in messages');
}
