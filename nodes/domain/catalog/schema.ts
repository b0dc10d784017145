/**
 * Reading an admin's catalog JSON piece by piece. Everything is untrusted: each reader checks
 * types and throws a CatalogError naming the JSON path (`services[3].fields[2].type`).
 */

import { compilePattern } from '../validation/pattern';
import type { ChoiceOption, DocumentSpec, FieldSpec, FieldType, FieldValidation } from './types';

export class CatalogError extends Error {
	readonly path: string;

	constructor(path: string, detail: string) {
		super(`${path}: ${detail}`);
		this.name = 'CatalogError';
		this.path = path;
	}
}

export const FIELD_TYPES: readonly FieldType[] = [
	'text',
	'number',
	'year',
	'date',
	'choice',
	'nik',
	'kk',
	'phone',
	'money',
	'records',
];

/** Keys end up in template placeholders and sheet columns: keep them plain. */
const FIELD_KEY = /^[a-z][a-z0-9_]*$/;
const SERVICE_KEY = /^[a-z0-9][a-z0-9_-]*$/;

export type Json = Record<string, unknown>;

export function readObject(value: unknown, path: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new CatalogError(path, `expected an object, got ${describe(value)}`);
	}
	return value as Json;
}

export function readArray(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value))
		throw new CatalogError(path, `expected a list, got ${describe(value)}`);
	return value;
}

export function readString(
	o: Json,
	key: string,
	path: string,
	required = true,
): string | undefined {
	const value = o[key];
	if (value === undefined || value === null) {
		if (required) throw new CatalogError(`${path}.${key}`, 'missing (expected a text)');
		return undefined;
	}
	if (typeof value !== 'string') {
		throw new CatalogError(`${path}.${key}`, `expected a text, got ${describe(value)}`);
	}
	if (required && value.trim() === '')
		throw new CatalogError(`${path}.${key}`, 'must not be empty');
	return value;
}

export function readKey(o: Json, path: string, pattern: RegExp = FIELD_KEY): string {
	const key = readString(o, 'key', path) as string;
	if (!pattern.test(key)) {
		throw new CatalogError(
			`${path}.key`,
			`"${key}" is not a valid key (use lowercase letters, digits${pattern === SERVICE_KEY ? ', "-"' : ''} and "_")`,
		);
	}
	return key;
}

export function readBoolean(o: Json, key: string, path: string, fallback: boolean): boolean {
	const value = o[key];
	if (value === undefined) return fallback;
	if (typeof value !== 'boolean') {
		throw new CatalogError(`${path}.${key}`, `expected true or false, got ${describe(value)}`);
	}
	return value;
}

export function readInteger(o: Json, key: string, path: string, min = 0): number | undefined {
	const value = o[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new CatalogError(
			`${path}.${key}`,
			`expected a whole number ≥ ${min}, got ${describe(value)}`,
		);
	}
	return value;
}

function readNumber(o: Json, key: string, path: string): number | undefined {
	const value = o[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new CatalogError(`${path}.${key}`, `expected a number, got ${describe(value)}`);
	}
	return value;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
	return typeof value === 'object' ? 'an object' : String(value);
}

export function readStringList(value: unknown, path: string): string[] {
	return readArray(value, path).map((item, i) => {
		if (typeof item !== 'string')
			throw new CatalogError(`${path}[${i}]`, `expected a text, got ${describe(item)}`);
		return item;
	});
}

/** One field. `nested` is true inside a records field (records do not nest). */
export function readField(raw: unknown, path: string, nested = false): FieldSpec {
	const o = readObject(raw, path);
	const key = readKey(o, path);
	const type = o.type;
	if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
		throw new CatalogError(
			`${path}.type`,
			`unknown field type ${describe(type)} (expected one of ${FIELD_TYPES.join(', ')})`,
		);
	}
	const field: FieldSpec = {
		...(o as unknown as FieldSpec),
		key,
		label: readString(o, 'label', path) as string,
		question: readString(o, 'question', path) as string,
		type: type as FieldType,
		required: readBoolean(o, 'required', path, true),
	};
	if (o.hint !== undefined) field.hint = readString(o, 'hint', path, false);
	readBoolean(o, 'remember', path, false);
	// Settings that belong to other types are dropped rather than carried along unchecked.
	if (type !== 'choice') delete field.options;
	if (type !== 'records') {
		for (const extra of ['fields', 'minItems', 'maxItems', 'itemLabel'] as const)
			delete field[extra];
	}
	if (type === 'choice') field.options = readOptions(o.options, `${path}.options`);
	if (o.validation !== undefined)
		field.validation = readValidation(o.validation, `${path}.validation`);
	if (type === 'records') {
		if (nested)
			throw new CatalogError(
				`${path}.type`,
				'a records field cannot be inside another records field',
			);
		const list = o.fields === undefined ? [] : readArray(o.fields, `${path}.fields`);
		if (list.length === 0)
			throw new CatalogError(`${path}.fields`, 'a records field needs at least one field');
		field.fields = readFieldList(list, `${path}.fields`, true);
		const minItems = readInteger(o, 'minItems', path) ?? 0;
		const maxItems = readInteger(o, 'maxItems', path, 1);
		if (maxItems !== undefined && minItems > maxItems) {
			throw new CatalogError(
				`${path}.minItems`,
				`minItems (${minItems}) is greater than maxItems (${maxItems})`,
			);
		}
		field.minItems = minItems;
		field.maxItems = maxItems;
		if (o.itemLabel !== undefined) field.itemLabel = readString(o, 'itemLabel', path);
	}
	if (o.capitalize !== undefined) {
		if (type !== 'text')
			throw new CatalogError(`${path}.capitalize`, 'capitalize only applies to text fields');
		if (o.capitalize !== 'words' && o.capitalize !== 'sentence')
			throw new CatalogError(
				`${path}.capitalize`,
				`expected "words" or "sentence", got ${describe(o.capitalize)}`,
			);
	}
	if (o.sameAs !== undefined) {
		field.sameAs = readStringList(o.sameAs, `${path}.sameAs`);
		if (field.sameAs.length === 0)
			throw new CatalogError(`${path}.sameAs`, 'sameAs needs at least one field key');
	}
	if (o.crossCheck !== undefined) {
		if (type !== 'nik')
			throw new CatalogError(`${path}.crossCheck`, 'crossCheck only applies to nik fields');
		const cross = readObject(o.crossCheck, `${path}.crossCheck`);
		const birthDate = readString(cross, 'birthDate', `${path}.crossCheck`, false);
		const sex = readString(cross, 'sex', `${path}.crossCheck`, false);
		field.crossCheck = { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}) };
	}
	return field;
}

