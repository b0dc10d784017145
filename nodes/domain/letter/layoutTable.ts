/** Tables: column widths from weights, cells wrapped, rows split across pages under a repeated header. */
import type { Layout } from './layout';
import type { Align, Block, Run } from './model';

/** A table that cannot be laid out on the page (the engine turns it into a template error). */
export class TableLayoutError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TableLayoutError';
	}
}

/**
 * Column widths from the weights, widened where a column's longest word (the NIK, "Perempuan",
 * "Hubungan") would otherwise break inside it, the room taken from columns that have some spare.
 */
function columnWidths(
	l: Layout,
	b: Extract<Block, { kind: 'table' }>,
	size: number,
	width: number,
	pad: number,
): number[] {
	const total = b.widths.reduce((s, w) => s + w, 0);
	const cols = b.widths.map((w) => (w / total) * width);
	const need = cols.map((_, i) => {
		let widest = 0;
		for (const row of [...b.header, ...b.rows])
			for (const word of l.ts.words(row[i] ?? [], size)) widest = Math.max(widest, word.width);
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

export function layTable(l: Layout, b: Extract<Block, { kind: 'table' }>, size: number): void {
	// A table of headers alone says nothing: the template prints a sentence instead.
	if (b.rows.length === 0) return;
	const width = l.right - l.left;
	const pad = 3;
	const cols = columnWidths(l, b, size, width, pad);
	const xs = cols.map((_, i) => l.left + cols.slice(0, i).reduce((s, w) => s + w, 0));
	const lh = l.lineHeight(size);
	const layoutRow = (cells: Run[][], header: boolean) =>
		cols.map((w, i) =>
			l.ts
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
			l.marks.push({ kind: 'box', x: xs[i], y: l.y, w: cols[i], h });
			cell
				.slice(from, from + count)
				.forEach((c, k) =>
					l.drawLine(
						c.line,
						xs[i] + pad,
						l.y + pad + k * lh,
						cols[i] - 2 * pad,
						c.align,
						true,
						size,
					),
				);
		});
		l.y += h;
	};
	const drawHeader = () =>
		header.forEach((r) => drawRow(r, 0, Math.max(...r.map((c) => c.length))));
	// A header taller than a page would start page after page without ever placing a row.
	if (l.page.margin.top + headerHeight + lh + 2 * pad > l.bottom)
		throw new TableLayoutError(
			`a table header is taller than a page (widths="${b.widths.join(',')}"): give its narrow columns more width or shorten the header`,
		);
	const rows = b.rows.map((r) => layoutRow(r, false));
	// The header starts a page with its first row (whole, as rows move whole), never alone.
	const firstRow = Math.max(...rows[0].map((c) => c.length)) * lh + 2 * pad;
	l.ensure(Math.min(headerHeight + firstRow, l.bottom - l.page.margin.top));
	drawHeader();
	for (const row of rows) {
		const lines = Math.max(...row.map((c) => c.length));
		let done = 0;
		while (done < lines) {
			const room = Math.floor((l.bottom - l.y - 2 * pad) / lh);
			const fresh = Math.floor((l.bottom - l.page.margin.top - headerHeight - 2 * pad) / lh);
			// A row moves to the next page whole, unless it is taller than a page: then it splits.
			if (room < Math.min(lines - done, fresh) || room < 1) {
				l.newPage();
				drawHeader();
				continue;
			}
			const count = Math.min(room, lines - done);
			drawRow(row, done, count);
			done += count;
		}
	}
	l.y += size * 0.6;
}
