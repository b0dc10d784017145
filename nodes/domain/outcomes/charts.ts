/**
 * The report's two small charts, laid out as pieces for the letter engine's page flow: labels
 * (so the text stays extractable) and shapes (bars, axes, the polyline), drawn with the letter
 * in one pass. Coordinates are points from the top-left corner of the page.
 */
import { gap, lineHeight, lineMarks, type Mark, type Piece, type Span } from '../letter/marks';
import type { Align } from '../letter/model';
import type { Typesetter } from '../letter/typeset';

/** One line of text whose top is at `top`; wider text wraps, and only the first line is kept. */
function label(
	ts: Typesetter,
	text: string,
	x: number,
	top: number,
	width: number,
	size: number,
	align: Align = 'left',
	bold = false,
): Mark[] {
	const [line] = ts.lines([{ text, bold }], size, width);
	return line ? lineMarks(ts, line, x, top, width, align, true, size) : [];
}

const HEADING_SIZE = 9.5;

/** A heading line above a chart, wrapped over as many lines as it needs, and 4 points below. */
function heading(ts: Typesetter, text: string, span: Span) {
	const lines = ts.lines([{ text, bold: true }], HEADING_SIZE, span.width);
	const lh = lineHeight(HEADING_SIZE);
	return {
		height: lines.length * lh + 4,
		marks: (top: number) =>
			lines.flatMap((line, i) =>
				lineMarks(ts, line, span.left, top + i * lh, span.width, 'left', true, HEADING_SIZE),
			),
	};
}

export interface Bar {
	label: string;
	value: number;
	/** Printed after the value, e.g. the year-to-date figure in parentheses. */
	note: string;
}

/**
 * Horizontal bars, one per row, scaled to the largest value: the heading (kept with the first
 * rows), a piece per bar, the room below.
 */
export function barChart(
	ts: Typesetter,
	title: string,
	bars: Bar[],
	empty: string,
	span: Span,
): Piece[] {
	const size = 8.5;
	const lh = lineHeight(size);
	const head = { ...heading(ts, title, span), keep: lh * (Math.min(bars.length, 3) + 3) };
	if (!bars.length)
		return [
			head,
			{
				height: lh + 8,
				keep: 0,
				marks: (top) => label(ts, empty, span.left, top, span.width, size),
			},
		];
	const labelW = span.width * 0.42;
	const barX = span.left + labelW + 6;
	const barMax = span.right - barX - 60;
	const max = Math.max(1, ...bars.map((b) => b.value));
	const rows = bars.map((bar): Piece => {
		const w = (bar.value / max) * barMax;
		return {
			height: lh + 2,
			marks: (top) => [
				...label(ts, bar.label, span.left, top, labelW, size),
				...(w > 0
					? [{ kind: 'rect', x: barX, y: top + 2, w, h: lh - 4, grey: 0.45 } as const]
					: []),
				...label(ts, `${bar.value} ${bar.note}`.trim(), barX + w + 4, top, 70, size),
			],
		};
	});
	return [head, ...rows, gap(8)];
}

export interface Point {
	label: string;
	value: number | null;
	text: string;
}

/** A polyline of values over evenly spaced labels, with a dashed reference line, under its heading. */
export function lineChart(
	ts: Typesetter,
	title: string,
	points: Point[],
	reference: number,
	format: (v: number) => string,
	span: Span,
): Piece {
	const size = 8;
	const plotH = 100;
	const head = heading(ts, title, span);
	const axisX = span.left + 28;
	const right = span.right - 10;
	const highest = Math.max(reference, ...points.map((p) => p.value ?? 0));
	const yMax = Math.max(5, Math.ceil((highest * 1.15) / 5) * 5);
	const step = (right - axisX) / Math.max(1, points.length);
	const marks = (pieceTop: number): Mark[] => {
		const top = pieceTop + head.height + 10;
		const bottom = top + plotH;
		const yAt = (v: number) => bottom - (v / yMax) * plotH;
		const axis = (x1: number, y1: number, x2: number, y2: number): Mark => ({
			kind: 'line',
			x1,
			y1,
			x2,
			y2,
			thickness: 0.6,
		});
		const out: Mark[] = [
			...head.marks(pieceTop),
			axis(axisX, top, axisX, bottom),
			axis(axisX, bottom, right, bottom),
		];
		for (const tick of [0, yMax / 2, yMax]) {
			out.push(
				...label(
					ts,
					format(tick),
					span.left,
					yAt(tick) - size * 0.65,
					axisX - span.left - 4,
					size,
					'right',
				),
				axis(axisX - 3, yAt(tick), axisX, yAt(tick)),
			);
		}
		out.push({ ...axis(axisX, yAt(reference), right, yAt(reference)), dash: 3 } as Mark);
		let previous: { x: number; y: number } | undefined;
		points.forEach((p, i) => {
			const x = axisX + step * (i + 0.5);
			out.push(...label(ts, p.label, x - step / 2, bottom + 3, step, size, 'center'));
			if (p.value === null) {
				previous = undefined;
				return;
			}
			const y = yAt(p.value);
			if (previous) out.push({ ...axis(previous.x, previous.y, x, y), thickness: 1.4 } as Mark);
			out.push({ kind: 'dot', x, y, r: 2.2 });
			out.push(...label(ts, p.text, x - step / 2, y - size * 1.9, step, size, 'center', true));
			previous = { x, y };
		});
		return out;
	};
	return { height: head.height + 10 + plotH + lineHeight(size) + 12, keep: plotH + 60, marks };
}
