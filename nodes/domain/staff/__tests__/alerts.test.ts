import { DEFAULT_SHEET_LAYOUT } from '../../sheet/requestRow';
import { nextTimedAlertAt, staffAlertRound, staffAlerts, type AlertInput } from '../alerts';
import { BUNDLED_HOLIDAYS } from '../workingDays';

const c = DEFAULT_SHEET_LAYOUT.columns;
const k = DEFAULT_SHEET_LAYOUT.tabs.complaints.columns;
const h = DEFAULT_SHEET_LAYOUT.tabs.handoffs.columns;
const STAFF = ['6281100000088', '6281100000087'];
// Monday 7 December 2026, 14:00 WIB.
const now = new Date('2026-12-07T07:00:00Z');

const request = (ticket: string, receivedAt: string, extra: Record<string, unknown> = {}) => ({
	row_number: 5,
	[c.ticket]: ticket,
	[c.status]: 'Menunggu',
	[c.name]: 'Sari Wulandari',
	[c.service]: 'Surat Keterangan Domisili',
	[c.serviceKey]: 'domisili',
	[c.receivedAt]: receivedAt,
	...extra,
});

function input(over: Partial<AlertInput> = {}): AlertInput {
	return {
		requests: [],
		complaints: [],
		handoffs: [],
		alerted: [],
		staff: STAFF,
		now,
		digestTime: '',
		holidays: new Set(BUNDLED_HOLIDAYS),
		standardDays: (key) => (key === 'domisili' ? 1 : undefined),
		spreadsheetId: 'S1',
		...over,
	};
}

describe('staff alerts', () => {
	it('announces a new request to every staff number, with a link to its row', () => {
		const alerts = staffAlerts(input({ requests: [request('PCL-1', '2026-12-07 13:40:00')] }));
		expect(alerts.map((a) => [a.kind, a.to, a.key])).toEqual([
			['request', STAFF[0], `request:PCL-1>${STAFF[0]}`],
			['request', STAFF[1], `request:PCL-1>${STAFF[1]}`],
		]);
		expect(alerts[0].values).toEqual({
			ticket: 'PCL-1',
			serviceTitle: 'Surat Keterangan Domisili',
			name: 'Sari Wulandari',
			link: 'https://docs.google.com/spreadsheets/d/S1/edit#gid=0&range=A5',
		});
	});

	it('sends nothing already sent, and a number added later only gets what is new', () => {
		const requests = [request('PCL-1', '2026-12-07T06:40:00Z')];
		const alerted = [`request:PCL-1>${STAFF[0]}`];
		expect(staffAlerts(input({ requests, alerted })).map((a) => a.to)).toEqual([STAFF[1]]);
	});

	it('does not announce rows older than a day, or requests staff already decided', () => {
		const requests = [
			request('OLD', '2026-12-05T06:00:00Z'),
			request('DONE', '2026-12-07 13:00:00', { [c.status]: 'Disetujui' }),
		];
		expect(staffAlerts(input({ requests, standardDays: () => 3 }))).toEqual([]);
	});

	it('reminds of a request past its standard in working days, weekends and holidays left out', () => {
		// In on Wednesday 23 December 2026: the 24th (cuti bersama) and 25th (Christmas) are closed.
		const requests = [request('LATE', '2026-12-23 10:00:00')];
		const at = (iso: string) =>
			staffAlerts(input({ requests, now: new Date(iso), staff: [STAFF[0]] })).filter(
				(a) => a.kind === 'overdue',
			);
		// Monday 28th: the 24th-27th were not working days; nothing has passed in full.
		expect(at('2026-12-28T03:00:00Z')).toEqual([]);
		// Tuesday 29th: Monday passed in full, one working day: past the standard of 1.
		const [late] = at('2026-12-29T03:00:00Z');
		expect(late.key).toBe(`overdue:LATE>${STAFF[0]}`);
		expect(late.values).toMatchObject({ ticket: 'LATE', workingDays: '1', standardDays: '1' });
	});

	it('tells of complaints and hand-offs still open, not of finished ones', () => {
		const complaints = [
			{
				[k.ticket]: 'ADU-1',
				[k.status]: 'Baru',
				[k.name]: 'Budi',
				[k.complaint]: 'Antre lama',
				[k.receivedAt]: '2026-12-07T05:00:00Z',
			},
			{
				[k.ticket]: 'ADU-2',
				[k.status]: 'Selesai',
				[k.name]: 'Ani',
				[k.complaint]: 'x',
				[k.receivedAt]: '2026-12-07T05:00:00Z',
			},
		];
		const handoffs = [
			{
				[h.at]: '2026-12-07T06:00:00.000+07:00',
				[h.status]: 'Baru',
				[h.waId]: '6281',
				[h.name]: 'Tono',
				[h.message]: 'mau tanya',
			},
		];
		const alerts = staffAlerts(input({ complaints, handoffs, staff: [STAFF[0]] }));
		expect(alerts.map((a) => a.key)).toEqual([
			`complaint:ADU-1>${STAFF[0]}`,
			`handoff:6281:2026-12-07T06:00:00.000+07:00>${STAFF[0]}`,
		]);
		expect(alerts[0].values).toMatchObject({ name: 'Budi', complaint: 'Antre lama' });
		expect(alerts[1].values).toMatchObject({ name: 'Tono', waId: '6281', message: 'mau tanya' });
	});

	it('sends the morning digest once a working day, from its time on, with the requests by age', () => {
		const requests = [
			request('TODAY', '2026-12-07 08:00:00'),
			request('FRIDAY', '2026-12-04 10:00:00'),
			request('LATE', '2026-11-30 10:00:00'),
		];
		const complaints = [
			{ [k.ticket]: 'ADU-1', [k.status]: 'Baru', [k.receivedAt]: '2026-12-01T05:00:00Z' },
		];
		const digest = (iso: string, digestTime = '07:30') =>
			staffAlerts(
				input({ requests, complaints, digestTime, now: new Date(iso), staff: [STAFF[0]] }),
			).filter((a) => a.kind === 'digest');
		expect(digest('2026-12-07T00:29:00Z')).toEqual([]); // 07:29 WIB
		const [sent] = digest('2026-12-07T00:30:00Z');
		expect(sent.key).toBe(`digest:2026-12-07>${STAFF[0]}`);
		expect(sent.values).toMatchObject({
			date: '7 Desember 2026',
			waiting: '3',
			byAge: '1 masuk hari ini, 1 masih dalam standar pelayanan, 1 lewat standar pelayanan',
			complaints: '1',
		});
		expect(digest('2026-12-07T00:30:00Z', '')).toEqual([]);
		// Missed by more than four hours (n8n was down): not sent late in the day.
		expect(digest('2026-12-07T04:29:00Z')).toHaveLength(1); // 11:29 WIB
		expect(digest('2026-12-07T04:30:00Z')).toEqual([]); // 11:30 WIB
		// Saturday 12 December: no digest.
		expect(digest('2026-12-12T02:00:00Z')).toEqual([]);
	});
});

