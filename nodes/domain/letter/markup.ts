/**
 * Parses letter markup (the small XML-like tag set the templates use, after Handlebars filled
 * it) into the document model. Values that Handlebars escaped come back as plain text, so a
 * resident's `<b>` or `{{x}}` prints as typed.
 */
import type { Align, Block, KopLine, LetterDocument, Run, SignatureLine } from './model';

export class MarkupError extends Error {
	constructor(
		message: string,
		readonly line: number,
	) {
		super(`${message} (line ${line} of the filled-in markup)`);
	}
}

interface Node {
	tag: string;
	attrs: Record<string, string>;
	children: Array<Node | string>;
	line: number;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const cp =
				name[1] === 'x' || name[1] === 'X'
					? parseInt(name.slice(2), 16)
					: parseInt(name.slice(1), 10);
			return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
		}
		// Own keys only: "&constructor;" must print as typed, not Object.prototype's function.
		const key = name.toLowerCase();
		return Object.prototype.hasOwnProperty.call(ENTITIES, key) ? ENTITIES[key] : whole;
	});
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->/gi;
const VOID = new Set(['br', 'qr', 'space', 'pagebreak', 'gap']);

function parseTree(markup: string): Node {
	const root: Node = { tag: '#root', attrs: {}, children: [], line: 1 };
	const stack = [root];
	let last = 0;
	// Line numbers for messages, counted incrementally (tags come in order).
	let line = 1;
	let counted = 0;
	const lineAt = (index: number) => {
		for (; counted < index; counted++) if (markup.charCodeAt(counted) === 10) line++;
		return line;
	};
	for (const m of markup.matchAll(TAG)) {
		const top = stack[stack.length - 1];
		if (m.index! > last) top.children.push(markup.slice(last, m.index));
		last = m.index! + m[0].length;
		if (m[0].startsWith('<!--')) continue;
		const [, closing, rawTag, rawAttrs, selfClosing] = m;
		const tag = rawTag.toLowerCase();
		const at = lineAt(m.index!);
		if (closing) {
			if (top.tag !== tag) {
				throw new MarkupError(`</${tag}> closes <${top.tag}>`, at);
			}
			stack.pop();
			continue;
		}
		const attrs: Record<string, string> = {};
		for (const a of rawAttrs.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) {
			attrs[a[1].toLowerCase()] = a[2] ?? 'true';
		}
		const node: Node = { tag, attrs, children: [], line: at };
		top.children.push(node);
		if (!selfClosing && !VOID.has(tag)) stack.push(node);
	}
	if (last < markup.length) stack[stack.length - 1].children.push(markup.slice(last));
	if (stack.length > 1) {
		const open = stack[stack.length - 1];
		throw new MarkupError(`<${open.tag}> is never closed`, open.line);
	}
	return root;
}

const INLINE: Record<string, keyof Run> = {
	b: 'bold',
	strong: 'bold',
	i: 'italic',
	em: 'italic',
	u: 'underline',
};

/** Inline content → runs; whitespace collapses as in HTML. */
function runs(node: Node, style: Omit<Run, 'text'> = {}, out: Run[] = []): Run[] {
	for (const child of node.children) {
		if (typeof child === 'string') {
			const text = decodeEntities(child.replace(/\s+/g, ' '));
			if (text) out.push({ text, ...style });
		} else if (child.tag === 'br') {
			out.push({ text: '', br: true, ...style });
		} else if (INLINE[child.tag]) {
			runs(child, { ...style, [INLINE[child.tag]]: true }, out);
		} else {
			throw new MarkupError(`<${child.tag}> cannot be used inside <${node.tag}>`, child.line);
		}
	}
	return trim(out);
}

function trim(list: Run[]): Run[] {
	const out = list.map((r) => ({ ...r }));
	while (out.length && !out[0].br && !(out[0].text = out[0].text.replace(/^ +/, ''))) out.shift();
	while (
		out.length &&
		!out[out.length - 1].br &&
		!(out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, ''))
	)
		out.pop();
	return out;
}

function elements(node: Node, allowed: string[]): Node[] {
	const out: Node[] = [];
	for (const child of node.children) {
		if (typeof child === 'string') {
			if (child.trim())
				throw new MarkupError(
					`text "${child.trim().slice(0, 30)}" must be inside an element of <${node.tag}>`,
					node.line,
				);
		} else if (!allowed.includes(child.tag)) {
			throw new MarkupError(
				`<${child.tag}> cannot be used inside <${node.tag}> (expected ${allowed.map((a) => `<${a}>`).join(', ')})`,
				child.line,
			);
		} else out.push(child);
	}
	return out;
}

