// Prepares the letter fonts ONCE, at development time: DejaVu Serif Condensed (regular, bold,
// italic, bold italic) cut to the Latin ranges, hinting removed, glyphs renumbered, written as
// JSON under templates/fonts. At run time the letter engine only copies the glyphs a letter
// uses into a small TrueType file, so no font is parsed or subset per letter.
// Usage: node scripts/letter-fonts.mjs
import fontkit from '@pdf-lib/fontkit';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const SOURCE = 'node_modules/dejavu-fonts-ttf/ttf';
const OUT = 'templates/fonts';
const FACES = {
	regular: 'DejaVuSerifCondensed',
	bold: 'DejaVuSerifCondensed-Bold',
	italic: 'DejaVuSerifCondensed-Italic',
	boldItalic: 'DejaVuSerifCondensed-BoldItalic',
};
// Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional (Vietnamese names),
// general punctuation, currency symbols, letterlike symbols (№).
const RANGES = [
	[0x20, 0x7e],
	[0xa0, 0xff],
	[0x100, 0x24f],
	[0x1e00, 0x1eff],
	[0x2000, 0x206f],
	[0x20a0, 0x20cf],
	[0x2100, 0x214f],
];

function tables(buf) {
	const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	const count = dv.getUint16(4);
	const out = {};
	for (let i = 0; i < count; i++) {
		const at = 12 + i * 16;
		const tag = buf.toString('latin1', at, at + 4);
		out[tag] = buf.subarray(dv.getUint32(at + 8), dv.getUint32(at + 8) + dv.getUint32(at + 12));
	}
	return out;
}
const u16 = (b, at) => b.readUInt16BE(at);

function glyphSlices(t) {
	const longLoca = t.head.readInt16BE(50) === 1;
	const n = u16(t.maxp, 4);
	const off = (i) => (longLoca ? t.loca.readUInt32BE(i * 4) : u16(t.loca, i * 2) * 2);
	return Array.from({ length: n }, (_, i) => t.glyf.subarray(off(i), off(i + 1)));
}

/** Components of a composite glyph: [byte offset of the glyph index, old glyph id]. */
function components(g) {
	const out = [];
	if (g.length === 0 || g.readInt16BE(0) >= 0) return out;
	let at = 10;
	for (;;) {
		const flags = u16(g, at);
		out.push([at + 2, u16(g, at + 2)]);
		at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
		if (!(flags & 0x20)) return { list: out, end: at, flagsAt: out.length };
	}
}

/** The glyph without its hinting instructions. */
function stripHints(g) {
	if (g.length === 0) return g;
	const contours = g.readInt16BE(0);
	if (contours >= 0) {
		const at = 10 + contours * 2;
		const len = u16(g, at);
		return Buffer.concat([g.subarray(0, at), Buffer.from([0, 0]), g.subarray(at + 2 + len)]);
	}
	const c = components(g);
	const copy = Buffer.from(g.subarray(0, c.end));
	let at = 10;
	for (;;) {
		const flags = u16(copy, at);
		copy.writeUInt16BE(flags & ~0x100, at); // drop WE_HAVE_INSTRUCTIONS
		at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
		if (!(flags & 0x20)) return copy;
	}
}

function prepare(file) {
	const buf = readFileSync(`${SOURCE}/${file}.ttf`);
	const font = fontkit.create(buf);
	const t = tables(buf);
	const glyphs = glyphSlices(t);
	const hmetrics = u16(t.hhea, 34);
	const metric = (gid) => {
		const i = Math.min(gid, hmetrics - 1);
		const adv = u16(t.hmtx, i * 4);
		const lsb =
			gid < hmetrics
				? t.hmtx.readInt16BE(i * 4 + 2)
				: t.hmtx.readInt16BE(hmetrics * 4 + (gid - hmetrics) * 2);
		return [adv, lsb];
	};
	const newId = new Map([[0, 0]]);
	const order = [0];
	const add = (old) => {
		if (newId.has(old)) return;
		newId.set(old, order.length);
		order.push(old);
		const c = components(glyphs[old]);
		for (const [, sub] of c.list ?? []) add(sub);
	};
	const cmap = {};
	for (const [a, b] of RANGES) {
		for (let cp = a; cp <= b; cp++) {
			if (!font.hasGlyphForCodePoint(cp)) continue;
			const old = font.glyphForCodePoint(cp).id;
			add(old);
			cmap[cp] = newId.get(old);
		}
	}
	const parts = [];
	const offsets = [0];
	const composites = {};
	for (const old of order) {
		const g = Buffer.from(stripHints(glyphs[old]));
		const c = components(g);
		if (c.list) {
			for (const [at, sub] of c.list) g.writeUInt16BE(newId.get(sub), at);
			composites[newId.get(old)] = c.list.map(([, sub]) => newId.get(sub));
		}
		// Glyphs start on 4-byte boundaries, as the long loca format expects.
		const padded = Buffer.concat([g, Buffer.alloc((4 - (g.length % 4)) % 4)]);
		parts.push(padded);
		offsets.push(offsets[offsets.length - 1] + padded.length);
	}
	const os2 = t['OS/2'];
	return {
		postscriptName: font.postscriptName.replace('Condensed', 'Cond'),
		unitsPerEm: font.unitsPerEm,
		ascent: font.ascent,
		descent: font.descent,
		capHeight: os2.length > 90 ? os2.readInt16BE(88) : font.ascent,
		italicAngle: font.italicAngle,
		bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
		underlinePosition: font.underlinePosition,
		underlineThickness: font.underlineThickness,
		cmap,
		advances: order.map((o) => metric(o)[0]),
		lsbs: order.map((o) => metric(o)[1]),
		composites,
		offsets,
		glyf: Buffer.concat(parts).toString('base64'),
		head: Buffer.from(t.head).toString('base64'),
		hhea: Buffer.from(t.hhea).toString('base64'),
		maxp: Buffer.from(t.maxp).toString('base64'),
	};
}

for (const [face, file] of Object.entries(FACES)) {
	const data = prepare(file);
	writeFileSync(`${OUT}/serif-${face}.json`, JSON.stringify(data));
	console.log(
		`${face}: ${data.advances.length} glyphs, ${Object.keys(data.cmap).length} characters, glyf ${Math.round(Buffer.from(data.glyf, 'base64').length / 1024)} KB`,
	);
}
copyFileSync('node_modules/dejavu-fonts-ttf/LICENSE', `${OUT}/LICENSE-DejaVu.txt`);
