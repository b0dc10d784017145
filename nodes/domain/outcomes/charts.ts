/**
 * The report's two small charts, as positioned marks on the letter layout: labels (so the text
 * stays extractable) and shapes (bars, axes, the polyline), drawn with the letter in one pass.
 * Coordinates are points from the top-left corner of the page, like the letter layout's.
 */
import type { Layout, Mark } from '../letter/layout';
import type { Align } from '../letter/model';

/** A shape on page `page` of the layout: drawn with the letter's marks, in the same pass. */
function shape(l: Layout, page: number, mark: Mark): void {
	l.pages[page].push(mark);
}

/** One line of text whose top is at `top`; wider text wraps, and only the first line is kept. */
export function label(
	l: Layout,
	text: string,
	x: number,
	top: number,
	width: number,
	size: number,
	align: Align = 'left',
	bold = false,
): void {
	const [line] = l.ts.lines([{ text, bold }], size, width);
	if (line) l.drawLine(line, x, top, width, align, true, size);
}

/** A heading line above a chart, wrapped over as many lines as it needs. */
function heading(l: Layout, text: string, size: number): void {
	const width = l.right - l.left;
	for (const line of l.ts.lines([{ text, bold: true }], size, width)) {
		l.drawLine(line, l.left, l.y, width, 'left', true, size);
		l.y += l.lineHeight(size);
	}
	l.y += 4;
}

export interface Bar {
	label: string;
	value: number;
	/** Printed after the value, e.g. the year-to-date figure in parentheses. */
	note: string;
}

/** Horizontal bars, one per row, scaled to the largest value. */
export function barChart(l: Layout, title: string, bars: Bar[], empty: string) {
	const size = 8.5;
	const lh = l.lineHeight(size);
	l.ensure(lh * (Math.min(bars.length, 3) + 3));
	heading(l, title, 9.5);
	if (!bars.length) {
		label(l, empty, l.left, l.y, l.right - l.left, size);
		l.y += lh + 8;
		return;
	}
	const width = l.right - l.left;
	const labelW = width * 0.42;
	const barX = l.left + labelW + 6;
	const barMax = l.right - barX - 60;
	const max = Math.max(1, ...bars.map((b) => b.value));
	for (const bar of bars) {
		l.ensure(lh + 2);
		const page = l.pages.length - 1;
		label(l, bar.label, l.left, l.y, labelW, size);
		const w = (bar.value / max) * barMax;
		if (w > 0) shape(l, page, { kind: 'rect', x: barX, y: l.y + 2, w, h: lh - 4, grey: 0.45 });
		label(l, `${bar.value} ${bar.note}`.trim(), barX + w + 4, l.y, 70, size);
		l.y += lh + 2;
	}
	l.y += 8;
}

export interface Point {
	label: string;
	value: number | null;
	text: string;
}

/** A polyline of values over evenly spaced labels, with a dashed reference line. */
export function lineChart(
	l: Layout,
	title: string,
	points: Point[],
	reference: number,
	format: (v: number) => string,
): void {
	const size = 8;
	const plotH = 100;
	l.ensure(plotH + 60);
	heading(l, title, 9.5);
	const page = l.pages.length - 1;
	const axisX = l.left + 28;
	const right = l.right - 10;
	const top = l.y + 10;
	const bottom = top + plotH;
	const highest = Math.max(reference, ...points.map((p) => p.value ?? 0));
	const yMax = Math.max(5, Math.ceil((highest * 1.15) / 5) * 5);
	const yAt = (v: number) => bottom - (v / yMax) * plotH;
	shape(l, page, { kind: 'line', x1: axisX, y1: top, x2: axisX, y2: bottom, thickness: 0.6 });
	shape(l, page, { kind: 'line', x1: axisX, y1: bottom, x2: right, y2: bottom, thickness: 0.6 });
	for (const tick of [0, yMax / 2, yMax]) {
		label(l, format(tick), l.left, yAt(tick) - size * 0.65, axisX - l.left - 4, size, 'right');
		shape(l, page, {
			kind: 'line',
			x1: axisX - 3,
			y1: yAt(tick),
			x2: axisX,
			y2: yAt(tick),
			thickness: 0.6,
		});
	}
	shape(l, page, {
		kind: 'line',
		x1: axisX,
		y1: yAt(reference),
		x2: right,
		y2: yAt(reference),
		thickness: 0.6,
		dash: 3,
	});
	const step = (right - axisX) / Math.max(1, points.length);
	let previous: { x: number; y: number } | undefined;
	points.forEach((p, i) => {
		const x = axisX + step * (i + 0.5);
		label(l, p.label, x - step / 2, bottom + 3, step, size, 'center');
		if (p.value === null) {
			previous = undefined;
			return;
		}
		const y = yAt(p.value);
		if (previous)
			shape(l, page, {
				kind: 'line',
				x1: previous.x,
				y1: previous.y,
				x2: x,
				y2: y,
				thickness: 1.4,
			});
		shape(l, page, { kind: 'dot', x, y, r: 2.2 });
		label(l, p.text, x - step / 2, y - size * 1.9, step, size, 'center', true);
		previous = { x, y };
	});
	l.y = bottom + l.lineHeight(size) + 12;
}
