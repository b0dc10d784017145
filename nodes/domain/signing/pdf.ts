/**
 * The PDF side of a PAdES signature, as an incremental update appended to the letter: a
 * signature dictionary whose /Contents placeholder is left out of the /ByteRange, a signature
 * field with its visible widget on the last page, and the catalog and page objects re-written
 * with the field added. The original bytes stay untouched, so the letter engine's output is
 * signed as it was printed and signing costs microseconds of PDF work, not a re-save.
 */
import { SigningError } from './errors';
import { fontDescription } from '../letter/draw';
import { letterFaces } from '../letter/fonts';
import type { WidgetDrawing, WidgetFont } from './widget';

export interface SignatureDictionary {
	/** Signer's name as the certificate states it (/Name). */
	name: string;
	reason?: string;
	location?: string;
	signingTime: Date;
	/** Bytes reserved for the CMS signature (DER); /Contents holds twice as many hex digits. */
	contentsSize: number;
}

export interface WidgetPlacement {
	drawing: WidgetDrawing;
	/** Lower-left corner, in points, on page `page` (from 0; the last page when absent). */
	x: number;
	y: number;
	page?: number;
}

export interface PreparedPdf {
	bytes: Buffer;
	byteRange: [number, number, number, number];
}

interface Xref {
	offsets: Map<number, number>;
	trailer: string;
	startxref: number;
}

const latin1 = (b: Buffer, start: number, end: number) => b.toString('latin1', start, end);

function readXref(pdf: Buffer): Xref {
	const tail = latin1(pdf, Math.max(0, pdf.length - 1024), pdf.length);
	const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
	if (!m)
		throw new SigningError(
			'not-a-pdf',
			'The file is not a complete PDF (no startxref)',
			'Sign the PDF the Letter PDF node produced.',
		);
	const startxref = Number(m[1]);
	const offsets = new Map<number, number>();
	let trailer = '';
	let at: number | undefined = startxref;
	const seen = new Set<number>();
	while (at !== undefined && !seen.has(at)) {
		seen.add(at);
		const section = latin1(pdf, at, Math.min(pdf.length, at + 64 * 1024));
		if (!section.startsWith('xref')) throw new UnsupportedPdf('cross-reference stream');
		const trailerAt = section.indexOf('trailer');
		if (trailerAt < 0) throw new UnsupportedPdf('cross-reference table without trailer');
		const rows = section
			.slice(4, trailerAt)
			.trim()
			.split(/\r\n|\r|\n/);
		for (let i = 0; i < rows.length; ) {
			const [first, count] = rows[i].trim().split(/\s+/).map(Number);
			for (let k = 0; k < count; k++) {
				const [offset, , kind] = rows[i + 1 + k].trim().split(/\s+/);
				if (kind === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(offset));
			}
			i += count + 1;
		}
		const dict = dictAt(section, trailerAt + 7);
		if (!trailer) trailer = dict;
		const prev = /\/Prev\s+(\d+)/.exec(dict);
		at = prev ? Number(prev[1]) : undefined;
	}
	return { offsets, trailer, startxref };
}

/** A file this writer does not update in place; the caller normalizes it first. */
export class UnsupportedPdf extends Error {}

/** The `<< … >>` starting at or after `from`, nested dictionaries included. */
function dictAt(text: string, from: number): string {
	const start = text.indexOf('<<', from);
	let depth = 0;
	for (let i = start; i < text.length - 1; i++) {
		if (text[i] === '<' && text[i + 1] === '<') {
			depth++;
			i++;
		} else if (text[i] === '>' && text[i + 1] === '>') {
			depth--;
			i++;
			if (depth === 0) return text.slice(start, i + 1);
		}
	}
	throw new UnsupportedPdf('unterminated dictionary');
}

