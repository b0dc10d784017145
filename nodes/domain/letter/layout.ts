/**
 * Layout: the document model → pages of positioned marks (text, rules, emblem, QR), inside the
 * margins. Coordinates are points from the page's top-left corner; drawing flips them.
 */
import type { FaceName } from './fonts';
import type { Align, Block, LetterDocument, Run } from './model';
import { layTable } from './layoutTable';
import { laySignature, measureSignature } from './layoutSignature';
import { Typesetter, type Line } from './typeset';

export interface PageGeometry {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export type Mark =
	| {
			kind: 'text';
			x: number;
			baseline: number;
			size: number;
			face: FaceName;
			text: string;
			underline?: number;
	  }
	| { kind: 'rule'; x1: number; x2: number; y: number; thickness: number }
	| { kind: 'box'; x: number; y: number; w: number; h: number }
	| { kind: 'emblem'; x: number; y: number; w: number; h: number }
	| { kind: 'qr'; x: number; y: number; size: number }
	// Shapes (the report's charts): a filled rectangle in a grey (0 black … 1 white), a line
	// (dashed with `dash`-point dashes), a filled dot of radius `r`.
	| { kind: 'rect'; x: number; y: number; w: number; h: number; grey: number }
	| {
			kind: 'line';
			x1: number;
			y1: number;
			x2: number;
			y2: number;
			thickness: number;
			dash?: number;
	  }
	| { kind: 'dot'; x: number; y: number; r: number };

export interface LaidOutLetter {
	pages: Mark[][];
	warnings: string[];
}

const LEADING = 1.3;
const ASCENT = 0.93;
const DESCENT = 0.24;

const PAGE_LABEL_SIZE = 9;

/**
 * Lays the letter out; a letter that runs over more than one page is laid out again with room
 * at the foot of each page for its page label ("Halaman 2 dari 4").
 */
export function layoutLetter(doc: LetterDocument, page: PageGeometry): LaidOutLetter {
	const once = new Layout(doc, page).run();
	if (once.pages.length < 2 || !doc.pageLabel) return once;
	const footer = PAGE_LABEL_SIZE * 2.2;
	const shorter = { ...page, margin: { ...page.margin, bottom: page.margin.bottom + footer } };
	const laid = new Layout(doc, shorter).run();
	const ts = new Typesetter();
	const total = laid.pages.length;
	laid.pages.forEach((marks, i) => {
		const text = doc
			.pageLabel!.replace(/\{page\}/g, String(i + 1))
			.replace(/\{pages\}/g, String(total));
		const [line] = ts.lines([{ text }], PAGE_LABEL_SIZE, Infinity);
		const right = page.width - page.margin.right;
		for (const p of ts.place(line, 0, 'left', true)) {
			const width = line.reduce((s, w, k) => s + w.width + (k ? w.space : 0), 0);
			marks.push({
				kind: 'text',
				x: right - width + p.x,
				baseline: page.height - page.margin.bottom - PAGE_LABEL_SIZE * DESCENT - 1,
				size: PAGE_LABEL_SIZE,
				face: p.face,
				text: p.text,
			});
		}
	});
	return laid;
}

/** Page state and the flowing of blocks; tables and signatures live in their own files. */
export class Layout {
	readonly ts = new Typesetter();
	readonly pages: Mark[][] = [[]];
	y: number;
	readonly left: number;
	readonly right: number;
	readonly bottom: number;

	constructor(
		private readonly doc: LetterDocument,
		readonly page: PageGeometry,
	) {
		const m = page.margin;
		this.left = m.left;
		this.right = page.width - m.right;
		this.bottom = page.height - m.bottom;
		this.y = m.top;
		if (this.right - this.left < 100 || this.bottom - m.top < 150) {
			throw new Error('The margins leave too little room for a letter.');
		}
	}

