/**
 * What a staff note asks to fix: "Foto KTP buram, NIK salah" names the KTP document and the NIK
 * field. Staff write notes for people, so this only reads whole words matching a document's or a
 * field's key or label; anything it cannot place is left for the resident to pick from the summary.
 */
import type { ResolvedService } from './types';

const fold = (text: string) =>
	` ${text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()} `;

function names(label: string, key?: string): string[] {
	const short = label.split('(')[0];
	return [label, short, ...(key ? [key.replace(/[_-]+/g, ' ')] : [])]
		.map(fold)
		.filter((n) => n.trim().length >= 2);
}

interface Candidate {
	kind: 'field' | 'document';
	key: string;
	names: string[];
}

/**
 * Every name found in the note, longest first, each claiming its words: "nama usaha" is the
 * business name, not also the resident's name. Documents are also known by key ("KK", "KTP");
 * fields only by label, since keys such as "rt" or "nama" are common words.
 */
export function mentionedKeys(
	note: string,
	service: ResolvedService,
): { fieldKeys: string[]; documentKeys: string[] } {
	const text = fold(note ?? '');
	const candidates: Candidate[] = [
		...service.documents.map((d) => ({
			kind: 'document' as const,
			key: d.key,
			names: names(d.label, d.key),
		})),
		...service.fields.map((f) => ({ kind: 'field' as const, key: f.key, names: names(f.label) })),
	];
	const hits = candidates
		.flatMap((c) =>
			c.names.flatMap((name) =>
				spans(text, name).map((start) => ({ c, start, end: start + name.length })),
			),
		)
		.sort((a, b) => b.end - b.start - (a.end - a.start));
	const claimed: Array<[number, number]> = [];
	const found = { fieldKeys: [] as string[], documentKeys: [] as string[] };
	for (const hit of hits) {
		// Names are padded with a space each side; neighbours may share one.
		const [start, end] = [hit.start + 1, hit.end - 1];
		if (claimed.some(([s, e]) => start < e && s < end)) continue;
		claimed.push([start, end]);
		const list = hit.c.kind === 'field' ? found.fieldKeys : found.documentKeys;
		if (!list.includes(hit.c.key)) list.push(hit.c.key);
	}
	const order = (keys: string[], all: Array<{ key: string }>) =>
		all.map((x) => x.key).filter((k) => keys.includes(k));
	return {
		fieldKeys: order(found.fieldKeys, service.fields),
		documentKeys: order(found.documentKeys, service.documents),
	};
}

function spans(text: string, name: string): number[] {
	const out: number[] = [];
	for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push(at);
	return out;
}
