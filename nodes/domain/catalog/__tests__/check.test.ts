import { checkApplication, defaultCatalog, renderMessage } from '..';

const catalog = defaultCatalog();
const now = new Date('2026-05-05T03:00:00Z');
const photo = (n = 1) => Array.from({ length: n }, (_, i) => ({ fileId: `f${i}` }));

const identity = {
	nama: 'Siti Aminah',
	tempat_lahir: 'Madiun',
	tanggal_lahir: '1990-08-17',
	jenis_kelamin: 'Perempuan',
	nik: '3577015708900002',
	agama: 'Islam',
	status_perkawinan: 'Kawin',
	pekerjaan: 'Wiraswasta',
	kewarganegaraan: 'WNI',
	alamat: 'Jl. Salak III No. 12',
	rt: '003',
	rw: '005',
	pengantar_rt_tanggal: '2026-05-02',
};
const domisili = () => ({
	serviceKey: 'domisili',
	data: {
		...identity,
		status_tinggal: 'Terdaftar di KK kelurahan ini',
		nomor_kk: '3577010203150004',
		kepala_keluarga: 'Sutrisno',
		tinggal_sejak: '2010-08-01',
		keperluan: 'Membuka rekening bank',
	},
	documents: { pengantar_rt: photo(), ktp: photo(), kk: photo() } as Record<string, unknown[]>,
});
const heir = (nik: string, tanggal_lahir: string) => ({
	nama: 'Budi',
	tempat_lahir: 'Madiun',
	tanggal_lahir,
	nik,
	hubungan: 'Anak Kandung',
	alamat: 'Jl. Salak III No. 12',
});
const witness = { nama: 'Slamet', nik: '3577010101700002', alamat: 'Jl. Salak III No. 10' };
const ahliWaris = () => ({
	serviceKey: 'ahli-waris',
	data: {
		...identity,
		almarhum_nama: 'Sutrisno',
		almarhum_tempat_lahir: 'Madiun',
		almarhum_tanggal_lahir: '1955-03-12',
		almarhum_nik: '3577011203550001',
		almarhum_agama: 'Islam',
		almarhum_alamat: 'sama',
		almarhum_tempat_meninggal: 'RSUD Kota Madiun',
		almarhum_tanggal_meninggal: '2026-03-05',
		akta_kematian_nomor: '3577-KM-05032026-0012',
		ahli_waris: [heir('3577011708900001', '1990-08-17')],
		saksi: [witness, witness],
		keperluan: 'Balik nama sertifikat',
	} as Record<string, unknown>,
	documents: {
		pengantar_rt: photo(),
		ktp: photo(),
		kk: photo(),
		akta_kematian: photo(),
		ktp_kk_almarhum: photo(2),
		ktp_kk_ahli_waris: photo(2),
		buku_nikah: photo(),
		akta_lahir_ahli_waris: photo(),
		ktp_saksi: photo(2),
	} as Record<string, unknown[]>,
});

