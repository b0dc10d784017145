/**
 * What a receiver (bank, Taspen, BPN, police, school, hospital) notices in a letter, read back
 * with poppler: pages, where the signature sits, fonts, PDF/A parts, the signature itself.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { inflateSync } from 'node:zlib';

import { LETTER_TEMPLATES, renderLetter, type LetterRequest, type Paper } from '..';
import { loadSigner, signPdf, type Signer } from '../../signing';
import { heirs, sampleRequest } from '../../../../test/support/letterSamples';
import {
	pageText,
	pdfFonts,
	popplerWords,
	type PopplerPage,
	type Word,
} from '../../../../test/support/popplerText';
import { officeP12, PASSWORD, pdfsig } from '../../../../test/support/signingFixtures';

jest.setTimeout(120_000);

const MM = 72 / 25.4;
const TWO_LINE_ADDRESS =
	'Jl. Pahlawan No. 123 Kelurahan Oro-Oro Ombo, Madiun 63117 · Telepon (0351) 123456 · Faksimile (0351) 654321 · Surel kelurahan.oroorombo@madiunkota.go.id';
/** Values at the catalog's lengths: a long name, address and purpose. */
const LONG_VALUES = {
	nama: 'Raden Ajeng Siti Nurhaliza Kusumawardhani Prawirodirdjo Hadiningrat Sastrowardoyo Atmodjo',
	alamat:
		'Jl. Salak III Gang Kenanga Nomor 17 Blok C Perumahan Griya Oro-Oro Ombo Asri, masuk gang sebelah masjid Al-Ikhlas, rumah pagar hijau nomor tiga dari ujung',
	keperluan:
		'Persyaratan pengajuan permohonan yang diminta oleh instansi penerima, dengan keterangan tambahan yang cukup panjang supaya paragraf dasar surat ini menjadi tiga baris',
};

function request(service: string, paper: Paper, twoLineKop: boolean, long: boolean) {
	const req = sampleRequest(service, { paper });
	if (twoLineKop) req.letterhead = { ...req.letterhead, address: TWO_LINE_ADDRESS };
	if (long) Object.assign(req.application.data as Record<string, unknown>, LONG_VALUES);
	return req;
}

const find = (pages: PopplerPage[], text: string): Word | undefined =>
	pages.flatMap((p) => p.words).find((w) => w.text === text);

function expectNothingNearTheEdge(pages: PopplerPage[]) {
	for (const page of pages)
		for (const w of page.words) {
			expect(w.xMin).toBeGreaterThanOrEqual(10 * MM);
			expect(w.yMin).toBeGreaterThanOrEqual(10 * MM);
			expect(w.xMax).toBeLessThanOrEqual(page.width - 10 * MM);
			expect(w.yMax).toBeLessThanOrEqual(page.height - 10 * MM);
		}
}

describe.each(Object.keys(LETTER_TEMPLATES))('%s on A4 and F4, one- or two-line kop', (service) => {
	const cases: Array<[Paper, boolean, boolean]> = [];
	for (const paper of ['A4', 'F4'] as Paper[])
		for (const twoLineKop of [false, true])
			for (const long of [false, true]) cases.push([paper, twoLineKop, long]);

	it.each(cases)(
		'%s, two-line kop %s, long values %s: the signature never alone, nothing near the edge',
		async (paper, twoLineKop, long) => {
			const req = request(service, paper, twoLineKop, long);
			const pages = popplerWords((await renderLetter(req)).pdf);
			if (twoLineKop) {
				// The kop's address runs to two lines.
				const first = find(pages, 'Pahlawan')!;
				const last = find(pages, 'kelurahan.oroorombo@madiunkota.go.id')!;
				expect(last.yMin - first.yMin).toBeGreaterThan(5);
				expect(last.yMin - first.yMin).toBeLessThan(15);
			}
			if (service !== 'ahli-waris' && !long) expect(pages).toHaveLength(1);
			const name = find(pages, 'Santoso,')!;
			const withName = pageText(pages[name.page]);
			// The closing paragraph (or, in the heirs' statement, the witnesses) comes along.
			expect(withName).toContain(service === 'ahli-waris' ? 'Saksi-saksi:' : 'Demikian');
			expectNothingNearTheEdge(pages);
		},
	);
});

let signer: Signer;
beforeAll(() => {
	signer = loadSigner(officeP12(), PASSWORD);
});

const sign = async (req: LetterRequest) =>
	(
		await signPdf((await renderLetter(req)).pdf, signer, {
			signingTime: new Date('2026-05-05T03:00:00Z'),
			visible: { qrText: req.verificationUrl },
		})
	).pdf;

/** The signatory's printed name (the mark names them too, in smaller type). */
const nameOf = (pages: PopplerPage[]) =>
	pages.flatMap((p) => p.words).find((w) => w.text === 'Drs.' && w.yMax - w.yMin >= 10)!;

