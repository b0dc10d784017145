import { deflateSync } from 'zlib';
import { LETTER_TEMPLATES, pageGeometry, renderLetter, type LetterRequest } from '..';
import { readPdf, squash, type PageText } from '../../../../test/support/pdfText';
import { heirs, IDENTITY, sampleRequest } from '../../../../test/support/letterSamples';

function assertInsideMargins(pages: PageText[], req: LetterRequest) {
	const g = pageGeometry(req.paper ?? 'F4', req.margins);
	for (const page of pages) {
		for (const item of page.items) {
			expect(item.x).toBeGreaterThanOrEqual(g.margin.left - 0.5);
			expect(item.x + item.width).toBeLessThanOrEqual(g.width - g.margin.right + 0.5);
			expect(item.y - item.size * 0.25).toBeGreaterThanOrEqual(g.margin.bottom - 0.5);
			expect(item.y + item.size).toBeLessThanOrEqual(g.height - g.margin.top + 0.5);
		}
	}
}

describe('a one-page letter (Surat Keterangan Usaha)', () => {
	const req = sampleRequest('sku-kur');
	let pages: PageText[];
	let bytes: number;
	beforeAll(async () => {
		const letter = await renderLetter(req);
		bytes = letter.pdf.length;
		expect(letter.warnings).toEqual([]);
		pages = await readPdf(letter.pdf);
	});

	it('is one F4 page, small', () => {
		expect(pages).toHaveLength(1);
		expect(pages[0].width).toBeCloseTo(609.4, 0);
		expect(pages[0].height).toBeCloseTo(935.4, 0);
		expect(bytes).toBeLessThan(40 * 1024);
	});

	it('prints every kop line, the title and the number', () => {
		const text = squash(pages[0].text);
		for (const line of [
			'PEMERINTAH KOTA MADIUN',
			'KECAMATAN KARTOHARJO',
			'KELURAHAN ORO-ORO OMBO',
			'Jl. Contoh No. 1 Madiun 63117',
		]) {
			expect(text).toContain(line);
		}
		expect(text).toContain('SURAT KETERANGAN USAHA');
		expect(text).toContain('Nomor: 400.12.2/042/401.301.3/2026');
	});

	it("prints the resident's fields, with diacritics extractable", () => {
		const text = squash(pages[0].text);
		for (const value of [
			'SITI NURHALIZA ÜMMÜ',
			IDENTITY.nik,
			'Madiun, 1 Juli 1990',
			'Perempuan',
			'Wiraswasta',
			'Jl. Salak III No. 17 RT 004 RW 002',
			'Pecel Bu Siti',
			'Maret 2015',
		]) {
			expect(text).toContain(value);
		}
	});

	it("aligns the identity block's colons in one column", () => {
		const items = pages[0].items;
		const nama = items.find((i) => i.str.startsWith('Nama') && !i.str.includes('Usaha'))!;
		const alamat = items.find((i) => i.str.startsWith('Alamat') && !i.str.includes('Usaha'))!;
		const colons = items.filter(
			(i) => i.str.startsWith(':') && i.y <= nama.y + 1 && i.y >= alamat.y - 1,
		);
		expect(colons).toHaveLength(9);
		const xs = new Set(colons.map((c) => c.x.toFixed(1)));
		expect(xs.size).toBe(1);
		expect(colons[0].x).toBeGreaterThan(nama.x + nama.width);
	});

	it('sets the signature block on the right half: place and date, title, name, pangkat, NIP', () => {
		const page = pages[0];
		for (const str of [
			'Madiun, 5 Mei 2026',
			'LURAH ORO-ORO OMBO',
			'Drs. Hadi Santoso, M.Si.',
			'Penata Tk. I',
			'NIP. 19700101 199503 1 001',
		]) {
			const item = page.items.find((i) => i.str.includes(str) && !i.str.includes('KELURAHAN'));
			expect(item).toBeDefined();
			expect(item!.x).toBeGreaterThan(page.width / 2);
		}
	});

	it('draws nothing outside the margins', () => assertInsideMargins(pages, req));
});

describe('every service', () => {
	it.each(Object.keys(LETTER_TEMPLATES).filter((s) => s !== 'ahli-waris'))(
		'%s renders a one-page letter with its title and the resident',
		async (service) => {
			const letter = await renderLetter(sampleRequest(service));
			const [page, ...rest] = await readPdf(letter.pdf);
			expect(rest).toHaveLength(0);
			expect(letter.warnings).toEqual([]);
			expect(squash(page.text)).toContain(letter.title.toUpperCase());
			expect(squash(page.text)).toContain('SITI NURHALIZA ÜMMÜ');
		},
	);

	it("prints the parents' income with the amount in words (beasiswa)", async () => {
		const [page] = await readPdf((await renderLetter(sampleRequest('beasiswa'))).pdf);
		expect(squash(page.text)).toContain('Rp1.500.000 (satu juta lima ratus ribu rupiah)');
		// Three label : value blocks (resident, student, income) share one colon column.
		const colons = page.items.filter((i) => i.str.startsWith(':'));
		expect(colons).toHaveLength(18);
		expect(new Set(colons.map((c) => c.x.toFixed(1))).size).toBe(1);
	});
});

