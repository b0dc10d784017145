/** Vector marks drawn as PDF operators: the QR code (merged squares) and the default emblem. */
import qrcode from 'qrcode-generator';
import { drawSvgPath, rgb } from 'pdf-lib';
import defaultEmblem from '../../../templates/letterhead/emblem.json';

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * A QR code as filled rectangles in a unit square (0..1, y up), one rectangle per horizontal run
 * of dark modules. Medium error correction survives a smudged print.
 */
export function qrOperators(text: string): string {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	// qrcode-generator scores all eight mask patterns by reading every module through
	// getModuleCount()/isDark(), ~1 ms per code: most of a letter's time. Reporting 0 modules
	// while make() runs skips the scoring, so mask pattern 0 is used; any mask is a valid code.
	const moduleCount = qr.getModuleCount;
	qr.getModuleCount = () => 0;
	try {
		qr.make();
	} finally {
		qr.getModuleCount = moduleCount;
	}
	const count = qr.getModuleCount();
	const quiet = 2;
	const unit = 1 / (count + 2 * quiet);
	let ops = '';
	for (let row = 0; row < count; row++) {
		let col = 0;
		while (col < count) {
			if (!qr.isDark(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < count && qr.isDark(row, col)) col++;
			const x = (start + quiet) * unit;
			const y = 1 - (row + quiet + 1) * unit;
			ops += `${n(x * 1000)} ${n(y * 1000)} ${n((col - start) * 1000 * unit)} ${n(1000 * unit)} re\n`;
		}
	}
	// Coordinates are in thousandths so two decimals keep modules exact; the caller scales by size/1000.
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
		const { width, height, paths } = defaultEmblem as { width: number; height: number; paths: EmblemShape[] };
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
