/**
 * Line breaking: runs → words → lines, with widths measured from the prepared font metrics.
 * Characters the font cannot draw become "?" here, and each one is reported once.
 */
import { faceName, letterFaces, type FaceName } from './fonts';
import type { Align, Run } from './model';

export interface Segment {
	text: string;
	face: FaceName;
	underline: boolean;
	width: number;
}

interface Word {
	segs: Segment[];
	width: number;
	/** Width of the space before this word (0 at the start or after a break). */
	space: number;
	breakAfter: boolean;
}

export type Line = Word[];

/** Text placed on a line: x is the left edge, relative to the line's left. */
export interface Placed {
	x: number;
	text: string;
	face: FaceName;
	/** Length of the underline from x, when underlined. */
	underline?: number;
	width: number;
}

const REPLACEMENT = '?';

function isOneGlyph(word: Word): boolean {
	return word.segs.reduce((n, seg) => n + Array.from(seg.text).length, 0) <= 1;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export class Typesetter {
	readonly faces = letterFaces();
	readonly warnings = new Set<string>();

	/** The text with every character the face lacks replaced by "?" (and a warning). */
	private clean(text: string, face: FaceName): string {
		// Printable ASCII is in every face: the common case needs no per-character look-up.
		if (PRINTABLE_ASCII.test(text)) return text;
		const f = this.faces[face];
		let out = '';
		for (const ch of text.normalize('NFC')) {
			const cp = ch.codePointAt(0)!;
			if (f.has(cp)) out += ch;
			else if (cp === 0x09 || cp === 0x0a || cp === 0x0d) out += ' ';
			else {
				out += REPLACEMENT;
				const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
				this.warnings.add(
					`Character "${ch}" (${code}) is not in the letter font; printed as "${REPLACEMENT}".`,
				);
			}
		}
		return out;
	}

	words(runs: Run[], size: number): Word[] {
		const words: Word[] = [];
		let current: Word | undefined;
		let pendingSpace = 0;
		for (const run of runs) {
			const face = faceName(!!run.bold, !!run.italic);
			const f = this.faces[face];
			const parts = this.clean(run.text, face).split(/( +)/);
			for (const part of parts) {
				if (!part) continue;
				if (part[0] === ' ') {
					current = undefined;
					pendingSpace = f.width(' ', size);
					continue;
				}
				const seg: Segment = {
					text: part,
					face,
					underline: !!run.underline,
					width: f.width(part, size),
				};
				if (!current) {
					current = {
						segs: [],
						width: 0,
						space: words.length && !words[words.length - 1].breakAfter ? pendingSpace : 0,
						breakAfter: false,
					};
					words.push(current);
				}
				current.segs.push(seg);
				current.width += seg.width;
				pendingSpace = 0;
			}
			if (run.br) {
				if (!words.length || words[words.length - 1].breakAfter)
					words.push({ segs: [], width: 0, space: 0, breakAfter: true });
				else words[words.length - 1].breakAfter = true;
				current = undefined;
			}
		}
		return words;
	}

	/** Splits a word wider than the line into pieces that fit, character by character. */
	private split(word: Word, max: number, size: number): Word[] {
		const out: Word[] = [];
		let piece: Word = { segs: [], width: 0, space: word.space, breakAfter: false };
		for (const seg of word.segs) {
			const f = this.faces[seg.face];
			let text = '';
			for (const ch of seg.text) {
				const w = f.width(ch, size);
				if (piece.width + f.width(text, size) + w > max && (text || piece.segs.length)) {
					if (text) piece.segs.push({ ...seg, text, width: f.width(text, size) });
					piece.width = piece.segs.reduce((s, x) => s + x.width, 0);
					out.push(piece);
					piece = { segs: [], width: 0, space: 0, breakAfter: false };
					text = '';
				}
				text += ch;
			}
			if (text) {
				piece.segs.push({ ...seg, text, width: f.width(text, size) });
				piece.width = piece.segs.reduce((s, x) => s + x.width, 0);
			}
		}
		piece.breakAfter = word.breakAfter;
		out.push(piece);
		return out;
	}

	/** Greedy line breaking; `first` is the width of the first line when it differs. */
	lines(runs: Run[], size: number, max: number, first = max): Line[] {
		const lines: Line[] = [];
		let line: Line = [];
		let width = 0;
		const limit = () => (lines.length ? max : first);
		const queue = this.words(runs, size);
		for (let i = 0; i < queue.length; i++) {
			const word = queue[i];
			const space = line.length ? word.space : 0;
			if (line.length && width + space + word.width > limit()) {
				lines.push(line);
				line = [];
				width = 0;
			}
			// A single glyph wider than the line (a very narrow table column) cannot be split
			// further: it is set on a line of its own and overflows, rather than split forever.
			if (word.width > limit() && !isOneGlyph(word)) {
				const pieces = this.split(word, limit(), size);
				queue.splice(i, 1, ...pieces);
				i--;
				continue;
			}
			width += (line.length ? word.space : 0) + word.width;
			line.push(word);
			if (word.breakAfter) {
				lines.push(line);
				line = [];
				width = 0;
			}
		}
		if (line.length || !lines.length) lines.push(line);
		return lines;
	}

	/** Positions of the line's text; `last` lines of justified text are set left. */
	place(line: Line, width: number, align: Align, last: boolean): Placed[] {
		const natural = line.reduce((s, w, i) => s + w.width + (i ? w.space : 0), 0);
		let x = 0;
		let extra = 0;
		if (align === 'center') x = (width - natural) / 2;
		else if (align === 'right') x = width - natural;
		else if (align === 'justify' && !last && line.length > 1 && !line[line.length - 1].breakAfter) {
			extra = (width - natural) / (line.length - 1);
		}
		const out: Placed[] = [];
		line.forEach((word, i) => {
			if (i) {
				const gapStart = x;
				x += word.space + extra;
				const prev = out[out.length - 1];
				// Underlined words joined by a space keep one continuous underline.
				if (prev?.underline !== undefined && word.segs[0]?.underline)
					prev.underline += x - gapStart;
			}
			for (const seg of word.segs) {
				out.push({
					x,
					text: seg.text,
					face: seg.face,
					width: seg.width,
					underline: seg.underline ? seg.width : undefined,
				});
				x += seg.width;
			}
		});
		return out;
	}
}