function objectDict(pdf: Buffer, xref: Xref, num: number): string {
	const offset = xref.offsets.get(num);
	if (offset === undefined)
		throw new UnsupportedPdf(`object ${num} not in the cross-reference table`);
	const text = latin1(pdf, offset, Math.min(pdf.length, offset + 16 * 1024));
	const head = new RegExp(`^${num}\\s+0\\s+obj\\s*`).exec(text);
	if (!head) throw new UnsupportedPdf(`object ${num} not where the table says`);
	return dictAt(text, head[0].length);
}

const ref = (dict: string, key: string) => {
	const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
	return m ? Number(m[1]) : undefined;
};

/** The page objects under `node`, in order. */
function pagesUnder(
	pdf: Buffer,
	xref: Xref,
	node: number,
	out: number[] = [],
	depth = 0,
): number[] {
	const dict = objectDict(pdf, xref, node);
	if (!/\/Type\s*\/Pages\b/.test(dict) || depth > 32) {
		out.push(node);
		return out;
	}
	const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1].match(/(\d+)\s+0\s+R/g);
	if (!kids?.length) throw new UnsupportedPdf('page tree without kids');
	for (const kid of kids) pagesUnder(pdf, xref, Number(kid.split(/\s+/)[0]), out, depth + 1);
	return out;
}

/** Text for a PDF string: ASCII as a literal, anything else as UTF-16BE with a BOM. */
export function pdfString(text: string): string {
	if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
	const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
	return `<${utf16.toString('hex').toUpperCase()}>`;
}