const markOf = (pages: PopplerPage[]) => {
	const first = find(pages, 'Ditandatangani')!;
	// The mark's words: small type (the letter's text is 12 pt) from its first line down.
	const words = pages[first.page].words.filter(
		(w) =>
			w.yMax - w.yMin < 9 &&
			w.yMin >= first.yMin - 1 &&
			w.yMin <= first.yMin + 64 &&
			w.xMin >= first.xMin - 1,
	);
	return {
		page: first.page,
		xMin: Math.min(...words.map((w) => w.xMin)),
		xMax: Math.max(...words.map((w) => w.xMax)),
		yMin: first.yMin,
		yMax: Math.max(...words.map((w) => w.yMax)),
		text: words.map((w) => w.text).join(' '),
	};
};

describe('the mark of an electronic signature', () => {
	it('sits in the signature space: under the signatory title, above the name, in its column', async () => {
		for (const paper of ['A4', 'F4'] as Paper[]) {
			const req = request('sktm', paper, true, false);
			const signed = await sign(req);
			expect(pdfsig(signed).valid).toBe(true);
			const pages = popplerWords(signed);
			expect(pages).toHaveLength(1);
			const mark = markOf(pages);
			expect(mark.text).toContain('Ditandatangani secara elektronik oleh Drs. Hadi Santoso');
			expect(mark.text).toContain('pada 05-05-2026 10:00 WIB');
			const title = pages[0].words.find((w) => w.text === 'LURAH' && w.xMin > pages[0].width / 2)!;
			const name = nameOf(pages);
			expect(mark.yMin).toBeGreaterThan(title.yMax);
			expect(mark.yMax).toBeLessThan(name.yMin);
			expect(mark.xMin).toBeGreaterThan(pages[0].width / 2);
			expectNothingNearTheEdge(pages);
		}
	});

	it('on a registered 30-heir statement: on the Lurah\'s page, clear of "Halaman n dari n" and the edges', async () => {
		const req = sampleRequest('ahli-waris');
		(req.application.data as Record<string, unknown>).ahli_waris = heirs(30);
		(req.application.letter as Record<string, unknown>).register = {
			number: '474.3/017/401.301.3/2026',
			date: '2026-05-12',
		};
		const pages = popplerWords(await sign(req));
		const mark = markOf(pages);
		const name = nameOf(pages);
		expect(mark.page).toBe(name.page);
		expect(mark.yMax).toBeLessThan(name.yMin);
		for (const w of pages[mark.page].words.filter((x) => ['Halaman', 'dari'].includes(x.text)))
			expect(w.yMin).toBeGreaterThan(mark.yMax);
		expectNothingNearTheEdge(pages);
	});

	it('is not drawn on a statement the heirs have not signed yet (no register number)', async () => {
		const req = sampleRequest('ahli-waris');
		const signed = await sign(req);
		expect(pdfsig(signed).valid).toBe(true);
		expect(find(popplerWords(signed), 'Ditandatangani')).toBeUndefined();
	});
});

describe('PDF/A-2b parts of a signed letter', () => {
	let signed: Uint8Array;
	let doc: PDFDocument;
	beforeAll(async () => {
		signed = await sign(request('sku-kur', 'F4', false, false));
		doc = await PDFDocument.load(signed, { updateMetadata: false });
	});

	it('embeds every font, the signature mark included', () => {
		const fonts = pdfFonts(signed);
		expect(fonts.length).toBeGreaterThanOrEqual(3);
		for (const font of fonts) expect(font).toMatchObject({ embedded: true });
		expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica/);
	});

	it('carries XMP metadata naming PDF/A-2B, with the title of the document information', () => {
		const stream = doc.catalog.lookup(PDFName.of('Metadata'), PDFRawStream);
		expect(stream.dict.get(PDFName.of('Filter'))).toBeUndefined();
		const xmp = Buffer.from(stream.contents).toString('utf8');
		expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
		expect(doc.getTitle()).toBe('Surat Keterangan Usaha 400.12.2/042/401.301.3/2026');
		expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
		expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
	});

	it('has an sRGB output intent whose profile is an RGB display profile', () => {
		const [intent] = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).asArray();
		const dict = doc.context.lookup(intent, PDFDict);
		expect(dict.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
		expect(dict.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe(
			'sRGB IEC61966-2.1',
		);
		const profile = dict.lookup(PDFName.of('DestOutputProfile'), PDFRawStream);
		expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');
		const icc = inflateSync(Buffer.from(profile.contents));
		expect(icc.readUInt32BE(0)).toBe(icc.length);
		expect(icc.toString('latin1', 36, 40)).toBe('acsp');
		expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
		expect(icc[8]).toBe(2);
	});

	it('has a file identifier and a binary header comment, and a valid signature over the whole file', () => {
		const bytes = Buffer.from(signed);
		expect(bytes.toString('latin1', 0, 8)).toBe('%PDF-1.7');
		expect([...bytes.subarray(10, 14)].every((b) => b > 127)).toBe(true);
		expect(bytes.toString('latin1')).toMatch(/\/ID \[ ?<[0-9A-Fa-f]{32}> ?<[0-9A-Fa-f]{32}> ?\]/);
		const report = pdfsig(signed);
		expect(report.valid).toBe(true);
		expect(report.wholeDocument).toBe(true);
	});
});
