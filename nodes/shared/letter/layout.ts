/**
 * Layout: the document model → pages of positioned marks (text, rules, emblem, QR), inside the
 * margins. Coordinates are points from the page's top-left corner; drawing flips them.
 */
import type { FaceName } from './fonts';
import type { Align, Block, LetterDocument, Run, SignatureLine } from './model';
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
	| { kind: 'qr'; x: number; y: number; size: number };

export interface LaidOutLetter {
	pages: Mark[][];
	warnings: string[];
}

const LEADING = 1.3;
const ASCENT = 0.93;
const DESCENT = 0.24;

export function layoutLetter(doc: LetterDocument, page: PageGeometry): LaidOutLetter {
	return new Layout(doc, page).run();
}

class Layout {
	private readonly ts = new Typesetter();
	private readonly pages: Mark[][] = [[]];
	private y: number;
	private readonly left: number;
	private readonly right: number;
	private readonly bottom: number;

	constructor(
		private readonly doc: LetterDocument,
		private readonly page: PageGeometry,
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
			if (block.kind === 'paragraph') this.keepWithSignature(block, blocks.slice(i + 1));
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
					paragraph + height + this.measureSignature(next.lines, next.left, size).height;
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

	private get marks(): Mark[] {
		return this.pages[this.pages.length - 1];
	}

	private newPage(): void {
		this.pages.push([]);
		this.y = this.page.margin.top;
	}

	/** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
	private ensure(height: number): void {
		if (this.y + height > this.bottom + 0.01 && this.y > this.page.margin.top) this.newPage();
	}

	private lineHeight(size: number): number {
		return size * LEADING;
	}

	/** Draws one line whose top is at `top`. */
	private drawLine(
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
				return this.table(b, b.size ?? size - 1);
			case 'space':
				this.y = Math.min(this.y + b.size, this.bottom);
				return;
			case 'pagebreak':
				return this.newPage();
			case 'signature':
				return this.signature(b.lines, b.left, size);
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

	private table(b: Extract<Block, { kind: 'table' }>, size: number): void {
		const width = this.right - this.left;
		const total = b.widths.reduce((s, w) => s + w, 0);
		const cols = b.widths.map((w) => (w / total) * width);
		const xs = cols.map((_, i) => this.left + cols.slice(0, i).reduce((s, w) => s + w, 0));
		const pad = 3;
		const lh = this.lineHeight(size);
		const layoutRow = (cells: Run[][], header: boolean) =>
			cols.map((w, i) =>
				this.ts
					.lines(cells[i] ?? [], size, w - 2 * pad)
					.map((line) => ({ line, align: header ? ('center' as Align) : b.align[i] })),
			);
		const header = b.header.map((r) => layoutRow(r, true));
		const headerHeight = header.reduce(
			(s, r) => s + Math.max(...r.map((c) => c.length)) * lh + 2 * pad,
			0,
		);
		const drawRow = (cells: ReturnType<typeof layoutRow>, from: number, count: number) => {
			const h = count * lh + 2 * pad;
			cells.forEach((cell, i) => {
				this.marks.push({ kind: 'box', x: xs[i], y: this.y, w: cols[i], h });
				cell
					.slice(from, from + count)
					.forEach((c, k) =>
						this.drawLine(
							c.line,
							xs[i] + pad,
							this.y + pad + k * lh,
							cols[i] - 2 * pad,
							c.align,
							true,
							size,
						),
					);
			});
			this.y += h;
		};
		const drawHeader = () =>
			header.forEach((r) => drawRow(r, 0, Math.max(...r.map((c) => c.length))));
		this.ensure(headerHeight + lh + 2 * pad);
		drawHeader();
		for (const row of b.rows.map((r) => layoutRow(r, false))) {
			const lines = Math.max(...row.map((c) => c.length));
			let done = 0;
			while (done < lines) {
				const room = Math.floor((this.bottom - this.y - 2 * pad) / lh);
				const fresh = Math.floor(
					(this.bottom - this.page.margin.top - headerHeight - 2 * pad) / lh,
				);
				// A row moves to the next page whole, unless it is taller than a page: then it splits.
				if (room < Math.min(lines - done, fresh) || room < 1) {
					this.newPage();
					drawHeader();
					continue;
				}
				const count = Math.min(room, lines - done);
				drawRow(row, done, count);
				done += count;
			}
		}
		this.y += size * 0.6;
	}

	/** The signature's columns (right: signatory, left: countersignature), laid out, and its height. */
	private measureSignature(lines: SignatureLine[], left: SignatureLine[], size: number) {
		const width = this.right - this.left;
		const qr = Math.min(72, width * 0.2);
		const lh = this.lineHeight(size);
		const column = (list: SignatureLine[], colW: number) =>
			list.map((l) =>
				l.kind === 'text'
					? { l, lines: this.ts.lines(l.runs, size, colW) }
					: { l, lines: [] as Line[] },
			);
		const heightOf = (list: ReturnType<typeof column>) =>
			list.reduce(
				(s, { l, lines: ls }) =>
					s + (l.kind === 'qr' ? qr + 4 : l.kind === 'gap' ? l.size : ls.length * lh),
				0,
			);
		const rightCol = { x: this.left + width * 0.52, w: width * 0.48 };
		const leftCol = { x: this.left, w: width * 0.44 };
		const r = column(lines, rightCol.w);
		const l = column(left, leftCol.w);
		return { qr, lh, r, l, rightCol, leftCol, height: Math.max(heightOf(r), heightOf(l)) };
	}

	private signature(lines: SignatureLine[], left: SignatureLine[], size: number): void {
		const { qr, lh, r, l, rightCol, leftCol, height } = this.measureSignature(lines, left, size);
		this.ensure(height);
		const top = this.y;
		const place = (list: typeof r, col: { x: number; w: number }) => {
			this.y = top;
			for (const item of list) {
				if (item.l.kind === 'qr') {
					this.ensure(qr + 4);
					this.marks.push({ kind: 'qr', x: col.x + (col.w - qr) / 2, y: this.y + 2, size: qr });
					this.y += qr + 4;
				} else if (item.l.kind === 'gap') {
					this.y = Math.min(this.y + item.l.size, this.bottom);
				} else {
					for (const line of item.lines) {
						this.ensure(lh);
						this.drawLine(line, col.x, this.y, col.w, 'center', true, size);
						this.y += lh;
					}
				}
			}
			return this.y;
		};
		const pageBefore = this.pages.length;
		const leftEnd = place(l, leftCol);
		const pagesAfterLeft = this.pages.length;
		const rightEnd = place(r, rightCol);
		this.y = pagesAfterLeft === pageBefore ? Math.max(leftEnd, rightEnd) : rightEnd;
	}
}
