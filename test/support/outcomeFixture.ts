/**
 * A fixed data set (May 2026 report, Asia/Jakarta) with the figures worked out by hand in
 * indicators.test.ts. Times are written in WIB (UTC+7) and stored as the workflows store them
 * (ISO, UTC), so the time zone matters: R5 is received on 30 April UTC, 1 May in Madiun.
 */
export const wib = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();

const request = (
	ticket: string,
	service: string,
	wa: string,
	received: string,
	status: string,
	completed = '',
) => ({
	Tiket: ticket,
	Status: status,
	Layanan: service,
	WhatsApp: wa,
	Diterima: received,
	Diberitahu: completed,
	'Selesai Pada': completed,
});

const DOM = 'Surat Keterangan Domisili';
const SKTM = 'Surat Keterangan Tidak Mampu';
const SKCK = 'Surat Pengantar SKCK';

export const requests = [
	request('R0', DOM, '6280000000000', wib('2025-12-30 09:00'), 'Selesai', wib('2025-12-30 09:30')),
	request('R1', DOM, '6281010101010', wib('2026-04-06 09:00'), 'Selesai', wib('2026-04-06 09:08')),
	request('R2', SKCK, '6282222222222', wib('2026-04-10 10:00'), 'Selesai', wib('2026-04-10 10:09')),
	request('R3', DOM, '6283333333333', wib('2026-04-20 08:00'), 'Ditolak'),
	request('R4', SKTM, '6281111111111', wib('2026-04-28 13:00'), 'Selesai', wib('2026-05-02 13:10')),
	request(
		'R5',
		DOM,
		'6284444444444',
		'2026-04-30T18:00:00.000Z',
		'Selesai',
		wib('2026-05-01 01:20'),
	),
	request(
		'R6',
		DOM,
		'+62 822-2222-2222',
		wib('2026-05-04 09:00'),
		'Selesai',
		wib('2026-05-04 09:12'),
	),
	request('R7', SKTM, '6285555555555', wib('2026-05-05 10:00'), 'Selesai', wib('2026-05-05 10:25')),
	request('R8', DOM, '6286666666666', wib('2026-05-11 11:00'), 'selesai ', wib('2026-05-11 11:18')),
	request('R9', SKCK, '6287777777777', wib('2026-05-12 14:00'), 'Perbaiki'),
	request('R10', SKTM, '6288888888888', wib('2026-05-19 09:00'), 'Ditolak'),
	request('R11', DOM, '6285555555555', wib('2026-05-25 08:00'), 'Selesai', wib('2026-05-25 08:40')),
	request('R12', DOM, '6289999999999', wib('2026-05-30 10:00'), 'Selesai', wib('2026-05-30 10:10')),
	request('R13', DOM, '6281212121212', 'kemarin', 'Menunggu'),
];

const all = (score: number | string) =>
	Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, score]));

export const surveys = [
	{ Tiket: 'R1', Layanan: DOM, ...all(4), Saran: '', Waktu: wib('2026-04-06 10:00') },
	{ Tiket: 'R6', Layanan: DOM, ...all('3'), Saran: 'Cepat', Waktu: wib('2026-05-04 10:00') },
	{
		Tiket: 'R7',
		Layanan: SKTM,
		...{ u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 3, u7: 4, u8: '', u9: '' },
		Saran: '',
		Waktu: wib('2026-05-05 11:00'),
	},
	{
		Tiket: 'R8',
		Layanan: DOM,
		...all(3),
		u1: 'bagus',
		u5: '5',
		Saran: '',
		Waktu: wib('2026-05-11 12:00'),
	},
	{ Tiket: 'R11', Layanan: DOM, ...all(1), Saran: '', Waktu: 'besok' },
];

const complaint = (ticket: string, received: string, status: string, resolved = '') => ({
	Tiket: ticket,
	Diterima: received,
	WhatsApp: '6281234567890',
	Status: status,
	Tanggapan: status === 'Selesai' ? 'Sudah ditangani' : '',
	'Selesai Pada': resolved,
});

export const complaints = [
	complaint('P1', wib('2026-04-15 09:00'), 'Selesai', wib('2026-04-16 09:00')),
	complaint('P2', wib('2026-05-03 08:00'), 'Selesai', wib('2026-05-03 14:00')),
	complaint('P3', wib('2026-05-10 10:00'), 'Diproses', 'nanti'),
	complaint('P4', wib('2026-05-20 12:00'), 'Selesai', wib('2026-05-22 00:00')),
];

export const events = [
	{ ticket: 'R7', kind: 'fix_requested', at: wib('2026-05-05 10:05') },
	{ ticket: 'R3', kind: 'rejected', at: wib('2026-04-20 09:00') },
	{ ticket: 'R10', kind: 'rejected', at: wib('2026-05-19 10:00') },
	{ ticket: '', kind: 'fix_requested', at: wib('2026-05-19 10:00') },
];
