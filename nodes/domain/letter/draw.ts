/**
 * Drawing: laid-out pages → a PDF with pdf-lib. Fonts are embedded as Type0/CIDFontType2
 * (Identity-H) with a ToUnicode map so text stays searchable; images are decoded once per
 * distinct file and copied into each document.
 */
import { deflate } from './deflate';
import { createHash } from 'crypto';
import {
	JpegEmbedder,
	PDFContext,
	PDFDocument,
	PDFHexString,
	PDFInvalidObject,
	PDFName,
	PDFObjectCopier,
	PDFRawStream,
	PDFRef,
	PDFString,
	PngEmbedder,
	PDFDict,
} from 'pdf-lib';
import { SIGNATURE_SPACE_KEY, signatureSpaceValue } from '../signing/space';
import { VERIFICATION_CODE_KEY } from '../signing/verify';
import { letterFaces, type Face, type FaceName, type FontSubset } from './fonts';
import type { LaidOutLetter, Mark, PageGeometry } from './marks';
import { markPdfA } from './pdfa';
import { defaultEmblemOperators, qrOperators } from './symbolOperators';

export interface DrawOptions {
	page: PageGeometry;
	/** PNG or JPEG bytes; the bundled vector emblem when absent. */
	emblem?: Uint8Array;
	qrText: string;
	title: string;
	subject?: string;
	/** The letter's verification code, kept in the document information for the upload check. */
	verificationCode?: string;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();
const n4 = (v: number) => (Math.round(v * 10000) / 10000).toString();
const FACE_TAG: Record<FaceName, string> = {
	regular: 'F1',
	bold: 'F2',
	italic: 'F3',
	boldItalic: 'F4',
};

interface CachedImage {
	context: PDFContext;
	ref: PDFRef;
	width: number;
	height: number;
}
const images = new Map<string, Promise<CachedImage>>();

/** Decodes an emblem once per distinct file (by hash); later documents copy the finished stream. */
function decodedImage(bytes: Uint8Array): Promise<CachedImage> {
	const key = createHash('sha1').update(bytes).digest('hex');
	let cached = images.get(key);
	if (!cached) {
		cached = (async () => {
			const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
			const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
			if (!isPng && !isJpeg) throw new Error('The emblem must be a PNG or JPEG image.');
			const embedder = isPng ? await PngEmbedder.for(bytes) : await JpegEmbedder.for(bytes);
			const context = PDFContext.create();
			const ref = await embedder.embedIntoContext(context);
			return { context, ref, width: embedder.width, height: embedder.height };
		})();
		if (images.size > 50) images.clear();
		images.set(key, cached);
		cached.catch(() => images.delete(key));
	}
	return cached;
}

/** Six capital letters naming the subset, as PDF asks, different for different glyph sets. */
function subsetTag(order: number[], face: FaceName): string {
	let hash = 2166136261;
	for (const g of [face.length, ...order]) hash = Math.imul(hash ^ g, 16777619) >>> 0;
	let tag = '';
	for (let i = 0; i < 6; i++) {
		tag += String.fromCharCode(65 + (hash % 26));
		hash = Math.floor(hash / 26) + i * 7919;
	}
	return tag;
}

let emblemForm: { bytes: Buffer; width: number; height: number } | undefined;

function defaultEmblemForm() {
	if (!emblemForm) {
		const { ops, width, height } = defaultEmblemOperators();
		emblemForm = { bytes: deflate(ops), width, height };
	}
	return emblemForm;
}

const widthsCache = new WeakMap<FontSubset, Uint8Array>();

function widthsBytes(subset: FontSubset): Uint8Array {
	let bytes = widthsCache.get(subset);
	if (!bytes) {
		bytes = new Uint8Array(Buffer.from(`[0 [${subset.widths.join(' ')}]]`, 'latin1'));
		widthsCache.set(subset, bytes);
	}
	return bytes;
}

/** The names and metrics a subset's font dictionaries carry, for any PDF writer. */
export function fontDescription(face: Face, subset: FontSubset) {
	const d = face.data;
	const s = face.scale;
	return {
		name: `${subsetTag(subset.order, face.name)}+${d.postscriptName}`,
		descriptor: {
			Flags: 32 + (d.italicAngle ? 64 : 0) + 2,
			FontBBox: d.bbox.map((v) => Math.round(v * s)),
			ItalicAngle: d.italicAngle,
			Ascent: Math.round(d.ascent * s),
			Descent: Math.round(d.descent * s),
			CapHeight: Math.round(d.capHeight * s),
			StemV: face.name.startsWith('bold') ? 120 : 80,
		},
	};
}

export function embedFace(context: PDFContext, face: Face, subset: FontSubset): PDFRef {
	const { name, descriptor: metrics } = fontDescription(face, subset);
	const fontFile = context.register(
		PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }) as PDFDict, subset.font),
	);
	const descriptor = context.register(
		context.obj({ Type: 'FontDescriptor', FontName: name, ...metrics, FontFile2: fontFile }),
	);
	const cidFont = context.register(
		context.obj({
			Type: 'Font',
			Subtype: 'CIDFontType2',
			BaseFont: name,
			CIDSystemInfo: {
				Registry: PDFHexString.fromText('Adobe'),
				Ordering: PDFHexString.fromText('Identity'),
				Supplement: 0,
			},
			FontDescriptor: descriptor,
			// The widths array is written once per subset and copied as bytes into each letter.
			W: context.register(PDFInvalidObject.of(widthsBytes(subset))),
			CIDToGIDMap: 'Identity',
		}),
	);
	const toUnicode = context.register(
		PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }) as PDFDict, subset.toUnicode),
	);
	return context.register(
		context.obj({
			Type: 'Font',
			Subtype: 'Type0',
			BaseFont: name,
			Encoding: 'Identity-H',
			DescendantFonts: [cidFont],
			ToUnicode: toUnicode,
		}),
	);
}

