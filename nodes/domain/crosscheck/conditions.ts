/**
 * Conditional questions and documents: `"when": { "field": "barang_hilang", "notIn": ["KK"] }`
 * asks a field or a document only when an earlier answer (as stored: a choice's label) fits.
 */
import { CatalogError, readArray, readObject, readString, type Json } from '../catalog/schema';
import type { Condition } from './types';

export type { Condition } from './types';

/** Whether a field or document with this condition applies to the answers given so far. */
export function applies(when: Condition | undefined, values: Record<string, unknown>): boolean {
	if (!when) return true;
	const value = values[when.field];
	const answer = value === null || value === undefined ? undefined : String(value);
	if (when.in && !(answer !== undefined && when.in.includes(answer))) return false;
	if (when.notIn && answer !== undefined && when.notIn.includes(answer)) return false;
	return true;
}

/** Reads a `when` from the catalog; `earlier` are the keys asked before it, by type. */
export function readCondition(
	raw: unknown,
	path: string,
	earlier: Map<string, { type: string; options?: Array<{ label: string }> }>,
): Condition {
	const o: Json = readObject(raw, path);
	const field = readString(o, 'field', path) as string;
	const target = earlier.get(field);
	if (!target)
		throw new CatalogError(`${path}.field`, `"${field}" is not a field asked before this one`);
	const condition: Condition = { field };
	for (const key of ['in', 'notIn'] as const) {
		if (o[key] === undefined) continue;
		const list = readArray(o[key], `${path}.${key}`).map(String);
		const labels = target.options?.map((option) => option.label);
		const unknown = labels ? list.filter((v) => !labels.includes(v)) : [];
		if (unknown.length)
			throw new CatalogError(
				`${path}.${key}`,
				`${unknown.map((v) => `"${v}"`).join(', ')} is not an option of "${field}" (options: ${labels!.join(', ')})`,
			);
		condition[key] = list;
	}
	if (!condition.in && !condition.notIn)
		throw new CatalogError(path, 'a condition needs "in" or "notIn"');
	return condition;
}
