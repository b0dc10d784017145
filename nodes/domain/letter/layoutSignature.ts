/**
 * The signature block: signatory on the right half, a second column on the left (a
 * countersignature, or the verification QR code beside the space for the wet signature).
 */
import type { Layout } from './layout';
import type { SignatureLine } from './model';
import type { Line } from './typeset';

interface Placed {
	l: SignatureLine;
	lines: Line[];
	/** Font size of a text line. */
	size: number;
}

/** The signature's columns (right: signatory, left: countersignature), laid out, and its height. */
export function measureSignature(
	lay: Layout,
	lines: SignatureLine[],
	left: SignatureLine[],
	size: number,
) {
	const width = lay.right - lay.left;
	const qr = Math.min(72, width * 0.2);
	const column = (list: SignatureLine[], colW: number): Placed[] =>
		list.map((l) => {
			const own = l.kind === 'text' ? (l.size ?? size) : size;
			return {
				l,
				size: own,
				lines: l.kind === 'text' ? lay.ts.lines(l.runs, own, colW) : ([] as Line[]),
			};
		});
	const heightOf = (list: Placed[]) =>
		list.reduce(
			(s, { l, lines: ls, size: own }) =>
				s +
				(l.kind === 'qr' ? qr + 4 : l.kind === 'gap' ? l.size : ls.length * lay.lineHeight(own)),
			0,
		);
	const rightCol = { x: lay.left + width * 0.52, w: width * 0.48 };
	const leftCol = { x: lay.left, w: width * 0.44 };
	const r = column(lines, rightCol.w);
	const l = column(left, leftCol.w);
	return { qr, r, l, rightCol, leftCol, height: Math.max(heightOf(r), heightOf(l)) };
}

export function laySignature(
	lay: Layout,
	lines: SignatureLine[],
	left: SignatureLine[],
	size: number,
): void {
	const { qr, r, l, rightCol, leftCol, height } = measureSignature(lay, lines, left, size);
	lay.ensure(height);
	const top = lay.y;
	const place = (list: Placed[], col: { x: number; w: number }) => {
		lay.y = top;
		for (const item of list) {
			if (item.l.kind === 'qr') {
				lay.ensure(qr + 4);
				lay.marks.push({ kind: 'qr', x: col.x + (col.w - qr) / 2, y: lay.y + 2, size: qr });
				lay.y += qr + 4;
			} else if (item.l.kind === 'gap') {
				lay.y = Math.min(lay.y + item.l.size, lay.bottom);
			} else {
				const lh = lay.lineHeight(item.size);
				for (const line of item.lines) {
					lay.ensure(lh);
					lay.drawLine(line, col.x, lay.y, col.w, 'center', true, item.size);
					lay.y += lh;
				}
			}
		}
		return lay.y;
	};
	const pageBefore = lay.pages.length;
	const leftEnd = place(l, leftCol);
	const pagesAfterLeft = lay.pages.length;
	const rightEnd = place(r, rightCol);
	lay.y = pagesAfterLeft === pageBefore ? Math.max(leftEnd, rightEnd) : rightEnd;
}
