/** Vector marks drawn as PDF operators: the QR code (merged squares) and the default emblem. */
import qrcode from 'qrcode-generator';
import { drawSvgPath, rgb } from 'pdf-lib';
import defaultEmblem from '../../../templates/letterhead/emblem.json';
import { encodeQr, type QrMatrix } from './qr';

const n = (v: number) => (Math.round(v * 100) / 100).toString();

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
 * A QR code as filled rectangles in a 1000-unit square (y up), one rectangle per horizontal run
 * of dark modules, with a 2-module quiet zone. The caller scales it to its size.
 */
export function qrOperators(text: string): string {
	const { size: count, modules } = qrMatrix(text);
	const quiet = 2;
	const unit = 1000 / (count + 2 * quiet);
	let ops = '';
	for (let row = 0; row < count; row++) {
		let col = 0;
		while (col < count) {
			if (!modules[row * count + col]) {
				col++;
				continue;
			}
			const start = col;
			while (col < count && modules[row * count + col]) col++;
			ops += `${n((start + quiet) * unit)} ${n(1000 - (row + quiet + 1) * unit)} ${n((col - start) * unit)} ${n(unit)} re\n`;
		}
	}
	return `0 g\n${ops}f\n`;
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
