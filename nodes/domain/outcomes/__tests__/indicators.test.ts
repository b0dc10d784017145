import { monthlyIndicators, sheetRows } from '..';
import { complaints, events, requests, surveys } from '../../../../test/support/outcomeFixture';
import { parseTime } from '../time';

// Hand-worked figures for the fixture (fixture.ts), May 2026, Asia/Jakarta.
describe('monthlyIndicators on the fixed data set', () => {
	const result = monthlyIndicators({ requests, surveys, complaints, events, month: '2026-05' });
	const may = result.thisMonth;
	const ytd = result.yearToDate;

	it('counts requests by the day they were received in the office time zone', () => {
		// May: R5 (30 Apr 18:00 UTC = 1 May 01:00 WIB), R6..R12 = 8; R13's date is unreadable.
		expect(may.requestsReceived).toBe(8);
		// Year to date: R1..R4 in April + 8; R0 (December 2025) is another year.
		expect(ytd.requestsReceived).toBe(12);
		expect([may.from, may.to, ytd.from, ytd.to]).toEqual([
			'2026-05-01',
			'2026-05-31',
			'2026-01-01',
			'2026-05-31',
		]);
	});

	it('counts letters by the day they were delivered, per service, and the residents served', () => {
		// May: R4 (received in April, delivered 2 May), R5, R6, R7, R8, R11, R12.
		expect(may.lettersIssued).toBe(7);
		expect(may.lettersByService).toEqual({
			'Surat Keterangan Domisili': 5,
			'Surat Keterangan Tidak Mampu': 2,
		});
		expect(ytd.lettersByService).toEqual({
			'Surat Keterangan Domisili': 6,
			'Surat Keterangan Tidak Mampu': 2,
			'Surat Pengantar SKCK': 1,
		});
		expect(ytd.lettersIssued).toBe(9);
		// May: R7 and R11 are one resident → 6. Year: + R1's number; R2 is R6's (written differently).
		expect(may.residentsServed).toBe(6);
		expect(ytd.residentsServed).toBe(7);
	});

	it('gives median and 90th percentile minutes to letter by nearest rank', () => {
		// May minutes sorted: 10, 12, 18, 20, 25, 40, 5770 (R4 waited four days).
		// Median: rank ceil(0.5 × 7) = 4 → 20; p90: rank ceil(0.9 × 7) = 7 → 5770.
		expect(may.medianMinutesToLetter).toBe(20);
		expect(may.p90MinutesToLetter).toBe(5770);
		// 4 of 7 within 20 minutes → 57.1 %.
		expect(may.withinTargetPercent).toBe(57.1);
		// Year: 8, 9, 10, 12, 18, 20, 25, 40, 5770 → rank 5 → 18; rank 9 → 5770; 6/9 → 66.7 %.
		expect(ytd.medianMinutesToLetter).toBe(18);
		expect(ytd.p90MinutesToLetter).toBe(5770);
		expect(ytd.withinTargetPercent).toBe(66.7);
		expect(result.targetMinutes).toBe(20);
	});

	it('gives the median per week of the month and per month of the year', () => {
		// Week 1 (1–7 May): 20, 5770, 12, 25 → sorted 12, 20, 25, 5770 → rank 2 → 20.
		expect(result.weeklyMedianMinutes.map((w) => w.median)).toEqual([20, 18, null, 40, 10]);
		expect(result.weeklyMedianMinutes[4]).toMatchObject({ from: '2026-05-29', to: '2026-05-31' });
		// April: 8, 9 → rank 1 → 8.
		expect(result.monthlyMedianMinutes.map((m) => m.median)).toEqual([null, null, null, 8, 20]);
	});

	it('counts requests returned for a fix even after they were fixed, from the events', () => {
		// May (8 received): fix R7 (event, now Selesai) and R9 (status Perbaiki) → 25 %;
		// rejected R10 → 12.5 %. Year (12): 2/12 → 16.7 % each (rejected: R3, R10).
		expect(result.returnedBasis).toBe('events');
		expect([may.fixPercent, may.rejectedPercent]).toEqual([25, 12.5]);
		expect([ytd.fixPercent, ytd.rejectedPercent]).toEqual([16.7, 16.7]);
	});

	it('falls back to the current Status without events, and says so', () => {
		const plain = monthlyIndicators({ requests, surveys, complaints, month: '2026-05' });
		// Only R9 is still "Perbaiki": 1 of 8.
		expect(plain.returnedBasis).toBe('status');
		expect(plain.thisMonth.fixPercent).toBe(12.5);
		expect(plain.thisMonth.rejectedPercent).toBe(12.5);
	});

	it('computes the IKM of the surveys answered in the period', () => {
		// May respondents R6 (all 3), R7 (u8, u9 blank), R8 ("bagus" and 5 skipped):
		// u1 7/2, u2 10/3, u3 3, u4 10/3, u5 7/2, u6 3, u7 10/3, u8 3, u9 3 → Σ 29
		// → 25 × 29 / 9 = 80.555… → 80.56, B.
		expect(may.ikm).toMatchObject({ ikm: 80.56, grade: 'B', label: 'Baik', respondents: 3 });
		expect(may.ikm.nrr.u2).toBeCloseTo(10 / 3, 10);
		// Year adds R1 (all 4): u1 11/3, u2 3.5, u3 3.25, u4 3.5, u5 11/3, u6 3.25, u7 3.5,
		// u8 10/3, u9 10/3 → Σ 31 → 25 × 31 / 9 = 86.111… → 86.11, B; 4 respondents.
		expect(ytd.ikm).toMatchObject({ ikm: 86.11, grade: 'B', respondents: 4 });
	});

	it('counts complaints, the share resolved and the median hours to resolve', () => {
		// May: P2 (6 h), P3 (in progress), P4 (36 h) → 2 of 3, 66.7 %, median rank 1 → 6 h.
		expect(may).toMatchObject({
			complaintsReceived: 3,
			complaintsResolved: 2,
			resolutionPercent: 66.7,
			medianHoursToResolve: 6,
		});
		// Year: + P1 (24 h) → 3 of 4, 75 %, hours 6, 24, 36 → 24.
		expect(ytd).toMatchObject({
			complaintsReceived: 4,
			complaintsResolved: 3,
			resolutionPercent: 75,
			medianHoursToResolve: 24,
		});
	});

	it('skips unreadable cells and counts them', () => {
		// requests: R13 "kemarin"; surveys: "bagus", "5", Waktu "besok"; complaints: "nanti";
		// events: one without a ticket.
		expect(result.skippedBy).toEqual({ requests: 1, surveys: 3, complaints: 1, events: 1 });
		expect(result.skipped).toBe(6);
	});

	it('lays the figures out as report-tab rows', () => {
		const rows = sheetRows(result);
		expect(rows[0]).toEqual({
			Indikator: 'Permohonan diterima',
			'Bulan Ini': 8,
			'Tahun Berjalan': 12,
		});
		expect(rows).toContainEqual({
			Indikator: 'Surat diterbitkan: Surat Pengantar SKCK',
			'Bulan Ini': 0,
			'Tahun Berjalan': 1,
		});
		expect(rows).toContainEqual({
			Indikator: 'Mutu pelayanan IKM',
			'Bulan Ini': 'B (Baik)',
			'Tahun Berjalan': 'B (Baik)',
		});
	});
});

