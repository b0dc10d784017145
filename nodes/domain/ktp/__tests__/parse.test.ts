import { parseKtpText, readDigits, snapTo } from '../parse';

import { ktpLines, SAMPLE_KTPS } from '../../../../test/support/ktp/identities';

/** What an OCR engine returns for a clean, upright photo of a sample card. */
function cleanText(index: number): string {
	const ktp = SAMPLE_KTPS[index];
	const lines = ktpLines(ktp).map(([label, value]) =>
		label === 'Jenis Kelamin'
			? `${label} : ${value} Gol. Darah : ${ktp.golonganDarah}`
			: `${label} : ${value}`,
	);
	return [`PROVINSI ${ktp.provinsi}`, ktp.kabupatenKota, ...lines, ktp.issuedAt, ktp.issuedOn].join(
		'\n',
	);
}

/** The fields a card prints, as the parser returns them (no blood type where `-` is printed). */
function printedFields(index: number): Record<string, string> {
	const fields: Record<string, string> = { ...SAMPLE_KTPS[index] };
	delete fields.issuedAt;
	delete fields.issuedOn;
	if (fields.golonganDarah === '-') delete fields.golonganDarah;
	return fields;
}

describe('parseKtpText', () => {
	it.each(SAMPLE_KTPS.map((ktp, index) => [ktp.nama, index] as const))(
		'reads every field of a cleanly read card (%s)',
		(_name, index) => {
			const reading = parseKtpText(cleanText(index));
			expect(reading.isKtp).toBe(true);
			expect(reading.fields).toEqual(printedFields(index));
		},
	);

	it('reads through misread labels, colons and letter-for-digit confusions', () => {
		const text = `PROVINSI JAWA TIMUR
KOTA MADIUN
NlK ; 35770217O885OOO2
Narna : BUDI SANTOSO
Tempat/Tgi Lahir = PONOROGO. 17-O8-1985
Jenis Kelamln : LAKI-LAKI    Gol Darah : A
Alarnat : JL. SALAK III NO. 7
RT/RW : O12 / 0O4
Kel/Desa :MANGUHARJO
Kecarnatan : MANGUHARJO
Agarna : ISLAM
Status Perkawlnan : KAWlN
Pekerjaan : WIRASWASTA
Kewarganegaraan : WNl`;
		const { fields, isKtp } = parseKtpText(text);
		expect(isKtp).toBe(true);
		expect(fields).toEqual(printedFields(1));
	});

	it('reads lines whose colon was lost and values with stray marks around them', () => {
		const text = `NIK 3577036212780001
Nama MARIA MAGDALENA WIDYASTUTI |
Tempat/Tgl Lahir SURABAYA 22-12-1978
Jenis Kelamin PEREMPUAN
Agama : KATHOLIK
Status Perkawinan : CERAl MATI
Pekerjaan : GURU ~
Kewarganegaraan : WNI`;
		const { fields } = parseKtpText(text);
		expect(fields.nik).toBe('3577036212780001');
		expect(fields.nama).toBe('MARIA MAGDALENA WIDYASTUTI');
		expect(fields.tempatLahir).toBe('SURABAYA');
		expect(fields.tanggalLahir).toBe('1978-12-22');
		expect(fields.jenisKelamin).toBe('Perempuan');
		expect(fields.agama).toBe('KATOLIK');
		expect(fields.statusPerkawinan).toBe('CERAI MATI');
		expect(fields.pekerjaan).toBe('GURU');
	});

	it("drops what the card's right column adds to a line after a wide gap", () => {
		const text = `Nama                 : SITI AMINAH
Jenis Kelamin       : PEREMPUAN          Gol. Darah : O
Kecamatan           : KARTOHARJO                                     Kera MABA St
Agama                : ISLAM                                             12-03-2016
Pekerjaan            : MENGURUS RUMAH TANGGA                 ena Ar`;
		expect(parseKtpText(text).fields).toEqual({
			nama: 'SITI AMINAH',
			jenisKelamin: 'Perempuan',
			golonganDarah: 'O',
			kecamatan: 'KARTOHARJO',
			agama: 'ISLAM',
			pekerjaan: 'MENGURUS RUMAH TANGGA',
		});
	});

	it('snaps a misread job to the registry spelling and keeps an unlisted one as read', () => {
		expect(parseKtpText('Pekerjaan : PELAJAR/MAHASlSWA').fields.pekerjaan).toBe(
			'PELAJAR/MAHASISWA',
		);
		expect(parseKtpText('Pekerjaan : KARYAWAN SWASTA').fields.pekerjaan).toBe('KARYAWAN SWASTA');
		expect(parseKtpText('Pekerjaan : PENJAHIT').fields.pekerjaan).toBe('PENJAHIT');
	});

	it('reads RT/RW written without a slash', () => {
		expect(parseKtpText('RT/RW : 021008').fields).toMatchObject({ rt: '021', rw: '008' });
		expect(parseKtpText('RT/RW : 2/1').fields).toMatchObject({ rt: '002', rw: '001' });
	});

	it('leaves out a birth date that is not a real date instead of guessing', () => {
		const { fields } = parseKtpText('Tempat/Tgl Lahir : MADIUN, 31-02-1990');
		expect(fields.tempatLahir).toBe('MADIUN');
		expect(fields.tanggalLahir).toBeUndefined();
	});

	it('finds a NIK whose label was not read at all', () => {
		const text = `PROVINSI JAWA TIMUR\n~ 3519105509670002\nNama : NI WAYAN SUKERTI`;
		expect(parseKtpText(text).fields.nik).toBe('3519105509670002');
	});

	it('says a photo of something else is not a KTP', () => {
		const receipt = `INDOMARET\nJL. PAHLAWAN 3\nTOTAL 25.000\nTUNAI 50.000\nKEMBALI 25.000`;
		const reading = parseKtpText(receipt);
		expect(reading.isKtp).toBe(false);
		expect(reading.fields.nik).toBeUndefined();
		expect(parseKtpText('').isKtp).toBe(false);
	});

	it('does not take a 16-digit number that is no NIK for one', () => {
		expect(parseKtpText('Nomor : 9999999999999999').fields.nik).toBeUndefined();
	});

	it('counts a card whose NIK is unreadable but whose labels are there as a KTP', () => {
		const text = `NIK : 35770#%&
Nama : SITI AMINAH
Tempat/Tgl Lahir : MADIUN, 05-01-1990
Jenis Kelamin : PEREMPUAN
Alamat : JL. PAHLAWAN NO. 12
RT/RW : 003/005
Agama : ISLAM`;
		const reading = parseKtpText(text);
		expect(reading.fields.nik).toBeUndefined();
		expect(reading.isKtp).toBe(true);
	});
});

describe('readDigits', () => {
	it('turns the letters OCR gives for digits into digits and drops the rest', () => {
		expect(readDigits('3577O1 45Ol9OOOO3')).toBe('3577014501900003');
		expect(readDigits('SB-Z')).toBe('582');
	});
});

describe('snapTo', () => {
	it('snaps near-misses and refuses what is far from every entry', () => {
		expect(snapTo('BUDHA', ['ISLAM', 'BUDDHA'])).toBe('BUDDHA');
		expect(snapTo('WORTEL', ['ISLAM', 'BUDDHA'])).toBeUndefined();
	});
});
