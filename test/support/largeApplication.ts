// Test support: a valid heirs' statement larger than one Google Sheets cell. A support file,
// not a test file, so no test runs twice by being imported.
import { randomBytes } from 'crypto';
import { sampleApplication } from './letterSamples';

/** A valid heirs' statement at the catalog's limits: 30 heirs, long names and addresses, many files. */
export function largeInheritance(): Record<string, unknown> {
	const app = sampleApplication('ahli-waris');
	const names = ['Raden Mas', 'Siti Nur', 'Muhammad', 'Dewi Sekar', 'Bagus Adi', 'Rahayu'];
	(app.data as Record<string, unknown>).ahli_waris = Array.from({ length: 30 }, (_, i) => ({
		nama: `${names[i % 6]} Ahli Waris Nomor ${i + 1} bin Almarhum Hadi Suwito Kusumo Wardoyo Prawiro Atmojo Hadiningrat Sastro`.slice(
			0,
			100,
		),
		nik: `357701410790${String(i).padStart(4, '0')}`,
		tempat_lahir: 'Kabupaten Ponorogo, Provinsi Jawa Timur',
		tanggal_lahir: '1990-07-01',
		hubungan: ['Anak Kandung', 'Cucu', 'Saudara Kandung'][i % 3],
		alamat:
			`Jl. Salak III Gang ${i + 1} No. ${17 + i} RT 004 RW 002 Kelurahan Oro-Oro Ombo, Kecamatan Kartoharjo, Kota Madiun, Provinsi Jawa Timur 63119, masuk gang sebelah masjid Al-Ikhlas, rumah pagar hijau nomor tiga dari ujung`.slice(
				0,
				200,
			),
	}));
	const files = (key: string, count: number) =>
		Array.from({ length: count }, (_, i) => ({
			id: `1200000000${String(i).padStart(6, '0')}`,
			url: `https://api.fonnte.com/media/${key}/${randomBytes(24).toString('hex')}/IMG-20260505-WA00${i}.jpg?token=${randomBytes(32).toString('hex')}`,
			mimeType: 'image/jpeg',
			// Residents name the PDFs they scan (WhatsApp keeps up to 240 characters).
			fileName: `Scan ${key.replace(/_/g, ' ')} ${i + 1} untuk pengurusan surat pernyataan ahli waris almarhum Bambang Sutrisno bin Hadi Suwito, dikirim oleh anak pertama atas nama seluruh ahli waris keluarga besar Kusumo Wardoyo Prawiro Madiun ${String(i).padStart(2, '0')}.pdf`,
		}));
	app.documents = {
		pengantar_rt: files('pengantar_rt', 2),
		ktp: files('ktp', 2),
		kk: files('kk', 2),
		akta_kematian: files('akta_kematian', 2),
		ktp_kk_almarhum: files('ktp_kk_almarhum', 4),
		ktp_kk_ahli_waris: files('ktp_kk_ahli_waris', 30),
		buku_nikah: files('buku_nikah', 4),
		akta_lahir_ahli_waris: files('akta_lahir_ahli_waris', 30),
		ktp_saksi: files('ktp_saksi', 2),
	};
	return app;
}