function num(node: Node, name: string, fallback: number): number {
	const raw = node.attrs[name];
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0)
		throw new MarkupError(`<${node.tag} ${name}="${raw}"> is not a number`, node.line);
	return value;
}

function align(node: Node, fallback: Align): Align {
	const value = node.attrs.align ?? fallback;
	if (!['justify', 'left', 'center', 'right'].includes(value))
		throw new MarkupError(`align="${value}" is not justify, left, center or right`, node.line);
	return value as Align;
}

function signatureLines(node: Node): SignatureLine[] {
	return elements(node, ['line', 'qr', 'gap']).map((el): SignatureLine => {
		if (el.tag === 'qr') return { kind: 'qr' };
		if (el.tag === 'gap')
			return 'sign' in el.attrs
				? { kind: 'gap', size: num(el, 'size', 12), sign: true }
				: { kind: 'gap', size: num(el, 'size', 12) };
		return el.attrs.size === undefined
			? { kind: 'text', runs: runs(el) }
			: { kind: 'text', runs: runs(el), size: num(el, 'size', 12) };
	});
}

function block(el: Node): Block {
	switch (el.tag) {
		case 'kop':
			return {
				kind: 'kop',
				emblem: el.attrs.emblem !== 'false',
				lines: elements(el, ['line']).map(
					(l): KopLine => ({
						runs: runs(l, { bold: 'bold' in l.attrs || undefined }),
						size: num(l, 'size', 12),
					}),
				),
			};
		case 'title':
			return {
				kind: 'title',
				runs: runs(el, { bold: true, underline: true }),
				size: num(el, 'size', 13),
			};
		case 'p':
			return {
				kind: 'paragraph',
				runs: runs(el),
				align: align(el, 'justify'),
				indent: num(el, 'indent', 0),
				firstIndent: num(el, 'first-indent', 0),
			};
		case 'fields':
			return {
				kind: 'fields',
				indent: num(el, 'indent', 0),
				rows: elements(el, ['field']).map((f) => ({
					label: runs({ ...f, children: [f.attrs.label ?? ''] }),
					value: runs(f),
				})),
			};
		case 'table': {
			const rows = elements(el, ['tr']);
			const cells = (tr: Node) =>
				elements(tr, ['td', 'th']).map((c) => runs(c, c.tag === 'th' ? { bold: true } : {}));
			const header = rows.filter(
				(r) =>
					'header' in r.attrs || r.children.some((c) => typeof c !== 'string' && c.tag === 'th'),
			);
			const body = rows.filter((r) => !header.includes(r));
			const widths = (el.attrs.widths ?? '').split(',').filter(Boolean).map(Number);
			const columns = Math.max(widths.length, ...rows.map((r) => cells(r).length));
			if (widths.some((w) => !(w > 0) || !Number.isFinite(w)))
				throw new MarkupError(
					`<table widths="${el.attrs.widths}"> must list positive numbers`,
					el.line,
				);
			const aligns = (el.attrs.align ?? '').split(',').filter(Boolean) as Align[];
			return {
				kind: 'table',
				widths: Array.from({ length: columns }, (_, i) => widths[i] ?? 1),
				header: header.map(cells),
				rows: body.map(cells),
				align: Array.from({ length: columns }, (_, i) => aligns[i] ?? 'left'),
				size: el.attrs.size === undefined ? undefined : num(el, 'size', 11),
			};
		}
		case 'space':
			return { kind: 'space', size: num(el, 'size', 12) };
		case 'pagebreak':
			return { kind: 'pagebreak' };
		case 'signature': {
			const left = el.children.find(
				(c): c is Node => typeof c !== 'string' && c.tag === 'countersign',
			);
			return {
				kind: 'signature',
				left: left ? signatureLines(left) : [],
				lines: signatureLines({ ...el, children: el.children.filter((c) => c !== left) }),
			};
		}
		default:
			throw new MarkupError(`unknown element <${el.tag}>`, el.line);
	}
}

/** `<letter size="12">…blocks…</letter>` → the document model. */
export function parseLetterMarkup(markup: string): LetterDocument {
	const root = parseTree(markup);
	const [letter] = elements(root, ['letter']);
	if (!letter) throw new MarkupError('the template must contain one <letter> element', 1);
	const blocks = elements(letter, [
		'kop',
		'title',
		'p',
		'fields',
		'table',
		'space',
		'pagebreak',
		'signature',
	]).map(block);
	const pageLabel = letter.attrs['page-label'];
	return {
		blocks,
		size: num(letter, 'size', 12),
		...(pageLabel !== undefined ? { pageLabel } : {}),
		...('draft' in letter.attrs ? { draft: true } : {}),
	};
}
