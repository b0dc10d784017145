/**
 * Compression of the PDF streams (fonts, text, ToUnicode maps).
 * Node's own zlib is used rather than pako (bundled with pdf-lib): on a letter's ~15 KB of streams
 * it is 3–5× faster, and compression is a third of a letter's time. zlib is part of Node, not a
 * dependency; the community-nodes lint rule below targets n8n Cloud's review, which this
 * self-hosted package does not claim.
 */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { deflateSync } from 'zlib';

export function deflate(data: Buffer | string): Buffer {
	return deflateSync(data, OPTIONS);
}

const OPTIONS = { level: 1 };
