import { defaultCatalog } from '..';
import type { FieldSpec } from '../types';

const catalog = defaultCatalog();
const service = (key: string) => {
	const found = catalog.services.find((s) => s.key === key);
	if (!found) throw new Error(`no service ${key}`);
	return found;
};
const keys = (fields: FieldSpec[]) => fields.map((f) => f.key);
// The NIK right after the name: it answers the birth date and sex (confirmed, not asked).
const IDENTITAS = [
	'nama',
	'nik',
	'tempat_lahir',
	'tanggal_lahir',
	'jenis_kelamin',
	'agama',
	'status_perkawinan',
	'pekerjaan',
	'kewarganegaraan',
	'alamat',
	'rt',
	'rw',
];

describe('the default catalog (Kelurahan Oro-Oro Ombo)', () => {
	it('offers the nine services of the office, each once', () => {
		expect(catalog.office.name).toBe('Kelurahan Oro-Oro Ombo');
		expect(catalog.services.map((s) => s.key)).toEqual([
			'sku-kur',
			'taspen',
			'ahli-waris',
			'pengantar-skck',
			'beasiswa',
			'kehilangan',
			'sktm',
			'domisili',
			'belum-menikah',
		]);
	});

	it.each(catalog.services.map((s) => [s.key, s] as const))(
		'%s asks identity first, keperluan last, and needs RT letter, KTP, KK',
		(key, s) => {
			expect(keys(s.fields).slice(0, IDENTITAS.length)).toEqual(IDENTITAS);
			// The RT/RW cover letter's number and date, then the purpose, close every request.
			expect(keys(s.fields).slice(-3)).toEqual([
				'pengantar_rt_nomor',
				'pengantar_rt_tanggal',
				'keperluan',
			]);
			expect(s.documents.map((d) => d.key)).toEqual(
				expect.arrayContaining(['pengantar_rt', 'ktp', 'kk']),
			);
			expect(s.documents.find((d) => d.key === 'kk')?.min).toBeGreaterThanOrEqual(1);
			expect(s.letter.template).toBe(key);
			expect(s.letter.title).toMatch(/^SURAT [A-Z /]+$/);
			// A classification code of the 2022 scheme, with where it comes from written down.
			expect(s.letter.classification).toMatch(/^[1-9]00(\.\d+)*$/);
			expect(s.letter.classificationSource).toMatch(/Permendagri 83\/2022/);
			for (const f of s.fields) expect(f.hint).toBeTruthy();
		},
	);

	it('remembers identity answers for a returning resident', () => {
		const identity = service('domisili').fields.slice(0, IDENTITAS.length);
		expect(identity.every((f) => f.remember)).toBe(true);
		expect(service('domisili').fields.find((f) => f.key === 'keperluan')?.remember).toBeFalsy();
	});

	it('cross-checks the NIK against birth date and sex', () => {
		expect(service('sku-kur').fields.find((f) => f.key === 'nik')?.crossCheck).toEqual({
			birthDate: 'tanggal_lahir',
			sex: 'jenis_kelamin',
		});
	});

	it('uses the closed lists for agama and status perkawinan', () => {
		const options = (key: string) =>
			service('sktm')
				.fields.find((f) => f.key === key)
				?.options?.map((o) => o.label);
		expect(options('agama')).toEqual([
			'Islam',
			'Kristen',
			'Katolik',
			'Hindu',
			'Buddha',
			'Konghucu',
			'Kepercayaan terhadap Tuhan YME',
		]);
		expect(options('status_perkawinan')).toEqual([
			'Belum Kawin',
			'Kawin Tercatat',
			'Kawin Belum Tercatat',
			'Cerai Hidup',
			'Cerai Mati',
		]);
		expect(options('jenis_kelamin')).toEqual(['Laki-laki', 'Perempuan']);
	});

	it.each([
		[
			'sku-kur',
			['usaha_nama', 'usaha_jenis', 'usaha_alamat', 'usaha_sejak', 'usaha_masih_berjalan'],
			[],
		],
		[
			'taspen',
			[
				'almarhum_nama',
				'almarhum_nip',
				'almarhum_instansi',
				'almarhum_tempat_meninggal',
				'tanggal_meninggal',
				'akta_kematian_nomor',
				'tanggal_menikah',
				'menikah_lagi',
			],
			['akta_kematian', 'buku_nikah', 'sk_pensiun'],
		],
		[
			'ahli-waris',
			[
				'almarhum_nama',
				'almarhum_tempat_lahir',
				'almarhum_tanggal_lahir',
				'almarhum_nik',
				'almarhum_agama',
				'almarhum_alamat',
				'almarhum_tempat_meninggal',
				'almarhum_tanggal_meninggal',
				'akta_kematian_nomor',
				'pasangan_nama',
				'ahli_waris',
				'saksi',
			],
			[
				'akta_kematian',
				'ktp_kk_almarhum',
				'ktp_kk_ahli_waris',
				'buku_nikah',
				'akta_lahir_ahli_waris',
				'ktp_saksi',
			],
		],
		['pengantar-skck', [], []],
		[
			'beasiswa',
			[
				'hubungan_siswa',
				'penghasilan',
				'pasangan_nama',
				'pasangan_pekerjaan',
				'pasangan_penghasilan',
				'jumlah_tanggungan',
				'siswa_nama',
				'nomor_induk',
				'sekolah',
				'jurusan',
				'kelas',
			],
			['surat_sekolah'],
		],
		[
			'kehilangan',
			['barang_hilang', 'nomor_kk', 'tanggal_hilang', 'tempat_hilang', 'kronologi'],
			['fotokopi_hilang'],
		],
		[
			'sktm',
			[
				'penghasilan',
				'nomor_dtsen',
				'penerima',
				'penerima_nama',
				'penerima_hubungan',
				'tanggungan',
			],
			['surat_pernyataan', 'surat_pendukung'],
		],
		[
			'domisili',
			[
				'status_tinggal',
				'nomor_kk',
				'kepala_keluarga',
				'alamat_asal',
				'pemilik_nama',
				'tinggal_sejak',
			],
			['surat_pemilik'],
		],
		['belum-menikah', [], ['surat_pernyataan']],
	])(
		'%s has its own fields and documents (the letter templates use these keys)',
		(key, fields, docs) => {
			expect(keys(service(key).fields).slice(IDENTITAS.length, -3)).toEqual(fields);
			expect(service(key).documents.map((d) => d.key)).toEqual([
				'pengantar_rt',
				'ktp',
				'kk',
				...docs,
			]);
		},
	);

	it('lists heirs (1–30) and exactly two witnesses for ahli-waris', () => {
		const [heirs, witnesses] = ['ahli_waris', 'saksi'].map(
			(k) => service('ahli-waris').fields.find((f) => f.key === k)!,
		);
		expect([heirs.type, heirs.minItems, heirs.maxItems, heirs.itemLabel]).toEqual([
			'records',
			1,
			30,
			'ahli waris',
		]);
		expect(keys(heirs.fields!)).toEqual(
			expect.arrayContaining([
				'nama',
				'nik',
				'tempat_lahir',
				'tanggal_lahir',
				'hubungan',
				'alamat',
			]),
		);
		expect([witnesses.minItems, witnesses.maxItems]).toEqual([2, 2]);
		expect(service('ahli-waris').documents.find((d) => d.key === 'ktp_saksi')).toMatchObject({
			min: 2,
			max: 2,
		});
	});

	it('does not ask a resident for the photo of the card that was lost', () => {
		const docs = service('kehilangan').documents;
		expect(docs.find((d) => d.key === 'ktp')?.when).toEqual({
			field: 'barang_hilang',
			notIn: ['KTP', 'KTP dan KK'],
		});
		expect(docs.find((d) => d.key === 'kk')?.when).toEqual({
			field: 'barang_hilang',
			notIn: ['KK', 'KTP dan KK'],
		});
	});

	it('is shared and cannot be changed by accident', () => {
		expect(defaultCatalog()).toBe(catalog);
		expect(() => {
			(catalog.services as unknown[]).push({});
		}).toThrow(TypeError);
	});
});
