/**
 * The parts that make a letter PDF/A-2b (ISO 19005-2, level B) besides embedded fonts: XMP
 * metadata matching the document information, an sRGB output intent for the colours the letter
 * uses (DeviceRGB emblem, DeviceGray text) and a file identifier.
 */
import { createHash } from 'crypto';
import {
	PDFArray,
	PDFDict,
	PDFHexString,
	PDFName,
	PDFRawStream,
	PDFString,
	type PDFDocument,
} from 'pdf-lib';
import { deflate } from './deflate';
import { srgbProfile } from './srgb';

export interface PdfAInfo {
	title: string;
	subject?: string;
	producer: string;
	/** Seeds the file identifier (the letter's number and code make it unique). */
	id: string;
}

/** Text for XML: markup characters escaped, control characters (not allowed in XML 1.0) dropped. */
const xml = (text: string) =>
	[...text]
		.filter((c) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r')
		.join('')
		.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const alt = (tag: string, text: string) =>
	`<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt></${tag}>`;

/** The XMP packet: PDF/A-2B identification, title, description and producer. */
export function xmpPacket(info: PdfAInfo): string {
	return [
		'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
		'<x:xmpmeta xmlns:x="adobe:ns:meta/">',
		'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
		'<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
		'<pdfaid:part>2</pdfaid:part>',
		'<pdfaid:conformance>B</pdfaid:conformance>',
		alt('dc:title', info.title),
		...(info.subject ? [alt('dc:description', info.subject)] : []),
		`<pdf:Producer>${xml(info.producer)}</pdf:Producer>`,
		'</rdf:Description>',
		'</rdf:RDF>',
		'</x:xmpmeta>',
		'<?xpacket end="w"?>',
	].join('\n');
}

let profile: Buffer | undefined;

/** Adds the metadata stream, the output intent and the identifier to a new document. */
export function markPdfA(pdf: PDFDocument, info: PdfAInfo): void {
	const { context, catalog } = pdf;
	pdf.setTitle(info.title);
	if (info.subject) pdf.setSubject(info.subject);
	pdf.setProducer(info.producer);
	// The metadata stream stays uncompressed, as PDF/A asks.
	const metadata = context.register(
		PDFRawStream.of(
			context.obj({ Type: 'Metadata', Subtype: 'XML' }) as PDFDict,
			new Uint8Array(Buffer.from(xmpPacket(info), 'utf8')),
		),
	);
	catalog.set(PDFName.of('Metadata'), metadata);
	profile ??= deflate(srgbProfile());
	const icc = context.register(
		PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode' }) as PDFDict, profile),
	);
	const intent = context.obj({
		Type: 'OutputIntent',
		S: 'GTS_PDFA1',
		OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
		Info: PDFString.of('sRGB IEC61966-2.1'),
		DestOutputProfile: icc,
	});
	catalog.set(PDFName.of('OutputIntents'), context.obj([intent]) as PDFArray);
	const id = PDFHexString.of(createHash('md5').update(info.id).digest('hex'));
	context.trailerInfo.ID = context.obj([id, id]);
}