describe('checkApplication', () => {
	it('a complete domisili application passes with nothing to fix', () => {
		expect(checkApplication(domisili(), catalog, now)).toEqual({
			complete: true,
			service: { key: 'domisili', title: 'Surat Keterangan Domisili' },
			missingFields: [],
			invalidFields: [],
			missingDocuments: [],
		});
	});

	it('names each missing photo with the reason in Indonesian', () => {
		const app = domisili();
		delete app.documents.kk;
		app.documents.ktp = [];
		const result = checkApplication(app, catalog, now);
		expect(result.complete).toBe(false);
		expect(result.missingDocuments).toEqual([
			{ key: 'ktp', label: 'KTP', reason: 'KTP: perlu 1 berkas, baru ada 0.' },
			{ key: 'kk', label: 'Kartu Keluarga', reason: 'Kartu Keluarga: perlu 1 berkas, baru ada 0.' },
		]);
	});

	it('explains an invalid NIK: the birth-date digits disagree with the stated birth date', () => {
		const app = domisili();
		app.data.nik = '3577015708910002';
		const result = checkApplication(app, catalog, now);
		expect(result.complete).toBe(false);
		expect(result.invalidFields).toHaveLength(1);
		expect(result.invalidFields[0]).toMatchObject({ key: 'nik', label: 'NIK' });
		expect(result.invalidFields[0].reason).toContain('570891');
		expect(result.invalidFields[0].reason).toContain('17 Agustus 1990');
	});

	it('reports a missing required field and an unreadable value separately', () => {
		const app = domisili();
		delete (app.data as Record<string, unknown>).keperluan;
		app.data.nomor_kk = '12345';
		const result = checkApplication(app, catalog, now);
		expect(result.missingFields).toEqual([
			{ key: 'keperluan', label: 'Keperluan', reason: 'Keperluan belum diisi.' },
		]);
		expect(result.invalidFields.map((f) => f.key)).toEqual(['nomor_kk']);
		expect(result.invalidFields[0].reason).toMatch(/^Nomor KK: .*16 angka/);
	});

	it('does not ask for the photo of a card that was lost (KTP and KK both)', () => {
		const app = {
			serviceKey: 'kehilangan',
			data: {
				...identity,
				barang_hilang: 'KTP dan KK',
				nomor_kk: '3577010203150004',
				tanggal_hilang: '2026-05-01',
				tempat_hilang: 'Pasar Besar',
				kronologi: 'Dompet terjatuh di jalan pulang',
				keperluan: 'KTP dan KK baru',
			},
			documents: { pengantar_rt: photo() },
		};
		expect(checkApplication(app, catalog, now)).toMatchObject({
			complete: true,
			missingDocuments: [],
		});
		const ktpOnly = { ...app, data: { ...app.data, barang_hilang: 'KTP' } };
		expect(checkApplication(ktpOnly, catalog, now).missingDocuments.map((d) => d.key)).toEqual([
			'kk',
		]);
	});

	it('lists answers that contradict the letter (a remarried widow asking for a janda letter)', () => {
		const app = {
			serviceKey: 'taspen',
			data: { ...identity, status_perkawinan: 'Cerai Mati', menikah_lagi: 'Sudah menikah lagi' },
			documents: {},
		};
		const result = checkApplication(app, catalog, now);
		expect(result.invalidFields).toEqual([
			expect.objectContaining({
				key: 'menikah_lagi',
				reason: expect.stringContaining('hanya dibayarkan selama Bapak/Ibu belum menikah lagi'),
			}),
		]);
	});

	it('an optional document (lost KTP) may be absent', () => {
		const app = {
			serviceKey: 'kehilangan',
			data: {
				...identity,
				barang_hilang: 'KTP',
				nomor_kk: '3577010203150004',
				tanggal_hilang: '2026-05-01',
				tempat_hilang: 'Pasar Besar',
				kronologi: 'Dompet terjatuh di jalan pulang',
				keperluan: 'KTP baru',
			},
			documents: { pengantar_rt: photo(), kk: photo() },
		};
		expect(checkApplication(app, catalog, now)).toMatchObject({
			complete: true,
			missingDocuments: [],
		});
	});

	it('a complete ahli-waris application with one heir and two witnesses passes', () => {
		expect(checkApplication(ahliWaris(), catalog, now)).toMatchObject({ complete: true });
	});

	it('counts heirs and witnesses and checks each record, naming which one is wrong', () => {
		const app = ahliWaris();
		app.data.saksi = [witness];
		app.data.ahli_waris = [
			heir('3577011708900001', '1990-08-17'),
			heir('3577011708900001', '1992-01-01'),
		];
		const result = checkApplication(app, catalog, now);
		expect(result.complete).toBe(false);
		expect(result.invalidFields.map((f) => f.key)).toEqual(['ahli_waris[1].nik', 'saksi']);
		expect(result.invalidFields[0].label).toBe('ahli waris ke-2: NIK');
		expect(result.invalidFields[1].reason).toBe('Saksi: perlu paling sedikit 2 saksi, baru ada 1.');
	});

	it('no heirs at all is a missing field', () => {
		const app = ahliWaris();
		app.data.ahli_waris = [];
		expect(checkApplication(app, catalog, now).missingFields.map((f) => f.key)).toEqual([
			'ahli_waris',
		]);
	});

	it('an unknown service is not complete and says why', () => {
		const result = checkApplication(
			{ serviceKey: 'surat-sakti', data: {}, documents: {} },
			catalog,
			now,
		);
		expect(result.complete).toBe(false);
		expect(result.reason).toBe('Layanan "surat-sakti" tidak ada di katalog kelurahan ini.');
		expect(result.invalidFields[0].key).toBe('serviceKey');
	});

	it('survives garbage instead of an application', () => {
		const result = checkApplication(
			{ serviceKey: 'domisili', data: null, documents: 'x' } as never,
			catalog,
			now,
		);
		expect(result.complete).toBe(false);
		// The RT letter and the KTP; the KK or the landlord's letter depend on an unanswered question.
		expect(result.missingDocuments).toHaveLength(2);
	});
});

describe('renderMessage', () => {
	const messages = { hello: 'Halo {name}, nomor {ticket}. {unknown}' };
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(renderMessage(messages, 'hello', { name: 'Siti', ticket: 7 })).toBe(
			'Halo Siti, nomor 7. {unknown}',
		);
	});
	it('falls back to the key when the text is missing', () => {
		expect(renderMessage(messages, 'bye')).toBe('bye');
		expect(renderMessage(messages, 'toString')).toBe('toString');
	});
});
