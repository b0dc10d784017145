/**
 * The visible signature: a small block (who signed and when, the BSrE sentence when BSrE signed,
 * and a QR code when asked) drawn as PDF operators in the letter's own font, embedded as a
 * subset so the signed letter stays PDF/A. The words come from templates/signing/widget.json.
 */
import wording from '../../../templates/signing/widget.json';
import { letterFaces, type FaceName, type FontSubset } from '../letter/fonts';
import { lineHeight, type Mark } from '../letter/marks';
import { qrOperators } from '../letter/symbolOperators';
import { Typesetter } from '../letter/typeset';

export interface WidgetText {
	/** The signatory as the certificate names them. */
	signer: string;
	/** When, as the office reads it, e.g. "30-11-2026 10:15 WIB". */
	when: string;
	/** Add the BSrE sentence (the certificate was issued by BSrE). */
	bsre: boolean;
}

/** A font the block draws with: resource name, face and the subset to embed. */
export interface WidgetFont {
	tag: string;
	face: FaceName;
	subset: FontSubset;
}

export interface WidgetDrawing {
	width: number;
	height: number;
	/** Content stream operators; the fonts are the resources named in `fonts`. */
	ops: string;
	fonts: WidgetFont[];
}

const n = (v: number) => Number(v.toFixed(2)).toString();
const TAGS: Partial<Record<FaceName, string>> = { regular: 'F1', bold: 'F2' };

/** The block's lines, filled from the template. */
export function widgetLines(text: WidgetText): string[] {
	const fill = (s: string) => s.replace('{signer}', text.signer).replace('{when}', text.when);
	return [
		fill(wording.signedBy),
		fill(wording.signedAt),
		...(text.bsre ? [wording.bsre] : [wording.ownCertificate]),
	];
}

/** The text set in `width` at `size`: the signer's line bold, the rest regular. */
function setText(text: WidgetText, size: number, width: number, x: number, top: number) {
	const ts = new Typesetter();
	const marks: Mark[] = [];
	let y = top;
	widgetLines(text).forEach((line, i) => {
		for (const set of ts.lines([{ text: line, bold: i === 0 }], size, width)) {
			const baseline = y + size * 0.93;
			for (const p of ts.place(set, width, 'left', true))
				marks.push({ kind: 'text', x: x + p.x, baseline, size, face: p.face, text: p.text });
			y += lineHeight(size) * 0.95;
		}
	});
	return { marks, height: y - top };
}

/**
 * Lays the block out in a box of the given width; its height follows the text, at most
 * `maxHeight` (the text is set smaller, down to 5 pt, to fit it).
 */
export function drawWidget(
	text: WidgetText,
	qrText: string | undefined,
	width: number,
	maxHeight = Infinity,
): WidgetDrawing {
	const pad = 3;
	const qrSize = qrText ? Math.min(46, maxHeight - 2 * pad) : 0;
	const textX = pad + (qrSize ? qrSize + 6 : 0);
	let size = 7.5;
	let set = setText(text, size, width - textX - pad, textX, pad);
	while (set.height + 2 * pad > maxHeight && size > 5) {
		size -= 0.25;
		set = setText(text, size, width - textX - pad, textX, pad);
	}
	const height = Math.max(qrSize + 2 * pad, set.height + 2 * pad);
	const ops: string[] = [
		'q',
		'0.6 g 0.6 G 0.5 w',
		`0.25 0.25 ${n(width - 0.5)} ${n(height - 0.5)} re S`,
		'Q',
	];
	if (qrSize) {
		const qr = qrOperators(qrText!);
		const scale = qrSize / qr.extent;
		ops.push(
			'q',
			`${n(scale)} 0 0 ${n(scale)} ${n(pad)} ${n((height - qrSize) / 2)} cm`,
			qr.ops,
			'Q',
		);
	}
	const faces = letterFaces();
	const used = new Map<FaceName, Set<number>>();
	for (const m of set.marks) {
		if (m.kind !== 'text') continue;
		if (!used.has(m.face)) used.set(m.face, new Set());
		faces[m.face].collect(m.text, used.get(m.face)!);
	}
	const fonts: WidgetFont[] = [...used].map(([face, glyphs], i) => ({
		tag: TAGS[face] ?? `F${i + 3}`,
		face,
		subset: faces[face].subset(glyphs),
	}));
	const tagOf = new Map(fonts.map((f) => [f.face, f]));
	ops.push('BT', '0 g');
	for (const m of set.marks) {
		if (m.kind !== 'text') continue;
		const font = tagOf.get(m.face)!;
		ops.push(
			`/${font.tag} ${n(m.size)} Tf 1 0 0 1 ${n(m.x)} ${n(height - m.baseline)} Tm <${faces[m.face].hex(m.text, font.subset)}> Tj`,
		);
	}
	ops.push('ET');
	return { width, height, ops: ops.join('\n'), fonts };
}
