/** The letterhead (kop) and label : value fields, laid out as pieces for the page flow. */
import { lineHeight, lineMarks, lineWidth, type Mark, type Piece, type Span } from './marks';
import type { Block, KopLine, Run } from './model';
import type { Typesetter } from './typeset';

/** The kop: emblem on the left, lines centred on the page, and the double rule below. */
export function layoutKop(ts: Typesetter, lines: KopLine[], emblem: boolean, span: Span): Piece {
	const { left, right, width } = span;
	const laid = lines.map((l) => ({
		size: l.size,
		lines: ts.lines(l.runs, l.size, width * (emblem ? 0.78 : 1)),
	}));
	const textHeight = laid.reduce((s, l) => s + l.lines.length * lineHeight(l.size), 0);
	const emblemH = emblem ? Math.min(Math.max(textHeight, 60), 80) : 0;
	const emblemW = emblemH * 0.85;
	const height = Math.max(textHeight, emblemH);
	const marks = (top: number): Mark[] => {
		const out: Mark[] = [];
		if (emblem)
			out.push({
				kind: 'emblem',
				x: left,
				y: top + (height - emblemH) / 2,
				w: emblemW,
				h: emblemH,
			});
		// Text is centred on the page, as on printed letterheads, unless that would touch the emblem.
		const textLeft = emblem ? left + emblemW + 6 : left;
		let y = top + (height - textHeight) / 2;
		for (const l of laid) {
			for (const line of l.lines) {
				const centred = left + (width - lineWidth(line)) / 2;
				const x = centred >= textLeft ? left : textLeft;
				const w = x === left ? width : right - textLeft;
				lineMarks(ts, line, x, y, w, 'center', true, l.size, out);
				y += lineHeight(l.size);
			}
		}
		const rule = top + height + 4;
		out.push({ kind: 'rule', x1: left, x2: right, y: rule, thickness: 2.2 });
		out.push({ kind: 'rule', x1: left, x2: right, y: rule + 3, thickness: 0.7 });
		return out;
	};
	return { height: height + 4 + 16, marks };
}

/** The widest label of the letter's field blocks at `indent`: they share one colon column. */
export function fieldLabelWidth(ts: Typesetter, blocks: Block[], indent: number, size: number) {
	let width = 0;
	for (const b of blocks) {
		if (b.kind !== 'fields' || b.indent !== indent) continue;
		for (const row of b.rows) {
			const [line] = ts.lines(row.label, size, Infinity);
			width = Math.max(width, lineWidth(line));
		}
	}
	return width;
}

/** Label : value rows, one piece a line; `labelWidth` is the widest label of the column. */
export function layoutFields(
	ts: Typesetter,
	rows: Array<{ label: Run[]; value: Run[] }>,
	indent: number,
	size: number,
	labelWidth: number,
	span: Span,
): Piece[] {
	const { left, right } = span;
	const labelW = Math.min((span.width - indent) * 0.4, labelWidth);
	const colonX = left + indent + labelW + 8;
	const colonW = ts.faces.regular.width(': ', size);
	const valueX = colonX + colonW;
	const colon = ts.lines([{ text: ':' }], size, colonW)[0];
	const pieces: Piece[] = [];
	for (const row of rows) {
		const label = ts.lines(row.label, size, labelW);
		const value = ts.lines(row.value, size, right - valueX);
		const count = Math.max(label.length, value.length);
		for (let i = 0; i < count; i++) {
			pieces.push({
				height: lineHeight(size),
				marks: (top) => {
					const out: Mark[] = [];
					if (label[i])
						lineMarks(ts, label[i], left + indent, top, labelW, 'left', true, size, out);
					if (i === 0) lineMarks(ts, colon, colonX, top, colonW, 'left', true, size, out);
					if (value[i])
						lineMarks(ts, value[i], valueX, top, right - valueX, 'left', true, size, out);
					return out;
				},
			});
		}
	}
	return pieces;
}
