/**
 * The letter fonts: faces prepared once by scripts/letter-fonts.mjs (Latin glyphs, no hinting),
 * measured from their JSON metrics, and per document cut down to the glyphs the letter uses.
 * Cutting is a copy of byte slices, so no font is parsed or subset per letter.
 */
import { deflate } from './deflate';
import regularData from '../../../templates/fonts/serif-regular.json';
import boldData from '../../../templates/fonts/serif-bold.json';
import italicData from '../../../templates/fonts/serif-italic.json';
import boldItalicData from '../../../templates/fonts/serif-boldItalic.json';

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

interface PreparedFace {
	postscriptName: string;
	unitsPerEm: number;
	ascent: number;
	descent: number;
	capHeight: number;
	italicAngle: number;
	bbox: number[];
	underlinePosition: number;
	underlineThickness: number;
	cmap: Record<string, number>;
	advances: number[];
	lsbs: number[];
	composites: Record<string, number[]>;
	offsets: number[];
	glyf: string;
	head: string;
	hhea: string;
	maxp: string;
}

/** A face ready for measuring and embedding; built once per process. */
export class Face {
	readonly cmap = new Map<number, number>();
	readonly unicodeOf = new Map<number, number>();
	readonly glyf: Buffer;
	readonly scale: number;
	private readonly head: Buffer;
	private readonly hhea: Buffer;
	private readonly maxp: Buffer;
	private readonly widthCache = new Map<string, number>();

	constructor(
		readonly name: FaceName,
		readonly data: PreparedFace,
	) {
		for (const [cp, gid] of Object.entries(data.cmap)) {
			this.cmap.set(Number(cp), gid);
			if (!this.unicodeOf.has(gid)) this.unicodeOf.set(gid, Number(cp));
		}
		this.glyf = Buffer.from(data.glyf, 'base64');
		this.head = Buffer.from(data.head, 'base64');
		this.hhea = Buffer.from(data.hhea, 'base64');
		this.maxp = Buffer.from(data.maxp, 'base64');
		this.scale = 1000 / data.unitsPerEm;
		for (const ch of COMMON_CHARACTERS) {
			const gid = this.cmap.get(ch.codePointAt(0)!);
			if (gid !== undefined) this.base.add(gid);
		}
	}

	has(codePoint: number): boolean {
		return this.cmap.has(codePoint);
	}

	/** Width in points of text this face can draw (callers replace the rest first). */
	width(text: string, size: number): number {
		let units = this.widthCache.get(text);
		if (units === undefined) {
			units = 0;
			for (const ch of text) units += this.data.advances[this.cmap.get(ch.codePointAt(0)!) ?? 0];
			if (this.widthCache.size < 20000) this.widthCache.set(text, units);
		}
		return (units * size) / this.data.unitsPerEm;
	}

	/** Adds the glyph ids of the text to `used` (first pass, before the subset exists). */
	collect(text: string, used: Set<number>): void {
		for (const ch of text) used.add(this.cmap.get(ch.codePointAt(0)!) ?? 0);
	}

	/** The text as subset glyph ids in hex, for a `Tj` operator (Identity-H, 2 bytes each). */
	hex(text: string, subset: FontSubset): string {
		let out = '';
		for (const ch of text) {
			const gid = subset.newId.get(this.cmap.get(ch.codePointAt(0)!) ?? 0) ?? 0;
			out += HEX4[gid] ?? gid.toString(16).padStart(4, '0');
		}
		return out;
	}

	/** Advance width of a glyph in PDF text units (1/1000 em). */
	advance(gid: number): number {
		return Math.round(this.data.advances[gid] * this.scale);
	}

	/**
	 * The font for a letter: the face's common glyphs (printable ASCII and a little punctuation)
	 * plus the letter's other glyphs, renumbered. Subsets are cached by those other glyphs, so a
	 * letter in plain ASCII reuses the same compressed font stream as every letter before it.
	 */
	subset(used: Set<number>): FontSubset {
		const extra = [...used].filter((g) => !this.base.has(g)).sort((a, b) => a - b);
		const key = extra.join(',');
		let cached = this.subsets.get(key);
		if (!cached) {
			cached = this.buildSubset(extra);
			if (this.subsets.size >= 200) this.subsets.clear();
			this.subsets.set(key, cached);
		}
		return cached;
	}

	private readonly base = new Set<number>([0]);
	private readonly subsets = new Map<string, FontSubset>();

