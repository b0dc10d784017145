/**
 * What each letter must and must not say, read back from the PDF as text: the cases where a
 * letter used to state something false or leave out what the receiving institution reads.
 */
import { composeLetter, LETTER_TEMPLATES, renderLetter } from '..';
import { readPdf, squash, type PageText } from '../../../../test/support/pdfText';
import { heirs, KOS_TENANT, sampleRequest } from '../../../../test/support/letterSamples';

async function letterText(
	service: string,
	data: Record<string, unknown> = {},
	letter: Record<string, unknown> = {},
) {
	const req = sampleRequest(service);
	Object.assign(req.application.data as Record<string, unknown>, data);
	Object.assign(req.application.letter as Record<string, unknown>, letter);
	const rendered = await renderLetter(req);
	expect(rendered.warnings).toEqual([]);
	const pages = await readPdf(rendered.pdf);
	return { pages, text: squash(pages.map((p) => p.text).join(' ')) };
}

describe('Taspen (janda/duda)', () => {
	it('states the widow has not remarried, with what Taspen reads about the deceased', async () => {
		const { text } = await letterText('taspen');
		expect(text).toContain('adalah benar janda dari almarhum/almarhumah');
		expect(text).toContain('belum menikah lagi');
		for (const value of [
			'196501011990031002',
			'Dinas Pendidikan Kota Madiun',
			'di RSUD dr. Soedono Madiun, pada tanggal 14 Februari 2026',
			'Nomor 3577-KM-14022026-0012',
			'menikah dengan almarhum/almarhumah pada tanggal 12 Juni 1988',
		])
			expect(text).toContain(value);
	});

	it('never says a remarried widow has not remarried', async () => {
		const { text } = await letterText('taspen', { menikah_lagi: 'Sudah menikah lagi' });
		expect(text).not.toMatch(/belum menikah lagi|tidak menikah lagi/);
	});
});

describe('SKTM', () => {
	it('prints income, dependants count, beneficiary and the DTSEN number', async () => {
		const { text } = await letterText('sktm');
		expect(text).toContain('Penghasilan Keluarga : Rp1.200.000 (satu juta dua ratus ribu rupiah)');
		expect(text).toContain('Jumlah Tanggungan : 2 (dua) orang');
		expect(text).toContain('Surat Ini Untuk : DEWI LESTARI (Anak yang bersangkutan)');
		expect(text).toContain('(DTSEN) dengan nomor 3577010000123456');
		expect(text).not.toContain('DTKS');
	});

	it('prints no DTSEN number for "gak tau", and no dependants table when there are none', async () => {
		const { text } = await letterText('sktm', {
			nomor_dtsen: 'gak tau',
			tanggungan: [],
			penerima: 'Saya sendiri',
			penerima_nama: null,
			penerima_hubungan: null,
		});
		expect(text).not.toContain('gak tau');
		expect(text).not.toContain('DTSEN');
		expect(text).toContain('Jumlah Tanggungan : tidak ada');
		expect(text).toContain('Surat Ini Untuk : yang bersangkutan sendiri');
		// No header-only table: its column titles are gone with it.
		expect(text).not.toMatch(/Jenis Kelamin.*Hubungan/);
	});

	it('never breaks a word inside a table column (sex, NIK, relationship)', async () => {
		const { pages } = await letterText('sktm');
		const items = pages[0].items.map((i) => i.str.trim());
		for (const word of ['Perempuan', 'Laki-laki', '3577015505090001', 'Hubungan', 'No'])
			expect(items).toContain(word);
		expect(items).not.toContain('Laki-l');
	});
});

