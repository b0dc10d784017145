import { expiredFolders } from '../fileRetention';
import { DEFAULT_SHEET_LAYOUT } from '../requestRow';

const c = DEFAULT_SHEET_LAYOUT.columns;
const now = new Date('2026-06-30T00:00:00Z');
const request = (ticket: string, status: string, finished: Record<string, string>) => ({
	[c.ticket]: ticket,
	[c.status]: status,
	...finished,
});

describe('request folders past their retention', () => {
	const rows = [
		request('SKU-OLD', 'Selesai', { [c.completedAt]: '2026-05-01T00:00:00Z' }),
		request('SKU-NEW', 'Selesai', { [c.completedAt]: '2026-06-20T00:00:00Z' }),
		request('SKU-REJ', 'Ditolak', { [c.notifiedAt]: '2026-05-01T00:00:00Z' }),
		request('SKU-REV', 'Dicabut', { [c.completedAt]: '2026-05-01T00:00:00Z' }),
		request('SKU-OPEN', 'Menunggu', { [c.completedAt]: '2026-05-01T00:00:00Z' }),
		request('SKU-FIX', 'Perbaiki', { [c.notifiedAt]: '2026-05-01T00:00:00Z' }),
	];
	const folders = [
		...rows.map((r, i) => ({ id: `F${i}`, name: r[c.ticket] })),
		// A resubmission made a second folder of the same name; a folder without a row is kept.
		{ id: 'F0b', name: 'SKU-OLD' },
		{ id: 'FX', name: 'SKU-NOROW' },
	];

	it('are those of requests delivered, revoked or rejected longer ago than the period', () => {
		const expired = expiredFolders(folders, rows, { kind: 'requests', days: 30, now });
		expect(expired.map((f) => [f.folderId, f.ticket])).toEqual([
			['F0', 'SKU-OLD'],
			['F2', 'SKU-REJ'],
			['F3', 'SKU-REV'],
			['F0b', 'SKU-OLD'],
		]);
		expect(expired[0].note).toMatch(/^Berkas dihapus 30 Juni 2026: .*30 hari/);
	});

	it('follow the configured period (0: as soon as the request is finished)', () => {
		const expired = expiredFolders(folders, rows, { kind: 'requests', days: 0, now });
		expect(expired.map((f) => f.ticket)).toContain('SKU-NEW');
		expect(expiredFolders(folders, rows, { kind: 'requests', days: 365, now })).toEqual([]);
	});

	it('read the time as the sheet writes it, in WIB (7 hours ahead of UTC)', () => {
		// 29 June 06:59:59 WIB is 28 June 23:59:59 UTC, over a day before `now` (read as UTC it would
		// be under a day); 30 June 07:00:01 WIB is just after `now`.
		const wib = [
			request('SKU-WIB-1', 'Selesai', { [c.completedAt]: '2026-06-29 06:59:59' }),
			request('SKU-WIB-2', 'Selesai', { [c.completedAt]: '2026-06-30 07:00:01' }),
		];
		const wibFolders = wib.map((r, i) => ({ id: `W${i}`, name: r[c.ticket] }));
		const expired = expiredFolders(wibFolders, wib, { kind: 'requests', days: 1, now });
		expect(expired.map((f) => f.ticket)).toEqual(['SKU-WIB-1']);
		expect(
			expiredFolders(wibFolders, wib, { kind: 'requests', days: 0, now }).map((f) => f.ticket),
		).toEqual(['SKU-WIB-1']);
	});

	it('of complaints go once a complaint is resolved for the period', () => {
		const complaints = [
			{ Tiket: 'ADU-1', Status: 'Selesai', 'Selesai Pada': '2026-05-01T00:00:00Z' },
			{ Tiket: 'ADU-2', Status: 'Diproses', 'Selesai Pada': '' },
		];
		const expired = expiredFolders(
			[
				{ id: 'A1', name: 'ADU-1' },
				{ id: 'A2', name: 'ADU-2' },
			],
			complaints,
			{ kind: 'complaints', days: 30, now },
		);
		expect(expired).toEqual([
			{ folderId: 'A1', ticket: 'ADU-1', note: expect.stringMatching(/^Foto dihapus/) },
		]);
	});

	it('ignore unreadable dates and items that are not folders', () => {
		const broken = [request('SKU-X', 'Selesai', { [c.completedAt]: 'kemarin' })];
		expect(
			expiredFolders([{ id: 'F', name: 'SKU-X' }, {}], broken, { kind: 'requests', days: 0, now }),
		).toEqual([]);
	});
});
