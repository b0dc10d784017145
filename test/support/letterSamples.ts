/** Sample approved applications, one per service: used by the tests, the bench and the doc samples. */
import {
	DEFAULT_LETTERHEAD,
	DEFAULT_SIGNATORY,
	type LetterRequest,
} from '../../nodes/domain/letter';
import { LETTER_TEMPLATES } from '../../nodes/domain/letter/letters';

export const IDENTITY = {
	nama: 'Siti Nurhaliza Ümmü',
	nik: '3577014107900001',
	tempat_lahir: 'Madiun',
	tanggal_lahir: '1990-07-01',
	jenis_kelamin: 'Perempuan',
	agama: 'Islam',
	status_perkawinan: 'Kawin',
	pekerjaan: 'Wiraswasta',
	kewarganegaraan: 'WNI',
	alamat: 'Jl. Salak III No. 17',
	rt: '004',
	rw: '002',
	pengantar_rt_nomor: '012/RT.004/RW.002/V/2026',
	pengantar_rt_tanggal: '2026-05-02',
	keperluan: 'Pengajuan Kredit Usaha Rakyat (KUR) di Bank BRI',
};

const person = (i: number) => ({
	nama: `Ahli Waris Ke-${i + 1} Wijayakusuma`,
	nik: `35770141079${String(10000 + i).slice(1)}1`.slice(0, 16),
	tempat_lahir: 'Madiun',
	tanggal_lahir: `19${70 + (i % 29)}-0${(i % 9) + 1}-1${i % 9}`,
	hubungan: ['Istri', 'Anak Kandung', 'Anak Kandung'][i % 3],
	alamat: 'Jl. Salak III No. 17 RT 004 RW 002 Oro-Oro Ombo',
});

export const SERVICE_DATA: Record<string, Record<string, unknown>> = {
	'sku-kur': {
		usaha_nama: 'Pecel Bu Siti',
		usaha_jenis: 'Warung makan (pecel)',
		usaha_alamat: 'Jl. Salak III No. 21, Madiun',
		usaha_sejak: '2015-03',
		usaha_masih_berjalan: 'Ya, masih berjalan',
	},
	taspen: {
		status_perkawinan: 'Cerai Mati',
		almarhum_nama: 'Bambang Sutrisno',
		almarhum_nip: '196501011990031002',
		almarhum_instansi: 'Dinas Pendidikan Kota Madiun',
		almarhum_tempat_meninggal: 'RSUD dr. Soedono Madiun',
		tanggal_meninggal: '2026-02-14',
		akta_kematian_nomor: '3577-KM-14022026-0012',
		tanggal_menikah: '1988-06-12',
		menikah_lagi: 'Belum menikah lagi',
		keperluan: 'Pengajuan pensiun janda di PT Taspen (Persero)',
	},
	'ahli-waris': {
		almarhum_nama: 'Bambang Sutrisno',
		almarhum_tempat_lahir: 'Ponorogo',
		almarhum_tanggal_lahir: '1965-01-01',
		almarhum_nik: '3577010101650002',
		almarhum_agama: 'Islam',
		almarhum_alamat: 'sama',
		almarhum_tempat_meninggal: 'RSUD dr. Soedono Madiun',
		almarhum_tanggal_meninggal: '2026-02-14',
		akta_kematian_nomor: '3577-KM-14022026-0012',
		pasangan_nama: 'Siti Nurhaliza Ümmü',
		ahli_waris: [0, 1, 2].map(person),
		saksi: [
			{ nama: 'Suparman', nik: '3577010202700003', alamat: 'Jl. Salak III No. 20 RT 004 RW 002' },
			{ nama: 'Sri Rahayu', nik: '3577014303750004', alamat: 'Jl. Salak III No. 9 RT 004 RW 002' },
		],
		keperluan: 'Pengurusan balik nama sertifikat tanah',
	},
	'pengantar-skck': { keperluan: 'untuk melamar pekerjaan' },
	beasiswa: {
		hubungan_siswa: 'Ibu',
		penghasilan: 750000,
		pasangan_nama: 'Bambang Sutrisno',
		pasangan_pekerjaan: 'Buruh harian lepas',
		pasangan_penghasilan: 1500000,
		jumlah_tanggungan: 4,
		siswa_nama: 'Dewi Lestari',
		nomor_induk: '0081234567',
		sekolah: 'SMA Negeri 2 Madiun',
		jurusan: 'IPA',
		kelas: 'XI',
		keperluan: 'Pengajuan Beasiswa Madiun Cerdas',
	},
	kehilangan: {
		barang_hilang: 'KTP dan KK',
		nomor_kk: '3577010101100005',
		tanggal_hilang: '2026-04-28',
		tempat_hilang: 'Pasar Besar Madiun',
		kronologi:
			'Dompet berisi KTP dan KK terjatuh ketika berbelanja di Pasar Besar Madiun sekitar pukul 09.00 WIB dan tidak ditemukan kembali.',
		keperluan: 'Penerbitan KTP dan KK pengganti',
	},
	sktm: {
		penghasilan: 1200000,
		nomor_dtsen: '3577010000123456',
		penerima: 'Anggota keluarga',
		penerima_nama: 'Dewi Lestari',
		penerima_hubungan: 'Anak',
		tanggungan: [
			{
				nama: 'Dewi Lestari',
				nik: '3577015505090001',
				jenis_kelamin: 'Perempuan',
				tempat_lahir: 'Madiun',
				tanggal_lahir: '2009-05-15',
				hubungan: 'Anak',
			},
			{
				nama: 'Agus Prasetyo',
				nik: '3577011210120002',
				jenis_kelamin: 'Laki-laki',
				tempat_lahir: 'Madiun',
				tanggal_lahir: '2012-10-12',
				hubungan: 'Anak',
			},
		],
		keperluan: 'untuk berobat di RSUD dr. Soedono Madiun',
	},
	domisili: {
		status_tinggal: 'Terdaftar di KK kelurahan ini',
		nomor_kk: '3577010101100005',
		kepala_keluarga: 'Bambang Sutrisno',
		alamat_asal: null,
		pemilik_nama: null,
		tinggal_sejak: '2010-08',
		keperluan: 'Pembukaan rekening bank',
	},
	'belum-menikah': { status_perkawinan: 'Belum Kawin', keperluan: 'Persyaratan melamar pekerjaan' },
};