describe('SKU for KUR', () => {
	it('prints the home address for "sama", the month and year started, and that it still runs', async () => {
		const { text } = await letterText('sku-kur', { usaha_alamat: 'Sama' });
		expect(text).not.toMatch(/Alamat Usaha : sama/i);
		expect(text).toContain('Alamat Usaha : Jl. Salak III No. 17 RT 004 RW 002, Kelurahan Oro-Oro');
		expect(text).toContain('Mulai Berjalan : Maret 2015');
		expect(text).toContain('sampai dengan dikeluarkannya surat keterangan ini masih berjalan');
		expect(text).toContain('berlaku sampai dengan tanggal 5 November 2026');
	});

	it('keeps an address that is not "sama" as typed', async () => {
		const { text } = await letterText('sku-kur');
		expect(text).toContain('Alamat Usaha : Jl. Salak III No. 21, Madiun');
	});
});

describe('police cover letters', () => {
	it('addresses the SKCK letter to the Kapolres and leaves the clean record to the police', async () => {
		const { text } = await letterText('pengantar-skck');
		expect(text).toContain('Kepada Yth. Kepala Kepolisian Resor Madiun Kota');
		expect(text).not.toMatch(/tersangkut perkara|berkelakuan baik/);
		// "untuk melamar pekerjaan" typed: the letter says "untuk keperluan" once.
		expect(text).toContain('untuk keperluan melamar pekerjaan');
		expect(text).not.toMatch(/keperluan untuk/);
	});

	it('reports a lost KTP and KK together to the Kapolsek, each with its number', async () => {
		const { text } = await letterText('kehilangan');
		expect(text).toContain('Kepada Yth. Kepala Kepolisian Sektor Kartoharjo');
		expect(text).toContain('Kartu Tanda Penduduk (KTP) dengan NIK 3577014107900001');
		expect(text).toContain('Kartu Keluarga (KK) Nomor 3577010101100005');
	});

	it('reports a lost KTP alone without claiming the KK was lost', async () => {
		const { text } = await letterText('kehilangan', { barang_hilang: 'KTP' });
		expect(text).toContain('Kartu Tanda Penduduk (KTP)');
		expect(text).not.toContain('Kartu Keluarga (KK)');
	});
});

describe('domisili', () => {
	it('serves a kos tenant: KTP of origin, the landlord, since when, and no local KK', async () => {
		const { text } = await letterText('domisili', KOS_TENANT);
		expect(text).toContain(
			'Alamat sesuai KTP : Jl. Merdeka No. 5 RT 001 RW 003, Kel. Bangunsari, Kab. Ponorogo',
		);
		expect(text).toContain('sejak Agustus 2024');
		expect(text).toContain('rumah milik Suparman berdasarkan surat pernyataan pemilik rumah');
		expect(text).not.toContain('Kartu Keluarga');
	});

	it('names the KK and its head for a resident on a local KK', async () => {
		const { text } = await letterText('domisili');
		expect(text).toContain('Kartu Keluarga Nomor 3577010101100005');
		expect(text).toContain('sejak Agustus 2010');
	});
});

describe('belum menikah', () => {
	it('says "belum pernah menikah" only for status Belum Kawin', async () => {
		expect((await letterText('belum-menikah')).text).toContain('belum pernah menikah');
		const married = await letterText('belum-menikah', { status_perkawinan: 'Kawin' });
		expect(married.text).not.toContain('belum pernah menikah');
	});
});

describe('beasiswa', () => {
	it("prints one parent's block, the relationship, the total income and the dependants", async () => {
		const { text } = await letterText('beasiswa');
		expect(text).toContain('adalah benar ibu dari siswa/mahasiswa');
		expect(text).toContain('Penghasilan Ibu : Rp750.000 (tujuh ratus lima puluh ribu rupiah)');
		expect(text).toContain(
			'Jumlah Penghasilan : Rp2.250.000 (dua juta dua ratus lima puluh ribu rupiah)',
		);
		expect(text).toContain('Jumlah Tanggungan : 4 (empat) orang');
		expect(text.match(/SITI NURHALIZA/g)).toHaveLength(1);
	});
});

