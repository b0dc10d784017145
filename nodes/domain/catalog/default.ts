import catalogJson from '../../../templates/catalog.json';
import { loadCatalog } from './load';
import type { Catalog } from './types';

let cached: Catalog | undefined;

/**
 * The bundled catalog (Kelurahan Oro-Oro Ombo), loaded and checked once. It is frozen: callers
 * share it, so a change made by one of them must not leak into the others.
 */
export function defaultCatalog(): Catalog {
	if (!cached) cached = deepFreeze(loadCatalog(catalogJson as unknown));
	return cached;
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value as object)) deepFreeze(child);
	}
	return value;
}
