/**
 * Items to re-ask after a change or a staff fix: `field:<key>` or `document:<key>`; also the
 * option ids of the change list, so the chosen option is the item to re-ask.
 */
import type { EditItem } from './types';

export function fieldItem(key: string): EditItem {
	return `field:${key}`;
}

export function documentItem(key: string): EditItem {
	return `document:${key}`;
}

/** What an item names. */
export function parseEditItem(item: EditItem): { kind: 'field' | 'document'; key: string } {
	const colon = item.indexOf(':');
	return { kind: item.slice(0, colon) as 'field' | 'document', key: item.slice(colon + 1) };
}

/** An item from a stored session in the current form: version 1 wrote `f:<key>` and `d:<key>`. */
export function toEditItem(x: unknown): EditItem | undefined {
	if (typeof x !== 'string') return undefined;
	const match = /^(field|document|f|d):(.+)$/s.exec(x);
	if (!match) return undefined;
	const kind = match[1] === 'f' || match[1] === 'field' ? 'field' : 'document';
	return `${kind}:${match[2]}`;
}