	private buildSubset(extra: number[]): FontSubset {
		const order = [...this.base, ...extra];
		const newId = new Map(order.map((g, i) => [g, i]));
		const drawn = order.length;
		for (let i = 0; i < order.length; i++) {
			for (const sub of this.data.composites[order[i]] ?? []) {
				if (!newId.has(sub)) {
					newId.set(sub, order.length);
					order.push(sub);
				}
			}
		}
		const n = order.length;
		const { offsets } = this.data;
		const loca = Buffer.alloc((n + 1) * 4);
		const hmtx = Buffer.alloc(n * 4);
		const parts: Buffer[] = [];
		let at = 0;
		order.forEach((gid, i) => {
			loca.writeUInt32BE(at, i * 4);
			hmtx.writeUInt16BE(this.data.advances[gid], i * 4);
			hmtx.writeInt16BE(this.data.lsbs[gid], i * 4 + 2);
			let glyph = this.glyf.subarray(offsets[gid], offsets[gid + 1]);
			if (this.data.composites[gid]) glyph = renumberComponents(glyph, newId);
			parts.push(glyph);
			at += glyph.length;
		});
		loca.writeUInt32BE(at, n * 4);
		const head = Buffer.from(this.head);
		head.writeUInt32BE(0, 8); // checkSumAdjustment: not needed by PDF readers
		head.writeInt16BE(1, 50); // long loca offsets
		const hhea = Buffer.from(this.hhea);
		hhea.writeUInt16BE(n, 34);
		const maxp = Buffer.from(this.maxp);
		maxp.writeUInt16BE(n, 4);
		const ttf = sfnt({ glyf: Buffer.concat(parts), head, hhea, hmtx, loca, maxp });
		const widths = order.slice(0, drawn).map((gid) => this.advance(gid));
		const unicode = order.slice(0, drawn).map((gid) => this.unicodeOf.get(gid) ?? 0xfffd);
		return { font: deflate(ttf), newId, order, widths, toUnicode: deflate(toUnicodeCMap(unicode)) };
	}
}

export interface FontSubset {
	/** Deflated TrueType data for FontFile2. */
	font: Buffer;
	/** Prepared glyph id → glyph id in the subset (the CID drawn). */
	newId: Map<number, number>;
	/** Subset glyph id → prepared glyph id. */
	order: number[];
	/** Advance widths (1/1000 em) of the CIDs that text uses, from CID 0. */
	widths: number[];
	/** Deflated ToUnicode CMap, so copied text reads as typed. */
	toUnicode: Buffer;
}

/** A ToUnicode CMap for CIDs 1..n (CID 0 is .notdef). */
function toUnicodeCMap(unicode: number[]): string {
	const entries: string[] = [];
	for (let cid = 1; cid < unicode.length; cid++) {
		const utf16 = Buffer.from(String.fromCodePoint(unicode[cid]), 'utf16le')
			.swap16()
			.toString('hex');
		entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16}>`);
	}
	const chunks: string[] = [];
	for (let i = 0; i < entries.length; i += 100) {
		const part = entries.slice(i, i + 100);
		chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
	}
	return [
		'/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
		'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
		'/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
		'1 begincodespacerange <0000> <FFFF> endcodespacerange',
		...chunks,
		'endcmap CMapName currentdict /CMap defineresource pop end end',
	].join('\n');
}

/** Glyphs every letter font carries, so most letters share one cached subset. */
const COMMON_CHARACTERS = [
	...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
	...'·–—‘’“”',
];

const HEX4 = Array.from({ length: 1024 }, (_, i) => i.toString(16).padStart(4, '0'));

/** A copy of a composite glyph with its component glyph ids mapped into the subset. */
function renumberComponents(glyph: Buffer, newId: Map<number, number>): Buffer {
	const copy = Buffer.from(glyph);
	let at = 10;
	for (;;) {
		const flags = copy.readUInt16BE(at);
		copy.writeUInt16BE(newId.get(copy.readUInt16BE(at + 2)) ?? 0, at + 2);
		at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
		if (!(flags & 0x20)) return copy;
	}
}

function checksum(b: Buffer): number {
	let sum = 0;
	const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
	return sum;
}

/** Assembles an sfnt (TrueType) file from its tables, in tag order as the format asks. */
function sfnt(tables: Record<string, Buffer>): Buffer {
	const tags = Object.keys(tables).sort();
	const count = tags.length;
	const log2 = Math.floor(Math.log2(count));
	const header = Buffer.alloc(12 + count * 16);
	header.writeUInt32BE(0x00010000, 0);
	header.writeUInt16BE(count, 4);
	header.writeUInt16BE(2 ** log2 * 16, 6);
	header.writeUInt16BE(log2, 8);
	header.writeUInt16BE(count * 16 - 2 ** log2 * 16, 10);
	const body: Buffer[] = [];
	let offset = header.length;
	tags.forEach((tag, i) => {
		const data = tables[tag];
		const at = 12 + i * 16;
		header.write(tag, at, 'latin1');
		header.writeUInt32BE(checksum(data), at + 4);
		header.writeUInt32BE(offset, at + 8);
		header.writeUInt32BE(data.length, at + 12);
		const pad = (4 - (data.length % 4)) % 4;
		body.push(data, Buffer.alloc(pad));
		offset += data.length + pad;
	});
	return Buffer.concat([header, ...body]);
}

let faces: Record<FaceName, Face> | undefined;

/** The four faces of the letter font, prepared on first use and kept for the process. */
export function letterFaces(): Record<FaceName, Face> {
	faces ??= {
		regular: new Face('regular', regularData as PreparedFace),
		bold: new Face('bold', boldData as PreparedFace),
		italic: new Face('italic', italicData as PreparedFace),
		boldItalic: new Face('boldItalic', boldItalicData as PreparedFace),
	};
	return faces;
}

export function faceName(bold: boolean, italic: boolean): FaceName {
	if (bold) return italic ? 'boldItalic' : 'bold';
	return italic ? 'italic' : 'regular';
}
