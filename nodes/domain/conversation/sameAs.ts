/**
 * "sama" for an address asked a second time (an heir living in the same house, the KTP address
 * the same as the home address): the earlier answer is copied, so nobody types it twice.
 */
import type { FieldSpec, ResolvedService } from '../catalog/types';
import { isWord, type Texts } from './texts';

/** The copied answer when `text` says "the same" and the fields it refers to are answered. */
export function sameAnswer(
	texts: Texts,
	service: ResolvedService,
	field: FieldSpec,
	values: Record<string, unknown>,
	text: string,
): string | undefined {
	if (!field.sameAs?.length || !isWord(texts, 'answer.same.words', text)) return undefined;
	const parts: string[] = [];
	for (const [i, key] of field.sameAs.entries()) {
		const value = values[key];
		if (value === undefined || value === null || value === '') continue;
		const label = service.fields.find((f) => f.key === key)?.label ?? key;
		parts.push(i === 0 ? String(value) : `${label} ${String(value)}`);
	}
	return parts.length > 0 ? parts.join(', ') : undefined;
}