/** A filled circle as four Bézier quarters (the usual 0.5523 control-point factor). */
function dotOperators(x: number, y: number, r: number): string {
	const k = r * 0.5523;
	return [
		`${n(x + r)} ${n(y)} m`,
		`${n(x + r)} ${n(y + k)} ${n(x + k)} ${n(y + r)} ${n(x)} ${n(y + r)} c`,
		`${n(x - k)} ${n(y + r)} ${n(x - r)} ${n(y + k)} ${n(x - r)} ${n(y)} c`,
		`${n(x - r)} ${n(y - k)} ${n(x - k)} ${n(y - r)} ${n(x)} ${n(y - r)} c`,
		`${n(x + k)} ${n(y - r)} ${n(x + r)} ${n(y - k)} ${n(x + r)} ${n(y)} c f`,
	].join(' ');
}

function pageOperators(
	marks: Mark[],
	height: number,
	subsets: Partial<Record<FaceName, FontSubset>>,
	emblemOps: (m: Extract<Mark, { kind: 'emblem' }>) => string,
	qr: { ops: string; extent: number },
): string {
	const faces = letterFaces();
	const out: string[] = ['0 g 0 G'];
	const text: string[] = [];
	const fills: string[] = [];
	let lastFont = '';
	for (const m of marks) {
		switch (m.kind) {
			case 'text': {
				const hex = faces[m.face].hex(m.text, subsets[m.face]!);
				const font = `/${FACE_TAG[m.face]} ${n(m.size)} Tf `;
				text.push(
					`${font === lastFont ? '' : font}1 0 0 1 ${n(m.x)} ${n(height - m.baseline)} Tm <${hex}> Tj`,
				);
				lastFont = font;
				if (m.underline)
					fills.push(
						`${n(m.x)} ${n(height - m.baseline - m.size * 0.11)} ${n(m.underline)} ${n(m.size * 0.05)} re`,
					);
				break;
			}
			case 'rule':
				out.push(
					`${n(m.thickness)} w ${n(m.x1)} ${n(height - m.y)} m ${n(m.x2)} ${n(height - m.y)} l S`,
				);
				break;
			case 'box':
				out.push(`0.5 w ${n(m.x)} ${n(height - m.y - m.h)} ${n(m.w)} ${n(m.h)} re S`);
				break;
			case 'emblem':
				out.push(emblemOps(m));
				break;
			case 'qr':
				out.push(
					`q ${n4(m.size / qr.extent)} 0 0 ${n4(m.size / qr.extent)} ${n(m.x)} ${n(height - m.y - m.size)} cm\n${qr.ops}\nQ`,
				);
				break;
			case 'rect':
				out.push(`q ${n(m.grey)} g ${n(m.x)} ${n(height - m.y - m.h)} ${n(m.w)} ${n(m.h)} re f Q`);
				break;
			case 'line':
				out.push(
					`q ${n(m.thickness)} w ${m.dash ? `[${n(m.dash)} ${n(m.dash)}] 0 d ` : ''}${n(m.x1)} ${n(height - m.y1)} m ${n(m.x2)} ${n(height - m.y2)} l S Q`,
				);
				break;
			case 'dot':
				out.push(dotOperators(m.x, height - m.y, m.r));
				break;
		}
	}
	if (fills.length) out.push(`${fills.join('\n')} f`);
	if (text.length) out.push(`BT\n${text.join('\n')}\nET`);
	return out.join('\n');
}