	run(): LaidOutLetter {
		const blocks = this.doc.blocks;
		blocks.forEach((block, i) => {
			if (block.kind === 'paragraph') {
				this.keepWithSignature(block, blocks.slice(i + 1));
				if (blocks[i + 1]?.kind === 'table') this.keepWithTable(block);
			}
			this.block(block);
		});
		return { pages: this.pages, warnings: [...this.ts.warnings] };
	}

	/**
	 * The closing paragraph goes to the next page with the signature rather than leave the
	 * signature alone on a page of its own.
	 */
	private keepWithSignature(p: Extract<Block, { kind: 'paragraph' }>, rest: Block[]): void {
		let height = 0;
		for (const next of rest) {
			if (next.kind === 'space') height += next.size;
			else if (next.kind === 'signature') {
				const size = this.doc.size;
				const width = this.right - this.left - p.indent;
				const lines = this.ts.lines(p.runs, size, width, width - p.firstIndent).length;
				const paragraph = lines * this.lineHeight(size) + size * 0.4;
				const total =
					paragraph + height + measureSignature(this, next.lines, next.left, size).height;
				const fitsAlone = this.y + paragraph <= this.bottom;
				if (
					fitsAlone &&
					this.y + total > this.bottom &&
					total <= this.bottom - this.page.margin.top
				)
					this.newPage();
				return;
			} else return;
		}
	}

	/** A paragraph introducing a table ("Para Ahli Waris:") goes to the next page with it. */
	private keepWithTable(p: Extract<Block, { kind: 'paragraph' }>): void {
		const size = this.doc.size;
		const width = this.right - this.left - p.indent;
		const lines = this.ts.lines(p.runs, size, width, width - p.firstIndent).length;
		// The table's header and a first row of a few lines, in the table's smaller type.
		const table = 5 * this.lineHeight(size - 1) + 12;
		this.ensure(lines * this.lineHeight(size) + size * 0.4 + table);
	}

	get marks(): Mark[] {
		return this.pages[this.pages.length - 1];
	}

	newPage(): void {
		this.pages.push([]);
		this.y = this.page.margin.top;
	}

