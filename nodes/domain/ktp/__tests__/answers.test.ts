import { defaultCatalog } from '../../catalog';
import { ktpAnswers } from '../answers';
import { parseKtpText, type KtpFields } from '../parse';

const now = new Date('2026-12-07T08:00:00Z');
const identity = defaultCatalog().fieldSets?.identitas ?? [];

const READ: Partial<KtpFields> = {
	nik: '3577014501900003',
	nama: 'SITI AMINAH',
	tempatLahir: 'MADIUN',
	tanggalLahir: '1990-01-05',
	jenisKelamin: 'Perempuan',
	alamat: 'JL. PAHLAWAN NO. 12',
	rt: '003',
	rw: '005',
	agama: 'ISLAM',
	statusPerkawinan: 'KAWIN',
	pekerjaan: 'MENGURUS RUMAH TANGGA',
	kewarganegaraan: 'WNI',
};

describe('ktpAnswers', () => {
	it('answers every identity question as the resident would have typed it', () => {
		const answers = ktpAnswers({ fields: READ, labels: 13, isKtp: true }, identity, now);
		expect(answers.disagreements).toEqual([]);
		expect(answers.keys).toHaveLength(12);
		expect(answers.values).toMatchObject({
			nik: '3577014501900003',
			nama: 'Siti Aminah',
			tempat_lahir: 'Madiun',
			tanggal_lahir: '1990-01-05',
			jenis_kelamin: 'Perempuan',
			agama: 'Islam',
			status_perkawinan: 'Kawin Tercatat',
			pekerjaan: 'Mengurus Rumah Tangga',
			alamat: 'Jl. Pahlawan No. 12',
			rt: '003',
			rw: '005',
		});
	});

	it('leaves the birth date and sex to the questions when the NIK says otherwise', () => {
		const answers = ktpAnswers(
			{
				fields: { ...READ, tanggalLahir: '1990-01-06', jenisKelamin: 'Laki-laki' },
				labels: 13,
				isKtp: true,
			},
			identity,
			now,
		);
		expect(answers.disagreements).toEqual(['birthDate', 'sex']);
		expect(answers.values.tanggal_lahir).toBeUndefined();
		expect(answers.values.jenis_kelamin).toBeUndefined();
		expect(answers.values.nik).toBe('3577014501900003');
	});

	it('leaves out what fails the check a typed answer would fail', () => {
		const read = { nik: READ.nik, nama: 'X', rt: '0031', rw: '005' };
		const answers = ktpAnswers({ fields: read, labels: 3, isKtp: true }, identity, now);
		expect(answers.keys).toEqual(['nik', 'rw']);
		expect(ktpAnswers(parseKtpText('Nomor : 123'), identity, now).keys).toEqual([]);
	});
});
