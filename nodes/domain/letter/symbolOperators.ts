/** The two symbols drawn as PDF operators: the QR code (merged squares) and the default emblem. */
import qrcode from 'qrcode-generator';
import { drawSvgPath, rgb } from 'pdf-lib';
import defaultEmblem from '../../../templates/letterhead/emblem.json';
import { encodeQr, type QrMatrix } from './qr';

/** The QR symbol as a module matrix: our fast encoder, or qrcode-generator for long texts. */
function qrMatrix(text: string): QrMatrix {
	const fast = encodeQr(text);
	if (fast) return fast;
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	const size = qr.getModuleCount();
	const modules = new Uint8Array(size * size);
	for (let r = 0; r < size; r++)
		for (let c = 0; c < size; c++) modules[r * size + c] = qr.isDark(r, c) ? 1 : 0;
	return { size, modules };
}

/**
 * A QR code as filled rectangles, one per horizontal run of dark modules, in module units with
 * a 2-module quiet zone (y up). `extent` is the side of that square; the caller scales it.
 * Integer coordinates keep the operators short (the page stream is compressed per letter).
 */
export function qrOperators(text: string): { ops: string; extent: number } {
	const { size: count, modules } = qrMatrix(text);
	const quiet = 2;
	const extent = count + 2 * quiet;
	const parts: string[] = ['0 g'];
	for (let row = 0; row < count; row++) {
		let col = 0;
		while (col < count) {
			if (!modules[row * count + col]) {
				col++;
				continue;
			}
			const start = col;
			while (col < count && modules[row * count + col]) col++;
			parts.push(`${start + quiet} ${extent - quiet - row - 1} ${col - start} 1 re`);
		}
	}
	parts.push('f');
	return { ops: parts.join('\n'), extent };
}

interface EmblemShape {
	d: string;
	fill?: string;
	stroke?: string;
	strokeWidth?: number;
}

function hex(color: string | undefined) {
	if (!color) return undefined;
	const v = parseInt(color.replace('#', ''), 16);
	return rgb(((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255);
}

let emblemCache: { ops: string; width: number; height: number } | undefined;

/** The bundled neutral emblem as operators in its own box (origin top-left, y flipped). */
export function defaultEmblemOperators(): { ops: string; width: number; height: number } {
	if (!emblemCache) {
		const { width, height, paths } = defaultEmblem as {
			width: number;
			height: number;
			paths: EmblemShape[];
		};
		const ops = paths
			.flatMap((p) =>
				drawSvgPath(p.d, {
					x: 0,
					y: 0,
					scale: 1,
					color: hex(p.fill),
					borderColor: hex(p.stroke),
					borderWidth: p.strokeWidth ?? 0,
				}),
			)
			.map((op) => op.toString())
			.join('\n');
		emblemCache = { ops, width, height };
	}
	return emblemCache;
}
