/**
 * Tables: column widths from weights, cells wrapped into lines. The result is the header and
 * the rows as pieces the page flow places, a row whole or, when taller than a page, in slices.
 */
import { lineHeight, lineMarks, type Mark, type Piece, type Span } from './marks';
import type { Align, Block, Run } from './model';
import type { Line, Typesetter } from './typeset';

export type TableBlock = Extract<Block, { kind: 'table' }>;

/** A table that cannot be laid out on the page (the engine turns it into a template error). */
export class TableLayoutError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TableLayoutError';
	}
}

/** A row of cells, `lines` lines tall (its tallest cell); `slice` is `count` of them from `from`. */
export interface TableRow {
	lines: number;
	slice(from: number, count: number): Piece;
}

export interface TableLayout {
	header: TableRow[];
	rows: TableRow[];
	headerHeight: number;
	lineHeight: number;
	/** Padding inside a cell, above and below its lines. */
	pad: number;
	/** Room below the table. */
	after: number;
}

const PAD = 3;

/**
 * Column widths from the weights, widened where a column's longest word (the NIK, "Perempuan",
 * "Hubungan") would otherwise break inside it, the room taken from columns that have some spare.
 */
function columnWidths(
	ts: Typesetter,
	b: TableBlock,
	size: number,
	width: number,
	pad: number,
): number[] {
	const total = b.widths.reduce((s, w) => s + w, 0);
	const cols = b.widths.map((w) => (w / total) * width);
	const need = cols.map((_, i) => {
		let widest = 0;
		for (const row of [...b.header, ...b.rows])
			for (const word of ts.words(row[i] ?? [], size)) widest = Math.max(widest, word.width);
		return widest + 2 * pad + 0.5;
	});
	if (need.reduce((s, w) => s + w, 0) > width) return cols;
	for (let round = 0; round < cols.length; round++) {
		const short = cols.reduce((s, w, i) => s + Math.max(0, need[i] - w), 0);
		if (short <= 0.01) break;
		const spare = cols.map((w, i) => Math.max(0, w - need[i]));
		const spareTotal = spare.reduce((s, w) => s + w, 0);
		cols.forEach((w, i) => {
			cols[i] = w < need[i] ? need[i] : w - (spare[i] / spareTotal) * short;
		});
	}
	return cols;
}

/** The table in `span`, or nothing for a table without rows (the template prints a sentence). */
export function layoutTable(
	ts: Typesetter,
	b: TableBlock,
	size: number,
	span: Span,
): TableLayout | undefined {
	if (b.rows.length === 0) return undefined;
	const pad = PAD;
	const cols = columnWidths(ts, b, size, span.width, pad);
	const xs = cols.map((_, i) => span.left + cols.slice(0, i).reduce((s, w) => s + w, 0));
	const lh = lineHeight(size);
	const row = (cells: Run[][], header: boolean): TableRow => {
		const laid: Array<Array<{ line: Line; align: Align }>> = cols.map((w, i) =>
			ts
				.lines(cells[i] ?? [], size, w - 2 * pad)
				.map((line) => ({ line, align: header ? 'center' : b.align[i] })),
		);
		const slice = (from: number, count: number): Piece => {
			const h = count * lh + 2 * pad;
			return {
				height: h,
				marks: (top) => {
					const marks: Mark[] = [];
					laid.forEach((cell, i) => {
						marks.push({ kind: 'box', x: xs[i], y: top, w: cols[i], h });
						cell.slice(from, from + count).forEach((c, k) => {
							const x = xs[i] + pad;
							lineMarks(
								ts,
								c.line,
								x,
								top + pad + k * lh,
								cols[i] - 2 * pad,
								c.align,
								true,
								size,
								marks,
							);
						});
					});
					return marks;
				},
			};
		};
		return { lines: Math.max(...laid.map((c) => c.length)), slice };
	};
	const header = b.header.map((r) => row(r, true));
	return {
		header,
		rows: b.rows.map((r) => row(r, false)),
		headerHeight: header.reduce((s, r) => s + r.lines * lh + 2 * pad, 0),
		lineHeight: lh,
		pad,
		after: size * 0.6,
	};
}
