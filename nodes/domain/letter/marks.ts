/**
 * What layout produces and drawing consumes: page geometry, positioned marks, and the pieces
 * (a height and the marks of one placement) that the layout functions return and the page flow
 * places. Coordinates are points from the page's top-left corner; drawing flips them.
 */
import type { FaceName } from './fonts';
import type { Align, Run } from './model';
import type { Line, Typesetter } from './typeset';

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
	| { kind: 'dot'; x: number; y: number; r: number }
	// Not drawn: where the signatory signs (between the title and the name), for the mark of an
	// electronic signature.
	| { kind: 'signatureSpace'; x: number; y: number; w: number; h: number };

export interface LaidOutLetter {
	pages: Mark[][];
	/** A draft to be signed by hand first: an electronic signature adds no mark to it. */
	draft?: boolean;
	warnings: string[];
}

/**
 * A laid-out piece of a page: its height, and its marks when its top edge is at `top` (the page
 * flow decides where that is). `keep` is the room it needs below the cursor to start on the
 * current page, when that differs from its height.
 */
export interface Piece {
	height: number;
	marks(top: number): Mark[];
	keep?: number;
}

/** Horizontal room: the left and right edges and the width between them, in points. */
export interface Span {
	left: number;
	right: number;
	width: number;
}

const LEADING = 1.3;
export const ASCENT = 0.93;
export const DESCENT = 0.24;

export function lineHeight(size: number): number {
	return size * LEADING;
}

/** The natural width of a set line (its words and the spaces between them). */
export function lineWidth(line: Line): number {
	return line.reduce((s, w, i) => s + w.width + (i ? w.space : 0), 0);
}

/** The text marks of one line whose top is at `top`, aligned in `width` from `x`, added to `out`. */
export function lineMarks(
	ts: Typesetter,
	line: Line,
	x: number,
	top: number,
	width: number,
	align: Align,
	last: boolean,
	size: number,
	out: Mark[] = [],
): Mark[] {
	const baseline = top + (lineHeight(size) - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
	for (const p of ts.place(line, width, align, last)) {
		out.push({
			kind: 'text',
			x: x + p.x,
			baseline,
			size,
			face: p.face,
			text: p.text,
			underline: p.underline,
		});
	}
	return out;
}

/** One line of text as a piece: its height is the line height. */
export function linePiece(
	ts: Typesetter,
	line: Line,
	x: number,
	width: number,
	align: Align,
	last: boolean,
	size: number,
): Piece {
	return {
		height: lineHeight(size),
		marks: (top) => lineMarks(ts, line, x, top, width, align, last, size),
	};
}

/** A blank piece of `height`: room between pieces, taken even at the foot of a page. */
export function gap(height: number): Piece {
	return { height, marks: () => [], keep: 0 };
}

/** Flowing text: the lines of `runs` in `width` from `x`, the first indented by `firstIndent`. */
export function textPieces(
	ts: Typesetter,
	runs: Run[],
	x: number,
	width: number,
	align: Align,
	size: number,
	firstIndent = 0,
): Piece[] {
	const lines = ts.lines(runs, size, width, width - firstIndent);
	return lines.map((line, i) => {
		const indent = i === 0 ? firstIndent : 0;
		return linePiece(ts, line, x + indent, width - indent, align, i === lines.length - 1, size);
	});
}
