import { checkKk } from '..';

const now = new Date('2026-05-05T03:00:00Z');

describe('checkKk', () => {
	it.each([
		['entered 2 March 2015', '3577010203150004'],
		['entered in 1998', '3577011511980002'],
		['earlier this year', '3577010103260001'],
		['with spaces and dots', '3577.0102 0315 0004'],
		// The region part is not reliable: a KK from an unknown region still passes.
		['with an odd region part', '0000000203150004'],
	])('accepts a KK %s', (_, kk) => {
		expect(checkKk(kk, now)).toEqual({ ok: true, value: kk.replace(/[\s.]/g, '') });
	});

	it.each([
		['too short', '357701020315000', 'kk.length'],
		['with letters', '35770102O3150004', 'kk.digits'],
		['30 February', '3577013002150004', 'kk.date'],
		['month 00', '3577010200150004', 'kk.date'],
		['entered later this year (future)', '3577010107260001', 'kk.date'],
	])('rejects a KK %s', (_, kk, code) => {
		const result = checkKk(kk, now);
		expect(!result.ok && result.error.code).toBe(code);
	});
});