describe('monthlyIndicators on bad or empty input', () => {
	it('returns empty figures for no rows', () => {
		const r = monthlyIndicators({ requests: [], surveys: [], complaints: [], month: '2026-01' });
		expect(r.thisMonth).toMatchObject({
			requestsReceived: 0,
			medianMinutesToLetter: null,
			fixPercent: null,
			resolutionPercent: null,
		});
		expect(r.thisMonth.ikm.ikm).toBeNull();
		expect(r.monthlyMedianMinutes).toHaveLength(1);
	});

	it('never throws on rubbish rows, and rejects a bad month or time zone clearly', () => {
		const rubbish = [null, 42, 'x', { Diterima: { a: 1 } }, {}] as never[];
		const r = monthlyIndicators({
			requests: rubbish,
			surveys: rubbish,
			complaints: rubbish,
			month: '2026-02',
		});
		expect(r.thisMonth.requestsReceived).toBe(0);
		expect(r.weeklyMedianMinutes).toHaveLength(4);
		expect(() =>
			monthlyIndicators({ requests: [], surveys: [], complaints: [], month: '2026-13' }),
		).toThrow(/YYYY-MM/);
		expect(() =>
			monthlyIndicators({
				requests: [],
				surveys: [],
				complaints: [],
				month: '2026-05',
				timeZone: 'Mars/Base',
			}),
		).toThrow(/time zone/);
	});
});

describe('time cells as the sheet holds them', () => {
	it('reads WIB text, zoned ISO and Sheets serials as the same instant; rubbish as unreadable', () => {
		const instant = Date.parse('2026-05-01T01:00:00+07:00');
		expect(parseTime('2026-05-01 01:00:00')).toBe(instant);
		expect(parseTime('2026-04-30T18:00:00Z')).toBe(instant);
		expect(parseTime(46143 + 1 / 24)).toBe(instant);
		expect(parseTime('')).toBeUndefined();
		expect(parseTime('besok')).toBeNaN();
	});
});