/** A list of fields with unique keys whose cross-checks name earlier date/choice fields. */
export function readFieldList(list: unknown[], path: string, nested: boolean): FieldSpec[] {
	const fields = list.map((raw, i) => readField(raw, `${path}[${i}]`, nested));
	checkFieldOrder(fields, (i) => `${path}[${i}]`);
	return fields;
}

/**
 * Unique keys, and NIK cross-checks pointing at a date / choice field of the same list: one asked
 * before the NIK is checked against it, one asked after is read from the NIK and confirmed.
 */
export function checkFieldOrder(fields: FieldSpec[], pathOf: (i: number) => string): void {
	const seen = new Set<string>();
	fields.forEach((field, i) => {
		if (seen.has(field.key))
			throw new CatalogError(`${pathOf(i)}.key`, `duplicate field key "${field.key}"`);
		seen.add(field.key);
		for (const [part, type] of [
			['birthDate', 'date'],
			['sex', 'choice'],
		] as const) {
			const target = field.crossCheck?.[part];
			if (target === undefined) continue;
			const other = fields.find((f) => f.key === target);
			if (!other || other.type !== type || other === field) {
				throw new CatalogError(
					`${pathOf(i)}.crossCheck.${part}`,
					`needs a ${type} field "${target}" in the same list as "${field.key}"`,
				);
			}
		}
	});
}

function readOptions(value: unknown, path: string): ChoiceOption[] {
	if (value === undefined) throw new CatalogError(path, 'a choice field needs options');
	const list = readArray(value, path);
	if (list.length === 0) throw new CatalogError(path, 'a choice field needs at least one option');
	const ids = new Set<string>();
	return list.map((raw, i) => {
		const o = readObject(raw, `${path}[${i}]`);
		const id = readString(o, 'id', `${path}[${i}]`) as string;
		if (ids.has(id)) throw new CatalogError(`${path}[${i}].id`, `duplicate option id "${id}"`);
		ids.add(id);
		const option: ChoiceOption = { id, label: readString(o, 'label', `${path}[${i}]`) as string };
		if (o.aliases !== undefined)
			option.aliases = readStringList(o.aliases, `${path}[${i}].aliases`);
		return option;
	});
}

function readValidation(value: unknown, path: string): FieldValidation {
	const o = readObject(value, path);
	const rules: FieldValidation = {};
	for (const key of ['minLength', 'maxLength', 'padDigits'] as const) {
		const n = readInteger(o, key, path);
		if (n !== undefined) rules[key] = n;
	}
	for (const key of ['min', 'max'] as const) {
		const n = readNumber(o, key, path);
		if (n !== undefined) rules[key] = n;
	}
	if (rules.min !== undefined && rules.max !== undefined && rules.min > rules.max) {
		throw new CatalogError(`${path}.min`, `min (${rules.min}) is greater than max (${rules.max})`);
	}
	if (
		rules.minLength !== undefined &&
		rules.maxLength !== undefined &&
		rules.minLength > rules.maxLength
	) {
		throw new CatalogError(
			`${path}.minLength`,
			`minLength (${rules.minLength}) is greater than maxLength (${rules.maxLength})`,
		);
	}
	const pattern = readString(o, 'pattern', path, false);
	if (pattern !== undefined) {
		if (!compilePattern(pattern))
			throw new CatalogError(`${path}.pattern`, `not a valid regular expression: ${pattern}`);
		rules.pattern = pattern;
	}
	const patternMessage = readString(o, 'patternMessage', path, false);
	if (patternMessage !== undefined) rules.patternMessage = patternMessage;
	for (const key of ['notFuture', 'notPast', 'partial'] as const) {
		if (o[key] !== undefined) rules[key] = readBoolean(o, key, path, false);
	}
	return rules;
}

export function readDocument(raw: unknown, path: string): DocumentSpec {
	const o = readObject(raw, path);
	const min = readInteger(o, 'min', path) ?? 1;
	const max = readInteger(o, 'max', path, 1) ?? Math.max(min, 1);
	if (min > max) throw new CatalogError(`${path}.min`, `min (${min}) is greater than max (${max})`);
	const doc: DocumentSpec = {
		...(o as unknown as DocumentSpec),
		key: readKey(o, path),
		label: readString(o, 'label', path) as string,
		min,
		max,
		optional: readBoolean(o, 'optional', path, false),
	};
	if (o.hint !== undefined) doc.hint = readString(o, 'hint', path, false);
	return doc;
}

export { SERVICE_KEY };