/** A kos tenant from Ponorogo: KTP of origin and the landlord's statement, no local KK. */
export const KOS_TENANT = {
	status_tinggal: 'Pendatang / kos (KTP daerah lain)',
	nomor_kk: null,
	kepala_keluarga: null,
	alamat_asal: 'Jl. Merdeka No. 5 RT 001 RW 003, Kel. Bangunsari, Kab. Ponorogo',
	pemilik_nama: 'Suparman',
	tinggal_sejak: '2024-08',
};

/** `count` heirs for a long inheritance letter: the widow, then children and grandchildren. */
export function heirs(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		nama: `Pewaris Nomor ${i + 1} Ñoño`,
		nik: `357701410790${String(i).padStart(4, '0')}`,
		tempat_lahir: 'Madiun',
		tanggal_lahir: '1990-07-01',
		hubungan: i === 0 ? 'Istri' : ['Anak Kandung', 'Cucu'][i % 2],
		alamat: 'Jl. Salak III No. 17 RT 004 RW 002 Kelurahan Oro-Oro Ombo',
	}));
}

export function sampleApplication(
	service: string,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		ticket: 'OOO-2026-0042',
		serviceKey: service,
		serviceTitle: service,
		waId: '6281234567890',
		name: IDENTITY.nama,
		submittedAt: '2026-05-04T08:15:00Z',
		data: { ...IDENTITY, ...SERVICE_DATA[service], ...extra },
		documents: {},
		letter: { template: service, classification: '400.12.2' },
	};
}

export function sampleRequest(
	service: string,
	overrides: Partial<LetterRequest> = {},
): LetterRequest {
	return {
		templateName: service,
		template: LETTER_TEMPLATES[service],
		application: sampleApplication(service),
		letterhead: {
			...DEFAULT_LETTERHEAD,
			address:
				'Jl. Contoh No. 1 Madiun 63117 · Telp. (0351) 000000 · Surel kel.contoh@example.go.id',
		},
		signatory: {
			...DEFAULT_SIGNATORY,
			name: 'Drs. Hadi Santoso, M.Si.',
			pangkat: 'Penata Tk. I',
			nip: '19700101 199503 1 001',
		},
		number: '400.12.2/042/401.301.3/2026',
		date: '2026-05-05',
		verificationCode: 'ABCDEFGHIJKLMNOPQRSTU',
		verificationUrl: 'https://surat.example.go.id/v/ABCDEFGHIJKLMNOPQRSTU',
		...overrides,
	};
}
