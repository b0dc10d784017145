/**
 * The visible signature: a small block (QR code, who signed and when, and the BSrE sentence
 * when BSrE signed) drawn as PDF operators in Helvetica, which every reader has, so the block
 * adds no font to the file. The words come from templates/signing/widget.json.
 */
import wording from '../../../templates/signing/widget.json';
import { qrOperators } from '../letter/symbolOperators';

export interface WidgetText {
	/** The signatory as the certificate names them. */
	signer: string;
	/** When, as the office reads it, e.g. "30-11-2026 10:15 WIB". */
	when: string;
	/** Add the BSrE sentence (the certificate was issued by BSrE). */
	bsre: boolean;
}

export interface WidgetDrawing {
	width: number;
	height: number;
	/** Content stream operators; the font resource is /Helv. */
	ops: string;
}

// Helvetica advance widths (1/1000 em) for ASCII 32–126, from the standard AFM.
const WIDTHS = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
	556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
	611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
	667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
	222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 278, 260, 278, 584,
];

/** Helvetica speaks WinAnsi: keep Latin-1, strip other accents, replace the rest. */
export function toWinAnsi(text: string): string {
	return [...text.normalize('NFC')]
		.map((ch) => {
			const code = ch.codePointAt(0)!;
			if ((code >= 32 && code <= 126) || (code >= 0xa0 && code <= 0xff)) return ch;
			const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
			return /^[\x20-\x7e]+$/.test(base) ? base : '?';
		})
		.join('');
}

const widthOf = (text: string, size: number) =>
	([...text].reduce((sum, ch) => sum + (WIDTHS[ch.charCodeAt(0) - 32] ?? 556), 0) * size) / 1000;

export function wrap(text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && widthOf(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

const literal = (text: string) =>
	`(${Buffer.from(text, 'latin1')
		.toString('latin1')
		.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const n = (v: number) => Number(v.toFixed(2)).toString();

/** The block's lines, filled from the template. */
export function widgetLines(text: WidgetText): string[] {
	const fill = (s: string) => s.replace('{signer}', text.signer).replace('{when}', text.when);
	return [
		fill(wording.signedBy),
		fill(wording.signedAt),
		...(text.bsre ? [wording.bsre] : [wording.ownCertificate]),
	].map(toWinAnsi);
}

/** Lays the block out in a box of the given width; its height follows the text. */
export function drawWidget(
	text: WidgetText,
	qrText: string | undefined,
	width: number,
): WidgetDrawing {
	const size = 6.5;
	const leading = size * 1.25;
	const pad = 3;
	const qrSize = qrText ? 46 : 0;
	const textX = pad + (qrSize ? qrSize + 6 : 0);
	const textWidth = width - textX - pad;
	const [signedBy, signedAt, ...notes] = widgetLines(text);
	const lines: Array<{ text: string; bold: boolean }> = [
		...wrap(signedBy, size, textWidth).map((t) => ({ text: t, bold: true })),
		...wrap(signedAt, size, textWidth).map((t) => ({ text: t, bold: false })),
		...notes.flatMap((note) => wrap(note, size, textWidth).map((t) => ({ text: t, bold: false }))),
	];
	const height = Math.max(qrSize + 2 * pad, lines.length * leading + 2 * pad);
	const ops: string[] = [
		'q',
		'0.6 g 0.6 G 0.5 w',
		`0.25 0.25 ${n(width - 0.5)} ${n(height - 0.5)} re S`,
		'Q',
	];
	if (qrText) {
		const qr = qrOperators(qrText);
		const scale = qrSize / qr.extent;
		ops.push(
			'q',
			`${n(scale)} 0 0 ${n(scale)} ${n(pad)} ${n((height - qrSize) / 2)} cm`,
			qr.ops,
			'Q',
		);
	}
	ops.push('BT', '0 g');
	let y = height - pad - size;
	for (const line of lines) {
		ops.push(
			`/${line.bold ? 'HelvB' : 'Helv'} ${n(size)} Tf`,
			`1 0 0 1 ${n(textX)} ${n(y)} Tm`,
			`${literal(line.text)} Tj`,
		);
		y -= leading;
	}
	ops.push('ET');
	return { width, height, ops: ops.join('\n') };
}
