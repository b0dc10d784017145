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

export function layTable(l: Layout, b: Extract<Block, { kind: 'table' }>, size: number): void {
	const width = l.right - l.left;
	const total = b.widths.reduce((s, w) => s + w, 0);
	const cols = b.widths.map((w) => (w / total) * width);
	const xs = cols.map((_, i) => l.left + cols.slice(0, i).reduce((s, w) => s + w, 0));
	const pad = 3;
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
	l.ensure(headerHeight + lh + 2 * pad);
	drawHeader();
	for (const row of b.rows.map((r) => layoutRow(r, false))) {
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