describe('an inheritance letter with 30 heirs', () => {
	const list = heirs(30);
	const req = sampleRequest('ahli-waris');
	(req.application.data as Record<string, unknown>).ahli_waris = list;
	let pages: PageText[];
	beforeAll(async () => {
		pages = await readPdf((await renderLetter(req)).pdf);
	});

	it('lists every heir, across pages', () => {
		expect(pages.length).toBeGreaterThan(1);
		const all = squash(pages.map((p) => p.text).join(' '));
		for (const heir of list) {
			expect(all).toContain(heir.nama);
			expect(all).toContain(heir.nik);
		}
	});

	it('repeats the table header on each page the table runs over', () => {
		// Pages of the heirs' list (with their NIKs), not of their signatures.
		const isHeirNik = (s: string) => /^357701410790\d{4}$/.test(s.trim());
		const withHeirs = pages.filter((p) => p.items.some((i) => isHeirNik(i.str)));
		expect(withHeirs.length).toBeGreaterThan(1);
		for (const page of withHeirs) {
			const header = page.items.filter((i) =>
				['Hubungan', 'Tempat, Tanggal'].includes(i.str.trim()),
			);
			expect(header).toHaveLength(2);
			const firstHeir = Math.max(...page.items.filter((i) => isHeirNik(i.str)).map((i) => i.y));
			expect(header[0].y).toBeGreaterThan(firstHeir);
		}
	});

	it('keeps everything inside the margins', () => assertInsideMargins(pages, req));

	it("keeps the Camat's and the Lurah's columns together on one page", () => {
		const last = squash(pages[pages.length - 1].text);
		expect(last).toContain('NIP. 19700101 199503 1 001');
		expect(last).toContain('CAMAT KARTOHARJO');
		// The last page says what it belongs to, and carries the last heirs' signatures too.
		expect(last).toContain('Pernyataan Ahli Waris almarhum/almarhumah BAMBANG SUTRISNO');
		expect(last).toContain('30. ....');
	});
});

describe('names and hostile text', () => {
	const withName = (nama: string, extra: Partial<LetterRequest> = {}) => {
		const req = sampleRequest('domisili', extra);
		(req.application.data as Record<string, unknown>).nama = nama;
		return req;
	};

	it('prints Latin diacritics from many languages', async () => {
		const letter = await renderLetter(withName('Ñoño Çağrı Đặng Łukasz Øster'));
		expect(letter.warnings).toEqual([]);
		expect(squash((await readPdf(letter.pdf))[0].text)).toContain('ÑOÑO ÇAĞRI ĐẶNG ŁUKASZ ØSTER');
	});

	it('replaces characters the font lacks with "?" and says so', async () => {
		const letter = await renderLetter(withName('Budi 漢字 🙂'));
		expect(squash((await readPdf(letter.pdf))[0].text)).toContain('BUDI ?? ?');
		expect(letter.warnings).toEqual(
			expect.arrayContaining([
				expect.stringContaining('U+6F22'),
				expect.stringContaining('U+1F642'),
			]),
		);
	});

	it('prints markup and template syntax in the data as text', async () => {
		const hostile = '<b>x</b> </letter> {{letterhead.office}} &amp; "q"';
		const letter = await renderLetter(withName(hostile));
		const text = squash((await readPdf(letter.pdf))[0].text);
		expect(text).toContain(hostile.toUpperCase());
	});

	it('wraps a 2,000-character name inside the margins', async () => {
		const req = withName('Panjang'.repeat(200) + ' ' + 'Sekali '.repeat(85));
		const letter = await renderLetter(req);
		const pages = await readPdf(letter.pdf);
		assertInsideMargins(pages, req);
		expect(squash(pages.map((p) => p.text).join('')).replace(/ /g, '')).toContain(
			'PANJANG'.repeat(200),
		);
	});
});

describe('paper, margins and emblem', () => {
	it('prints on A4 with wider margins, still inside them', async () => {
		const req = sampleRequest('sku-kur', {
			paper: 'A4',
			margins: { top: 20, right: 30, bottom: 25, left: 40 },
		});
		const pages = await readPdf((await renderLetter(req)).pdf);
		expect(pages[0].width).toBeCloseTo(595.3, 0);
		expect(pages[0].height).toBeCloseTo(841.9, 0);
		assertInsideMargins(pages, req);
		expect(Math.min(...pages[0].items.map((i) => i.x))).toBeCloseTo((40 * 72) / 25.4, 0);
	});

	it('uses an emblem given as PNG, embedded as an image', async () => {
		const emblem = tinyPng(8, 10);
		const letter = await renderLetter(sampleRequest('sku-kur', { emblem }));
		expect(Buffer.from(letter.pdf).toString('latin1')).toMatch(
			/\/Subtype\s*\/Image[\s\S]*\/Width 8/,
		);
		const plain = await renderLetter(sampleRequest('sku-kur'));
		expect(Buffer.from(plain.pdf).toString('latin1')).not.toContain('/Image');
	});

	it('rejects an emblem that is not PNG or JPEG', async () => {
		await expect(
			renderLetter(sampleRequest('sku-kur', { emblem: new Uint8Array([1, 2, 3, 4]) })),
		).rejects.toThrow(/PNG or JPEG/);
	});
});

/** A solid RGB PNG, written by hand so the test needs no image library. */
function tinyPng(width: number, height: number): Uint8Array {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	const raw = Buffer.concat(
		Array.from({ length: height }, () =>
			Buffer.from([0, ...Array(width).fill([200, 30, 30]).flat()]),
		),
	);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}
