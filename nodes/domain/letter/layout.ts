/**
 * Layout: the document model → pages of positioned marks (text, rules, emblem, QR), inside the
 * margins. Each block is laid out into pieces by a pure function (layoutBlocks, layoutTable,
 * layoutSignature); this file decides, through the page flow, what goes on which page.
 */
import { fieldLabelWidth, layoutFields, layoutKop } from './layoutBlocks';
import { layoutSignature } from './layoutSignature';
import { layoutTable, TableLayoutError, type TableBlock } from './layoutTable';
import {
	DESCENT,
	lineHeight,
	lineWidth,
	textPieces,
	type LaidOutLetter,
	type PageGeometry,
} from './marks';
import type { Block, LetterDocument, SignatureLine } from './model';
import { PageFlow } from './pageFlow';
import { Typesetter } from './typeset';

export type { LaidOutLetter, Mark, PageGeometry } from './marks';

const PAGE_LABEL_SIZE = 9;
/** Room below a paragraph or a field block, in ems of the text. */
const AFTER = 0.4;

function layoutOnce(doc: LetterDocument, page: PageGeometry): LaidOutLetter {
	const ts = new Typesetter();
	const flow = new PageFlow(page);
	flowBlocks(doc, flow, ts);
	return { pages: flow.pages, warnings: [...ts.warnings], ...(doc.draft ? { draft: true } : {}) };
}

/**
 * Lays the letter out. A letter that would run onto one more page only by a little is set a
 * half or a whole point smaller (its spacing with it) when that keeps it a page shorter, so a
 * one-page letter stays one page with a long kop or on A4. A letter over more than one page
 * is laid out with room at the foot of each page for its page label ("Halaman 2 dari 4").
 */
export function layoutLetter(doc: LetterDocument, page: PageGeometry): LaidOutLetter {
	const laid = layoutPaged(doc, page);
	for (const step of TIGHTER_STEPS) {
		if (laid.pages.length < 2) break;
		const tighter = layoutPaged(tightened(doc, step), page);
		if (tighter.pages.length < laid.pages.length) return tighter;
	}
	return laid;
}

/** How much smaller (points) a letter may be set to save a page. */
const TIGHTER_STEPS = [0.5, 1, 1.5];

/** The document `step` points smaller: text, tables and the room between blocks. */
function tightened(doc: LetterDocument, step: number): LetterDocument {
	const scale = (doc.size - step) / doc.size;
	return {
		...doc,
		size: doc.size - step,
		after: AFTER - step * 0.1,
		blocks: doc.blocks.map((b) => {
			if (b.kind === 'table') return { ...b, size: (b.size ?? doc.size - 1) - step };
			if (b.kind === 'space') return { ...b, size: b.size * scale };
			if (b.kind === 'signature') return { ...b, lines: b.lines.map((l) => tighterGap(l, step)) };
			return b;
		}),
	};
}

/** The signature space gives up to 12 points (of 64), still room for a signature and cap. */
function tighterGap(line: SignatureLine, step: number): SignatureLine {
	return line.kind === 'gap' && line.sign
		? { ...line, size: Math.max(52, line.size - step * 8) }
		: line;
}

function layoutPaged(doc: LetterDocument, page: PageGeometry): LaidOutLetter {
	const once = layoutOnce(doc, page);
	if (once.pages.length < 2 || !doc.pageLabel) return once;
	const footer = PAGE_LABEL_SIZE * 2.2;
	const shorter = { ...page, margin: { ...page.margin, bottom: page.margin.bottom + footer } };
	const laid = layoutOnce(doc, shorter);
	const ts = new Typesetter();
	const total = laid.pages.length;
	laid.pages.forEach((marks, i) => {
		const text = doc
			.pageLabel!.replace(/\{page\}/g, String(i + 1))
			.replace(/\{pages\}/g, String(total));
		const [line] = ts.lines([{ text }], PAGE_LABEL_SIZE, Infinity);
		const right = page.width - page.margin.right;
		for (const p of ts.place(line, 0, 'left', true)) {
			marks.push({
				kind: 'text',
				x: right - lineWidth(line) + p.x,
				baseline: page.height - page.margin.bottom - PAGE_LABEL_SIZE * DESCENT - 1,
				size: PAGE_LABEL_SIZE,
				face: p.face,
				text: p.text,
			});
		}
	});
	return laid;
}