describe('a round of staff alerts', () => {
	const round = (over: Partial<Parameters<typeof staffAlertRound>[0]> = {}) =>
		staffAlertRound({ ...input(over), sheetVersion: '41', ...over });

	it('remembers the reading under the sheet version, due again at the next WIB midnight at the latest', () => {
		// 23:30 WIB: midnight comes before the hour is up.
		const late = round({ now: new Date('2026-12-07T16:30:00Z') });
		expect(late.reading).toEqual({ key: 'sheet read:41', at: '2026-12-07T17:00:00.000Z' });
		// 14:00 WIB with no digest: an hour from now.
		expect(round().reading).toEqual({ key: 'sheet read:41', at: '2026-12-07T08:00:00.000Z' });
		expect(round({ sheetVersion: '' }).reading).toBeUndefined();
	});

	it('reads again at the digest time, today or tomorrow', () => {
		expect(round({ now: new Date('2026-12-07T00:10:00Z'), digestTime: '07:30' }).reading?.at).toBe(
			'2026-12-07T00:30:00.000Z',
		);
		// The digest sent today: the hour is up before midnight and tomorrow's digest.
		const alerted = STAFF.map((to) => `digest:2026-12-07>${to}`);
		const after = round({ now: new Date('2026-12-07T00:31:00Z'), digestTime: '07:30', alerted });
		expect(after.alerts).toEqual([]);
		expect(after.reading?.at).toBe('2026-12-07T01:31:00.000Z');
		// 23:40 WIB: tomorrow's digest at 07:30 comes after midnight.
		expect(nextTimedAlertAt(new Date('2026-12-07T16:40:00Z'), '07:30')).toEqual(
			new Date('2026-12-07T17:00:00Z'),
		);
		expect(nextTimedAlertAt(new Date('2026-12-07T16:50:00Z'), '00:05')).toEqual(
			new Date('2026-12-07T17:00:00Z'),
		);
		expect(nextTimedAlertAt(new Date('2026-12-07T17:00:00Z'), '00:05')).toEqual(
			new Date('2026-12-07T17:05:00Z'),
		);
	});

	it('a round that sends something asks the next one to read again (a failed send is retried)', () => {
		const sending = round({ requests: [request('PCL-1', '2026-12-07 13:40:00')] });
		expect(sending.alerts).toHaveLength(2);
		expect(sending.reading?.at).toBe(now.toISOString());
		const alerted = sending.alerts.map((a) => ({ key: a.key, at: now.toISOString() }));
		const quiet = round({ requests: [request('PCL-1', '2026-12-07 13:40:00')], alerted });
		expect(quiet.alerts).toEqual([]);
		expect(quiet.reading?.at).toBe('2026-12-07T08:00:00.000Z');
	});

	it('forgets a remembered alert once it cannot come back and is a week old, not before', () => {
		const days = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
		const waiting = request('LATE', '2026-11-20 10:00:00');
		const alerted = [
			// Announced long ago: the row is past its fresh hours, the alert cannot come back.
			{ key: `request:OLD>${STAFF[0]}`, at: days(8) },
			// The same, but only 6 days old: kept.
			{ key: `request:RECENT>${STAFF[0]}`, at: days(6) },
			// Past its standard and still waiting: the reminder would go again, so it stays.
			{ key: `overdue:LATE>${STAFF[0]}`, at: days(10) },
			{ key: `digest:2026-11-30>${STAFF[0]}`, at: days(7.5) },
			{ key: 'sheet read:40', at: days(30) },
			{ key: `handoff:6281:x>${STAFF[0]}` },
		];
		const { forget, alerts } = round({ requests: [waiting], alerted, staff: [STAFF[0]] });
		expect(alerts).toEqual([]);
		expect(forget.sort()).toEqual(
			[
				`request:OLD>${STAFF[0]}`,
				`digest:2026-11-30>${STAFF[0]}`,
				`handoff:6281:x>${STAFF[0]}`,
			].sort(),
		);
		// Decided: the reminder cannot come back either.
		const decided = { ...waiting, [c.status]: 'Disetujui' };
		expect(round({ requests: [decided], alerted, staff: [STAFF[0]] }).forget).toContain(
			`overdue:LATE>${STAFF[0]}`,
		);
	});
});