export function pdfDate(date: Date): string {
	const iso = date.toISOString();
	return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

/** Inserts entries before a dictionary's closing `>>`. */
const extend = (dict: string, entries: string) => `${dict.slice(0, -2).trimEnd()}\n${entries}\n>>`;

const BYTE_RANGE_SLOT = '/ByteRange [0 0000000000 0000000000 0000000000]';

/** Where the signature goes: the catalog and the last page, as they are now. */
interface SignatureTarget {
	xref: Xref;
	rootNum: number;
	size: number;
	catalog: string;
	pageNum: number;
	page: string;
}

/** Appends the signature field and a zeroed /Contents placeholder; see embedSignature. */
export function preparePdf(
	input: Uint8Array,
	sig: SignatureDictionary,
	widget?: WidgetPlacement,
): PreparedPdf {
	const pdf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const target = signatureTarget(pdf, widget?.page);
	const sigNum = target.size;
	const { bytes, written } = appendUpdate(pdf, target, signatureObjects(target, sig, widget));
	return { bytes, byteRange: fillByteRange(bytes, written.get(sigNum)!, sig.contentsSize) };
}

/** The PDF's catalog and last page, or why this PDF cannot be signed here. */
function signatureTarget(pdf: Buffer, pageIndex?: number): SignatureTarget {
	if (latin1(pdf, 0, 5) !== '%PDF-')
		throw new SigningError(
			'not-a-pdf',
			'The file to sign is not a PDF',
			'Pass the binary property that holds the letter PDF.',
		);
	if (pdf.includes('/ByteRange'))
		throw new SigningError(
			'already-signed',
			'The PDF is already signed',
			'Sign each letter once, straight after printing it.',
		);
	const xref = readXref(pdf);
	const rootNum = ref(xref.trailer, 'Root');
	const size = Number(/\/Size\s+(\d+)/.exec(xref.trailer)?.[1]);
	if (!rootNum || !size) throw new UnsupportedPdf('trailer without /Root or /Size');
	const catalog = objectDict(pdf, xref, rootNum);
	if (/\/AcroForm/.test(catalog)) throw new UnsupportedPdf('the PDF already has a form');
	const pagesNum = ref(catalog, 'Pages');
	if (!pagesNum) throw new UnsupportedPdf('catalog without /Pages');
	const pages = pagesUnder(pdf, xref, pagesNum);
	const pageNum = pages[pageIndex ?? pages.length - 1] ?? pages[pages.length - 1];
	const page = objectDict(pdf, xref, pageNum);
	if (/\/Annots\s+\d+\s+0\s+R/.test(page)) throw new UnsupportedPdf('indirect /Annots');
	return { xref, rootNum, size, catalog, pageNum, page };
}

/**
 * The objects the update adds or replaces: the signature dictionary, its widget (with the
 * visible block's appearance and fonts), the catalog with the form, the page with the widget.
 */
function signatureObjects(
	{ rootNum, size, catalog, pageNum, page }: SignatureTarget,
	sig: SignatureDictionary,
	widget?: WidgetPlacement,
): Array<[number, string]> {
	const [sigNum, widgetNum, apNum] = [size, size + 1, size + 2];
	const rect = widget
		? [widget.x, widget.y, widget.x + widget.drawing.width, widget.y + widget.drawing.height]
		: [0, 0, 0, 0];
	const objects: Array<[number, string]> = [];
	const sigDict = [
		'<<',
		'/Type /Sig',
		'/Filter /Adobe.PPKLite',
		'/SubFilter /ETSI.CAdES.detached',
		BYTE_RANGE_SLOT,
		`/Contents <${'0'.repeat(sig.contentsSize * 2)}>`,
		`/Name ${pdfString(sig.name)}`,
		`/M ${pdfString(pdfDate(sig.signingTime))}`,
		...(sig.reason ? [`/Reason ${pdfString(sig.reason)}`] : []),
		...(sig.location ? [`/Location ${pdfString(sig.location)}`] : []),
		'>>',
	].join('\n');
	objects.push([sigNum, sigDict]);
	objects.push([
		widgetNum,
		`<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (Signature1)\n/F 132\n/V ${sigNum} 0 R\n/P ${pageNum} 0 R\n/Rect [${rect.map((v) => Number(v.toFixed(2))).join(' ')}]${widget ? `\n/AP << /N ${apNum} 0 R >>` : ''}\n>>`,
	]);
	if (widget) {
		const { drawing } = widget;
		const ops = Buffer.from(drawing.ops, 'latin1');
		let next = size + 3;
		const fonts = drawing.fonts.map((font) => {
			const written = fontObjects(font, next);
			next += written.length;
			objects.push(...written);
			return `/${font.tag} ${written[written.length - 1][0]} 0 R`;
		});
		objects.push([
			apNum,
			`<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${Number(drawing.width.toFixed(2))} ${Number(drawing.height.toFixed(2))}]\n/Resources << /Font << ${fonts.join(' ')} >> >>\n/Length ${ops.length}\n>>\nstream\n${drawing.ops}\nendstream`,
		]);
	}
	objects.push([
		rootNum,
		extend(catalog, `/AcroForm << /Fields [${widgetNum} 0 R] /SigFlags 3 >>`),
	]);
	const annots = /\/Annots\s*\[([^\]]*)\]/.exec(page);
	objects.push([
		pageNum,
		annots
			? page.replace(annots[0], `/Annots [${annots[1].trim()} ${widgetNum} 0 R]`)
			: extend(page, `/Annots [${widgetNum} 0 R]`),
	]);
	return objects;
}

const stream = (dict: string, data: Buffer) =>
	`<< ${dict} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`;

/**
 * The objects of an embedded font subset (Type0 over CIDFontType2, Identity-H, with its
 * ToUnicode map), numbered from `first`; the Type0 font is the last.
 */