	/** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
	ensure(height: number): void {
		if (this.y + height > this.bottom + 0.01 && this.y > this.page.margin.top) this.newPage();
	}

	lineHeight(size: number): number {
		return size * LEADING;
	}

	/** Draws one line whose top is at `top`. */
	drawLine(
		line: Line,
		x: number,
		top: number,
		width: number,
		align: Align,
		last: boolean,
		size: number,
	): void {
		const baseline = top + (this.lineHeight(size) - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
		for (const p of this.ts.place(line, width, align, last)) {
			this.marks.push({
				kind: 'text',
				x: x + p.x,
				baseline,
				size,
				face: p.face,
				text: p.text,
				underline: p.underline,
			});
		}
	}

	/** Flowing text: lines placed one after another, breaking pages between lines. */
	private flow(
		runs: Run[],
		x: number,
		width: number,
		align: Align,
		size: number,
		firstIndent = 0,
	): void {
		const lh = this.lineHeight(size);
		const lines = this.ts.lines(runs, size, width, width - firstIndent);
		lines.forEach((line, i) => {
			this.ensure(lh);
			const indent = i === 0 ? firstIndent : 0;
			this.drawLine(line, x + indent, this.y, width - indent, align, i === lines.length - 1, size);
			this.y += lh;
		});
	}

	private block(b: Block): void {
		const size = this.doc.size;
		const width = this.right - this.left;
		switch (b.kind) {
			case 'kop':
				return this.kop(b.lines, b.emblem);
			case 'title':
				this.flow(b.runs, this.left, width, 'center', b.size);
				return;
			case 'paragraph':
				this.flow(b.runs, this.left + b.indent, width - b.indent, b.align, size, b.firstIndent);
				this.y += size * 0.4;
				return;
			case 'fields':
				return this.fields(b.rows, b.indent, size);
			case 'table':
				return layTable(this, b, b.size ?? size - 1);
			case 'space':
				this.y = Math.min(this.y + b.size, this.bottom);
				return;
			case 'pagebreak':
				return this.newPage();
			case 'signature':
				return laySignature(this, b.lines, b.left, size);
		}
	}

	private kop(lines: Array<{ runs: Run[]; size: number }>, emblem: boolean): void {
		const width = this.right - this.left;
		const laid = lines.map((l) => ({
			size: l.size,
			lines: this.ts.lines(l.runs, l.size, width * (emblem ? 0.78 : 1)),
		}));
		const textHeight = laid.reduce((s, l) => s + l.lines.length * this.lineHeight(l.size), 0);
		const emblemH = emblem ? Math.min(Math.max(textHeight, 60), 80) : 0;
		const emblemW = emblemH * 0.85;
		const top = this.y;
		const height = Math.max(textHeight, emblemH);
		if (emblem)
			this.marks.push({
				kind: 'emblem',
				x: this.left,
				y: top + (height - emblemH) / 2,
				w: emblemW,
				h: emblemH,
			});
		// Text is centred on the page, as on printed letterheads, unless that would touch the emblem.
		const textLeft = emblem ? this.left + emblemW + 6 : this.left;
		let y = top + (height - textHeight) / 2;
		for (const l of laid) {
			l.lines.forEach((line) => {
				const natural = line.reduce((s, w, i) => s + w.width + (i ? w.space : 0), 0);
				const centred = this.left + (width - natural) / 2;
				const x = centred >= textLeft ? this.left : textLeft;
				this.drawLine(
					line,
					x,
					y,
					x === this.left ? width : this.right - textLeft,
					'center',
					true,
					l.size,
				);
				y += this.lineHeight(l.size);
			});
		}
		this.y = top + height + 4;
		this.marks.push({ kind: 'rule', x1: this.left, x2: this.right, y: this.y, thickness: 2.2 });
		this.marks.push({ kind: 'rule', x1: this.left, x2: this.right, y: this.y + 3, thickness: 0.7 });
		this.y += 16;
	}

	private readonly labelWidths = new Map<number, number>();

	private labelWidth(indent: number, size: number): number {
		let width = this.labelWidths.get(indent);
		if (width === undefined) {
			width = 0;
			for (const b of this.doc.blocks) {
				if (b.kind !== 'fields' || b.indent !== indent) continue;
				for (const row of b.rows) {
					const [line] = this.ts.lines(row.label, size, Infinity);
					width = Math.max(
						width,
						line.reduce((s, w, i) => s + w.width + (i ? w.space : 0), 0),
					);
				}
			}
			this.labelWidths.set(indent, width);
		}
		return width;
	}

	private fields(rows: Array<{ label: Run[]; value: Run[] }>, indent: number, size: number): void {
		const width = this.right - this.left - indent;
		const labelMax = width * 0.4;
		// One colon column for every label : value block of the letter with the same indent.
		const labelW = Math.min(labelMax, this.labelWidth(indent, size));
		const colonX = this.left + indent + labelW + 8;
		const colonW = this.ts.faces.regular.width(': ', size);
		const valueX = colonX + colonW;
		const lh = this.lineHeight(size);
		for (const row of rows) {
			const label = this.ts.lines(row.label, size, labelW);
			const value = this.ts.lines(row.value, size, this.right - valueX);
			const count = Math.max(label.length, value.length);
			for (let i = 0; i < count; i++) {
				this.ensure(lh);
				if (label[i])
					this.drawLine(label[i], this.left + indent, this.y, labelW, 'left', true, size);
				if (i === 0)
					this.drawLine(
						this.ts.lines([{ text: ':' }], size, colonW)[0],
						colonX,
						this.y,
						colonW,
						'left',
						true,
						size,
					);
				if (value[i])
					this.drawLine(value[i], valueX, this.y, this.right - valueX, 'left', true, size);
				this.y += lh;
			}
		}
		this.y += size * 0.4;
	}
}