describe('every letter', () => {
	// The heirs' statement is signed differently (below); every other letter follows one pattern.
	const services = Object.keys(LETTER_TEMPLATES).filter((s) => s !== 'ahli-waris');

	it.each(services)('%s names the RT/RW cover letter, its number and date', async (service) => {
		const { text } = await letterText(service);
		expect(text).toContain(
			'berdasarkan Surat Pengantar Ketua RT 004 / RW 002 Nomor 012/RT.004/RW.002/V/2026 tanggal 2 Mei 2026',
		);
		expect(text).not.toMatch(/keperluan untuk|keperluan keperluan/);
	});

	it.each(['sktm', 'domisili', 'sku-kur', 'belum-menikah', 'beasiswa'])(
		'%s says how long it is valid',
		async (service) => {
			expect((await letterText(service)).text).toMatch(
				/berlaku sampai dengan tanggal \d+ \w+ 2026/,
			);
		},
	);

	it.each(services)(
		'%s leaves room for a wet signature and cap above the name, with the QR code beside it',
		async (service) => {
			const req = sampleRequest(service);
			const { laid, page } = composeLetter(req);
			const marks = laid.pages[laid.pages.length - 1];
			const text = (s: string) => marks.find((m) => m.kind === 'text' && m.text === s)!;
			const title = text('LURAH');
			const name = text('Drs.');
			expect(name.kind === 'text' && title.kind === 'text').toBe(true);
			if (name.kind !== 'text' || title.kind !== 'text') return;
			// At least 60 pt (about 2 cm) of empty space between the title and the name.
			expect(name.baseline - title.baseline).toBeGreaterThan(60 + 12 * 1.3);
			const between = marks.filter(
				(m) =>
					m.kind === 'text' &&
					m.x > page.width / 2 &&
					m.baseline > title.baseline + 1 &&
					m.baseline < name.baseline - 1,
			);
			expect(between).toEqual([]);
			const qr = marks.find((m) => m.kind === 'qr')!;
			expect(qr.kind === 'qr' && qr.x + qr.size).toBeLessThan(page.width / 2);
		},
	);

	it('a one-page letter carries no page number', async () => {
		expect((await letterText('sku-kur')).text).not.toContain('Halaman');
	});
});

describe("the heirs' statement (ahli waris) with 30 heirs", () => {
	let pages: PageText[];
	let text: string;
	const list = heirs(30);
	beforeAll(async () => {
		({ pages, text } = await letterText('ahli-waris', { ahli_waris: list }));
	});

	it('numbers every page "Halaman n dari N"', () => {
		expect(pages.length).toBeGreaterThanOrEqual(4);
		pages.forEach((page, i) =>
			expect(squash(page.text)).toContain(`Halaman ${i + 1} dari ${pages.length}`),
		);
	});

	it("is the heirs' own statement: deceased in full, every heir twice (list and signature), meterai", () => {
		expect(text).toContain('SURAT PERNYATAAN AHLI WARIS');
		expect(text).toContain('Kami yang bertanda tangan di bawah ini, selaku para ahli waris');
		for (const value of [
			'Tempat, Tanggal Lahir : Ponorogo, 1 Januari 1965',
			'Agama : Islam',
			'Alamat Terakhir : Jl. Salak III No. 17 RT 004 RW 002',
		])
			expect(text).toContain(value);
		for (const heir of list) {
			expect(text.split(heir.nama).length - 1).toBe(2);
			expect(text).toContain(heir.nik);
		}
		expect(text).toContain('Meterai Rp10.000');
		expect(text).toContain('30. ....');
		for (const kind of ['Istri', 'Anak Kandung', 'Cucu']) expect(text).toContain(kind);
	});

	it('has two witnesses signing, and the Lurah and the Camat with register numbers left blank until the heirs signed', () => {
		expect(text).toContain('Saksi-saksi:');
		expect(text).toContain('Suparman');
		expect(text).toContain('Sri Rahayu');
		expect(text).toContain('Menguatkan: Nomor Register: .....');
		expect(text).toContain('CAMAT KARTOHARJO');
		expect(text).toContain('Mengetahui: Nomor Register: ..............................');
		expect(text).toContain('Tanggal: ........................ LURAH ORO-ORO OMBO');
		expect(text).not.toContain('Tanggal: 5 Mei 2026');
		expect(text).toContain('NIP. 19700101 199503 1 001');
	});

	it('names the statement and the deceased on every page, the last included', () => {
		for (const page of pages)
			expect(squash(page.text)).toContain(
				'Pernyataan Ahli Waris almarhum/almarhumah BAMBANG SUTRISNO',
			);
	});

	it("keeps the date with the heading and first row of the heirs' signatures", () => {
		const at = pages.findIndex((p) => squash(p.text).includes('Madiun, 5 Mei 2026'));
		expect(squash(pages[at].text)).toMatch(
			/Madiun, 5 Mei 2026 Para Ahli Waris: No Nama Ahli Waris Tanda Tangan 1 Pewaris Nomor 1/,
		);
	});

	it('gives each heir a signature cell a meterai fits (at least 3 cm tall)', () => {
		const numbers = pages.flatMap((p, page) =>
			p.items.filter((i) => /^\d+\. \.{25,}$/.test(i.str.trim())).map((i) => ({ page, y: i.y })),
		);
		expect(numbers).toHaveLength(30);
		for (let k = 1; k < numbers.length; k++)
			if (numbers[k].page === numbers[k - 1].page)
				expect(numbers[k - 1].y - numbers[k].y).toBeGreaterThanOrEqual((30 * 72) / 25.4);
	});
});