function fontObjects({ face, subset }: WidgetFont, first: number): Array<[number, string]> {
	const { name, descriptor } = fontDescription(letterFaces()[face], subset);
	const metrics = Object.entries(descriptor)
		.map(([key, v]) => `/${key} ${Array.isArray(v) ? `[${v.join(' ')}]` : v}`)
		.join(' ');
	const [file, desc, cid, toUnicode, type0] = [0, 1, 2, 3, 4].map((i) => first + i);
	return [
		[file, stream('/Filter /FlateDecode', subset.font)],
		[desc, `<< /Type /FontDescriptor /FontName /${name} ${metrics} /FontFile2 ${file} 0 R >>`],
		[
			cid,
			`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /W [0 [${subset.widths.join(' ')}]] /CIDToGIDMap /Identity >>`,
		],
		[toUnicode, stream('/Filter /FlateDecode', subset.toUnicode)],
		[
			type0,
			`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
		],
	];
}

/**
 * The PDF with the objects appended as an incremental update: the objects, then a
 * cross-reference section for them and a trailer with /Prev.
 */
function appendUpdate(
	pdf: Buffer,
	{ xref, rootNum, size }: SignatureTarget,
	objects: Array<[number, string]>,
): { bytes: Buffer; written: Map<number, number> } {
	const parts: Buffer[] = [pdf];
	let offset = pdf.length;
	const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
	const push = (text: string) => {
		const b = Buffer.from(text, 'latin1');
		parts.push(b);
		offset += b.length;
		return offset - b.length;
	};
	push(lead);
	const written = new Map<number, number>();
	for (const [num, body] of objects) written.set(num, push(`${num} 0 obj\n${body}\nendobj\n`));
	const xrefAt = offset;
	const nums = [...written.keys()].sort((a, b) => a - b);
	const rows: string[] = ['xref'];
	for (let i = 0; i < nums.length; ) {
		let j = i;
		while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
		rows.push(`${nums[i]} ${j - i + 1}`);
		for (let k = i; k <= j; k++)
			rows.push(`${String(written.get(nums[k])).padStart(10, '0')} 00000 n\r`);
		i = j + 1;
	}
	const keep = ['Info', 'ID']
		.map((key) => new RegExp(`/${key}\\s*(\\d+\\s+0\\s+R|\\[[^\\]]*\\])`).exec(xref.trailer)?.[0])
		.filter(Boolean);
	const newSize = Math.max(size, ...nums.map((v) => v + 1));
	push(
		`${rows.join('\n')}\ntrailer\n<<\n/Size ${newSize}\n/Root ${rootNum} 0 R\n${keep.join('\n')}${keep.length ? '\n' : ''}/Prev ${xref.startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`,
	);
	return { bytes: Buffer.concat(parts), written };
}

/**
 * Writes the byte range into its slot: everything but the hex digits of /Contents and their
 * angle brackets.
 */
function fillByteRange(
	bytes: Buffer,
	sigAt: number,
	contentsSize: number,
): PreparedPdf['byteRange'] {
	const contentsAt = bytes.indexOf('/Contents <', sigAt) + '/Contents '.length;
	const contentsEnd = contentsAt + contentsSize * 2 + 2;
	const byteRange: PreparedPdf['byteRange'] = [
		0,
		contentsAt,
		contentsEnd,
		bytes.length - contentsEnd,
	];
	const slot = bytes.indexOf(BYTE_RANGE_SLOT, sigAt);
	const filled = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_SLOT.length, ' ');
	bytes.write(filled, slot, 'latin1');
	return byteRange;
}

/** The bytes the signature covers, in order. */
export function signedParts(prepared: PreparedPdf): Buffer[] {
	const [a, b, c, d] = prepared.byteRange;
	return [prepared.bytes.subarray(a, a + b), prepared.bytes.subarray(c, c + d)];
}

/** Writes the DER signature into the /Contents placeholder (hex, zero-padded). */
export function embedSignature(prepared: PreparedPdf, cms: Buffer): Buffer {
	const [, start, end] = prepared.byteRange;
	const room = (end - start - 2) / 2;
	if (cms.length > room)
		throw new SigningError(
			'signature-too-large',
			`The signature (${cms.length} bytes) does not fit the ${room} bytes reserved`,
			'Report this: the reserved size must grow with the certificate chain or timestamp.',
		);
	prepared.bytes.write(cms.toString('hex').toUpperCase(), start + 1, 'latin1');
	return prepared.bytes;
}