/** Lays the document's blocks into the flow, one below another from its cursor. */
export function flowBlocks(doc: LetterDocument, flow: PageFlow, ts: Typesetter): void {
	const labelWidths = new Map<number, number>();
	const labelWidth = (indent: number) => {
		let width = labelWidths.get(indent);
		if (width === undefined) {
			width = fieldLabelWidth(ts, doc.blocks, indent, doc.size);
			labelWidths.set(indent, width);
		}
		return width;
	};
	const size = doc.size;
	const after = doc.after ?? AFTER;
	doc.blocks.forEach((b, i) => {
		if (b.kind === 'paragraph') {
			keepWithSignature(doc, flow, ts, b, doc.blocks.slice(i + 1));
			// The paragraphs introducing a table (the date, then "Para Ahli Waris:") go with it.
			const next = doc.blocks[i + 1];
			const third = doc.blocks[i + 2];
			if (next?.kind === 'table') keepWithTable(doc, flow, ts, [b], next);
			else if (next?.kind === 'paragraph' && third?.kind === 'table')
				keepWithTable(doc, flow, ts, [b, next], third);
		}
		switch (b.kind) {
			case 'kop':
				return flow.place(layoutKop(ts, b.lines, b.emblem, flow));
			case 'title':
				for (const p of textPieces(ts, b.runs, flow.left, flow.width, 'center', b.size))
					flow.add(p);
				return;
			case 'paragraph':
				for (const p of paragraphPieces(flow, ts, b, size)) flow.add(p);
				return flow.advance(size * after);
			case 'fields':
				for (const p of layoutFields(ts, b.rows, b.indent, size, labelWidth(b.indent), flow))
					flow.add(p);
				return flow.advance(size * after);
			case 'table':
				return flowTable(flow, ts, b, b.size ?? size - 1);
			case 'space':
				return flow.advanceWithinPage(b.size);
			case 'pagebreak':
				return flow.newPage();
			case 'signature': {
				const signature = layoutSignature(ts, b.lines, b.left, size, flow);
				flow.ensure(signature.height);
				return flow.columns(signature.columns);
			}
		}
	});
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

function paragraphPieces(flow: PageFlow, ts: Typesetter, p: Paragraph, size: number) {
	const x = flow.left + p.indent;
	return textPieces(ts, p.runs, x, flow.width - p.indent, p.align, size, p.firstIndent);
}

/** The height of a paragraph with the room below it. */
function paragraphHeight(
	doc: LetterDocument,
	flow: PageFlow,
	ts: Typesetter,
	p: Paragraph,
	size: number,
): number {
	const width = flow.width - p.indent;
	const lines = ts.lines(p.runs, size, width, width - p.firstIndent).length;
	return lines * lineHeight(size) + size * (doc.after ?? AFTER);
}

/**
 * The closing paragraph goes to the next page with the signature rather than leave the
 * signature alone on a page of its own.
 */
function keepWithSignature(
	doc: LetterDocument,
	flow: PageFlow,
	ts: Typesetter,
	p: Paragraph,
	rest: Block[],
): void {
	let height = 0;
	for (const next of rest) {
		if (next.kind === 'space') height += next.size;
		else if (next.kind === 'signature') {
			const paragraph = paragraphHeight(doc, flow, ts, p, doc.size);
			const signature = layoutSignature(ts, next.lines, next.left, doc.size, flow).height;
			const total = paragraph + height + signature;
			const fitsAlone = flow.y + paragraph <= flow.bottom;
			if (fitsAlone && flow.y + total > flow.bottom && total <= flow.bottom - flow.top)
				flow.newPage();
			return;
		} else return;
	}
}

/** Paragraphs introducing a table go to the next page with its header and first row. */
function keepWithTable(
	doc: LetterDocument,
	flow: PageFlow,
	ts: Typesetter,
	paragraphs: Paragraph[],
	table: TableBlock,
): void {
	const laid = layoutTable(ts, table, table.size ?? doc.size - 1, flow);
	const start = laid ? laid.headerHeight + laid.rows[0].lines * laid.lineHeight + 2 * laid.pad : 0;
	const intro = paragraphs.reduce((h, p) => h + paragraphHeight(doc, flow, ts, p, doc.size), 0);
	if (intro + start <= flow.bottom - flow.top) flow.ensure(intro + start);
}

/**
 * A table: its header starts a page with its first row, never alone; rows move to the next page
 * whole, under the header again, unless taller than a page: then they split between lines.
 */
function flowTable(flow: PageFlow, ts: Typesetter, b: TableBlock, size: number): void {
	const table = layoutTable(ts, b, size, flow);
	if (!table) return;
	const { header, rows, headerHeight, lineHeight: lh, pad } = table;
	// A header taller than a page would start page after page without ever placing a row.
	if (flow.top + headerHeight + lh + 2 * pad > flow.bottom)
		throw new TableLayoutError(
			`a table header is taller than a page (widths="${b.widths.join(',')}"): give its narrow columns more width or shorten the header`,
		);
	const placeHeader = () => header.forEach((r) => flow.place(r.slice(0, r.lines)));
	const firstRow = rows[0].lines * lh + 2 * pad;
	flow.ensure(Math.min(headerHeight + firstRow, flow.bottom - flow.top));
	placeHeader();
	for (const row of rows) {
		let done = 0;
		while (done < row.lines) {
			const room = Math.floor((flow.bottom - flow.y - 2 * pad) / lh);
			const fresh = Math.floor((flow.bottom - flow.top - headerHeight - 2 * pad) / lh);
			if (room < Math.min(row.lines - done, fresh) || room < 1) {
				flow.newPage();
				placeHeader();
				continue;
			}
			const count = Math.min(room, row.lines - done);
			flow.place(row.slice(done, count));
			done += count;
		}
	}
	flow.advance(table.after);
}
