/**
 * The application kept in the request row ("Berkas (JSON)"), from which approvals print the
 * letter. A Google Sheets cell holds 50,000 characters; a large application (30 heirs with long
 * names, many files: 65,773 characters) is stored deflated and base64-encoded behind a prefix,
 * typically a tenth of its size. One that does not fit even so is refused at submission
 * (`fitsInRow`), never cut: a cut application could not be read back and would never get a letter.
 */
// zlib is part of Node, not a dependency (see letter/deflate.ts for the lint rule).
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { deflateRawSync, inflateRawSync } from 'zlib';

/** Google Sheets refuses cells over 50,000 characters. */
export const CELL_LIMIT = 50000;
/** Marks a deflated application (JSON never starts with it). */
export const DEFLATED_PREFIX = 'deflate:';

/** The cell text for an application's JSON, or undefined when it cannot fit in one cell. */
export function encodeApplicationCell(json: string): string | undefined {
	if (json.length <= CELL_LIMIT) return json;
	const packed = DEFLATED_PREFIX + deflateRawSync(json, { level: 9 }).toString('base64');
	return packed.length <= CELL_LIMIT ? packed : undefined;
}

/** The application from a cell (plain or deflated JSON, or an object already), or undefined. */
export function decodeApplicationCell(cell: unknown): Record<string, unknown> | undefined {
	if (cell && typeof cell === 'object' && !Array.isArray(cell))
		return cell as Record<string, unknown>;
	try {
		let text = String(cell ?? '');
		if (text.startsWith(DEFLATED_PREFIX))
			text = inflateRawSync(Buffer.from(text.slice(DEFLATED_PREFIX.length), 'base64'), {
				// A forged cell must not inflate into gigabytes.
				maxOutputLength: 16 * 1024 * 1024,
			}).toString('utf8');
		const value = JSON.parse(text) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Whether the request row can keep this application whole. */
export function fitsInRow(application: unknown): boolean {
	return encodeApplicationCell(JSON.stringify(application)) !== undefined;
}
