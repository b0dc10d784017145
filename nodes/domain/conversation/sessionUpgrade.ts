/**
 * Sessions outlive upgrades (a Data Table cell): one saved by version 1, with its terse keys,
 * is rewritten into the current shape before it is checked, so a resident mid-request carries on.
 */
import { isObject } from '../values';
import { toEditItem } from './editItems';
import { SESSION_VERSION, type EditItem, type Position } from './types';

/** Version 1's position keys and what they are called now. */
const POSITION_KEYS_V1 = { f: 'field', r: 'record', s: 'subField', d: 'document' } as const;

/** The stored session in the current shape; anything not of version 1 is returned as it is. */
export function upgradeSession(raw: Record<string, unknown>): Record<string, unknown> {
	if (raw.v !== 1) return raw;
	const session: Record<string, unknown> = { ...raw, v: SESSION_VERSION };
	if (raw.pos !== undefined) session.pos = positionV1(raw.pos);
	if (raw.edit !== undefined) session.edit = editV1(raw.edit);
	if (Array.isArray(raw.history)) {
		session.history = raw.history.filter(isObject).map((entry) => ({
			...entry,
			...(entry.pos !== undefined ? { pos: positionV1(entry.pos) } : {}),
			...(entry.edit !== undefined ? { edit: editV1(entry.edit) } : {}),
		}));
	}
	if (Array.isArray(raw.sent)) {
		session.sent = raw.sent.filter(isObject).map((x) => ({ id: x.d, ticket: x.t }));
	}
	if (Array.isArray(raw.shown)) {
		session.shown = raw.shown.filter(isObject).map((x) => ({
			signature: x.h,
			items: isObject(x.f)
				? Object.fromEntries(
						Object.entries(x.f).flatMap(([item, hash]) => {
							const upgraded = toEditItem(item);
							return upgraded ? [[upgraded, hash]] : [];
						}),
					)
				: x.f,
		}));
	}
	return session;
}

/** `{ f, r, s, d }` → `{ field, record, subField, document }`; not an object stays as it is. */
function positionV1(pos: unknown): unknown {
	if (!isObject(pos)) return pos;
	const upgraded: Position = {};
	for (const [old, name] of Object.entries(POSITION_KEYS_V1)) {
		const index = pos[old];
		if (typeof index === 'number') upgraded[name] = index;
	}
	return upgraded;
}

/** `'f:<key>'` / `'d:<key>'` → `'field:<key>'` / `'document:<key>'`; not a list stays as it is. */
function editV1(edit: unknown): unknown {
	if (!Array.isArray(edit)) return edit;
	return edit.map(toEditItem).filter((item): item is EditItem => item !== undefined);
}