describe("the heirs' statement: who inherits", () => {
	const family = [
		{ ...heirs(1)[0], nama: 'Siti Janda', hubungan: 'Istri' },
		{ ...heirs(2)[1], nama: 'Budi Kandung', hubungan: 'Anak Kandung' },
		{ ...heirs(3)[2], nama: 'Rina Angkat', hubungan: 'Anak Angkat' },
		{ ...heirs(4)[3], nama: 'Tono Tiri', hubungan: 'Anak Tiri' },
	];
	const of = async (agama: string) =>
		(await letterText('ahli-waris', { ahli_waris: family, almarhum_agama: agama })).text;

	it('never lists a stepchild, whatever the religion', async () => {
		for (const agama of ['Islam', 'Kristen']) expect(await of(agama)).not.toContain('Tono Tiri');
	});

	it('names an adopted child of a Muslim deceased apart, as wasiat wajibah for a notary or the religious court, never among the heirs or their signatures', async () => {
		const text = await of('Islam');
		expect(text.split('Rina Angkat').length - 1).toBe(1);
		const note = text.indexOf(
			'Anak angkat almarhum/almarhumah berikut bukan ahli waris menurut Kompilasi Hukum Islam',
		);
		expect(note).toBeGreaterThan(0);
		expect(text.indexOf('Rina Angkat')).toBeGreaterThan(note);
		expect(text).toContain('wasiat wajibah');
		expect(text).toContain('notaris atau Pengadilan Agama');
		expect(text.split('Budi Kandung').length - 1).toBe(2);
		expect(text.split('Siti Janda').length - 1).toBe(2);
	});

	it('lists an adopted child as an heir when the deceased was not Muslim', async () => {
		const text = await of('Kristen');
		expect(text.split('Rina Angkat').length - 1).toBe(2);
		expect(text).not.toContain('Kompilasi Hukum Islam');
	});

	it('prints the register number and date once staff recorded them after the signing', async () => {
		const { text } = await letterText(
			'ahli-waris',
			{},
			{
				register: { number: '474.3/017/401.301.3/2026', date: '2026-05-12' },
			},
		);
		expect(text).toContain(
			'Mengetahui: Nomor Register: 474.3/017/401.301.3/2026 Tanggal: 12 Mei 2026',
		);
	});
});
