/**
 * The signature block: signatory on the right half, a second column on the left (a
 * countersignature, or the verification QR code beside the space for the wet signature).
 */
import { lineHeight, linePiece, type Piece, type Span } from './marks';
import type { SignatureLine } from './model';
import type { Space } from './pageFlow';
import type { Typesetter } from './typeset';

export interface SignatureLayout {
	/** The taller column's height. */
	height: number;
	/** The left column, then the right: lines and the QR code as pieces, gaps as space. */
	columns: [Array<Piece | Space>, Array<Piece | Space>];
}

/** The signature's two columns in `span`, `lines` the signatory's (right), `left` the other's. */
export function layoutSignature(
	ts: Typesetter,
	lines: SignatureLine[],
	left: SignatureLine[],
	size: number,
	span: Span,
): SignatureLayout {
	const qr = Math.min(72, span.width * 0.2);
	const column = (list: SignatureLine[], x: number, w: number) => {
		let height = 0;
		const items: Array<Piece | Space> = [];
		for (const l of list) {
			if (l.kind === 'qr') {
				height += qr + 4;
				items.push({
					height: qr + 4,
					marks: (top) => [{ kind: 'qr', x: x + (w - qr) / 2, y: top + 2, size: qr }],
				});
			} else if (l.kind === 'gap') {
				height += l.size;
				const size = l.size;
				items.push(
					l.sign
						? {
								height: size,
								marks: (top) => [{ kind: 'signatureSpace', x, y: top, w, h: size }],
							}
						: { space: size },
				);
			} else {
				const own = l.size ?? size;
				const set = ts.lines(l.runs, own, w);
				height += set.length * lineHeight(own);
				for (const line of set) items.push(linePiece(ts, line, x, w, 'center', true, own));
			}
		}
		return { height, items };
	};
	const r = column(lines, span.left + span.width * 0.52, span.width * 0.48);
	const l = column(left, span.left, span.width * 0.44);
	return { height: Math.max(r.height, l.height), columns: [l.items, r.items] };
}