/** The first signature space the layout left, in PDF coordinates. */
function signatureSpace(laid: LaidOutLetter, page: PageGeometry) {
	for (const [i, marks] of laid.pages.entries())
		for (const m of marks)
			if (m.kind === 'signatureSpace')
				return { page: i, x: m.x, y: page.height - m.y - m.h, width: m.w, height: m.h };
	return undefined;
}

/** Writes the laid-out letter as PDF bytes. */
export async function drawLetter(laid: LaidOutLetter, options: DrawOptions): Promise<Uint8Array> {
	const pdf = await PDFDocument.create({ updateMetadata: false });
	markPdfA(pdf, {
		title: options.title,
		subject: options.subject,
		producer: 'n8n-nodes-pecelan',
		id: `${options.title} ${options.verificationCode ?? ''}`,
	});
	const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
	if (options.verificationCode && /^[A-Za-z0-9]{8,64}$/.test(options.verificationCode))
		info.set(PDFName.of(VERIFICATION_CODE_KEY), PDFString.of(options.verificationCode));
	const space = laid.draft ? 'draft' : signatureSpace(laid, options.page);
	if (space) info.set(PDFName.of(SIGNATURE_SPACE_KEY), PDFString.of(signatureSpaceValue(space)));
	const context = pdf.context;
	const { width, height } = options.page;
	const used: Record<FaceName, Set<number>> = {
		regular: new Set(),
		bold: new Set(),
		italic: new Set(),
		boldItalic: new Set(),
	};
	let emblemRef: PDFRef | undefined;
	let emblemOps: (m: Extract<Mark, { kind: 'emblem' }>) => string;
	if (options.emblem) {
		const image = await decodedImage(options.emblem);
		emblemRef = context.register(
			PDFObjectCopier.for(image.context, context).copy(
				image.context.lookup(image.ref) as PDFRawStream,
			),
		);
		emblemOps = (m) => {
			// Fit the image in the emblem box, keeping its proportions.
			const scale = Math.min(m.w / image.width, m.h / image.height);
			const w = image.width * scale;
			const h = image.height * scale;
			return `q ${n(w)} 0 0 ${n(h)} ${n(m.x + (m.w - w) / 2)} ${n(height - m.y - (m.h + h) / 2)} cm /Emblem Do Q`;
		};
	} else {
		const vector = defaultEmblemForm();
		// A form XObject compressed once per process: each letter only copies its bytes.
		emblemRef = context.register(
			PDFRawStream.of(
				context.obj({
					Type: 'XObject',
					Subtype: 'Form',
					BBox: [0, -vector.height, vector.width, 0],
					Filter: 'FlateDecode',
				}) as PDFDict,
				vector.bytes,
			),
		);
		emblemOps = (m) => {
			const scale = Math.min(m.w / vector.width, m.h / vector.height);
			return `q ${n(scale)} 0 0 ${n(scale)} ${n(m.x + (m.w - vector.width * scale) / 2)} ${n(height - m.y)} cm /Emblem Do Q`;
		};
	}
	const qr = qrOperators(options.qrText);
	// Two passes: the glyphs in use decide the subset, whose glyph ids the text is written in.
	const faces = letterFaces();
	for (const marks of laid.pages)
		for (const m of marks) if (m.kind === 'text') faces[m.face].collect(m.text, used[m.face]);
	const subsets: Partial<Record<FaceName, FontSubset>> = {};
	const fontRefs = new Map<FaceName, PDFRef>();
	for (const face of Object.keys(used) as FaceName[]) {
		if (!used[face].size) continue;
		const subset = faces[face].subset(used[face]);
		subsets[face] = subset;
		fontRefs.set(face, embedFace(context, faces[face], subset));
	}
	const pages = laid.pages.map((marks) => ({
		page: pdf.addPage([width, height]),
		ops: pageOperators(marks, height, subsets, emblemOps, qr),
	}));
	for (const { page, ops } of pages) {
		for (const [face, ref] of fontRefs)
			page.node.setFontDictionary(PDFName.of(FACE_TAG[face]), ref);
		if (emblemRef) page.node.setXObject(PDFName.of('Emblem'), emblemRef);
		const stream = context.register(
			PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }) as PDFDict, deflate(ops)),
		);
		page.node.set(PDFName.of('Contents'), stream);
	}
	// Object streams would save ~1 KB but cost more time than the rest of the drawing (pako in JS);
	// objectsPerTick: pdf-lib otherwise yields to the event loop (setTimeout) every 50 objects.
	return pdf.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity });
}
