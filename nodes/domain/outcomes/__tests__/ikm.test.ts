import { computeIkm, ikmGrade, round2, type IkmResponse } from '..';

const all = (score: number): IkmResponse =>
	Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, score])) as IkmResponse;

describe('computeIkm (PermenPANRB 14/2017)', () => {
	it('gives 100 / A for all fours and 25 / D for all ones', () => {
		// NRR_i = 4 for every element: 25 × (9 × 4) / 9 = 100.
		expect(computeIkm([all(4), all(4)])).toMatchObject({
			ikm: 100,
			grade: 'A',
			label: 'Sangat Baik',
			respondents: 2,
		});
		// 25 × (9 × 1) / 9 = 25.
		expect(computeIkm([all(1)])).toMatchObject({ ikm: 25, grade: 'D', label: 'Tidak Baik' });
	});

	it('averages each element over its own respondents and weighs the nine equally', () => {
		// Respondent 1: all 3. Respondent 2: u1 = 4, u2 = 2, the rest 3.
		// NRR u1 = (3 + 4) / 2 = 3.5; u2 = (3 + 2) / 2 = 2.5; u3..u9 = 3.
		// Σ NRR = 3.5 + 2.5 + 7 × 3 = 27 → IKM = 25 × 27 / 9 = 75.00 → C (65.00–76.60).
		const result = computeIkm([all(3), { ...all(3), u1: 4, u2: 2 }]);
		expect(result.nrr.u1).toBe(3.5);
		expect(result.nrr.u2).toBe(2.5);
		expect(result).toMatchObject({ ikm: 75, grade: 'C', label: 'Kurang Baik', respondents: 2 });
	});

	it('counts partial answers only for the elements answered', () => {
		// A: all 4. B: only u1 = 1 (stopped half-way). C: u1..u4 = 2.
		// u1 = (4 + 1 + 2) / 3 = 7/3; u2..u4 = (4 + 2) / 2 = 3; u5..u9 = 4 (A only).
		// Σ = 7/3 + 9 + 20 = 31.3333… → 25 × 31.3333 / 9 = 87.037… → 87.04, B.
		const result = computeIkm([all(4), { u1: 1 }, { u1: 2, u2: 2, u3: 2, u4: 2 }]);
		expect(result.nrr.u1).toBeCloseTo(7 / 3, 10);
		expect(result.nrr.u9).toBe(4);
		expect(result).toMatchObject({ ikm: 87.04, grade: 'B', respondents: 3 });
	});

	it('leaves out an element nobody answered, and is null when nobody answered anything', () => {
		// u8 never answered: NRR u8 = null; the others are 3 and 4 → mean over 8 elements.
		// u1..u4 = 3, u5..u7, u9 = 4: Σ = 12 + 16 = 28 over 8 → 25 × 3.5 = 87.50, B.
		const { u8, ...noU8 } = { ...all(3), u5: 4, u6: 4, u7: 4, u9: 4 };
		void u8;
		const result = computeIkm([noU8]);
		expect(result.nrr.u8).toBeNull();
		expect(result).toMatchObject({ ikm: 87.5, grade: 'B' });
		expect(computeIkm([])).toMatchObject({ ikm: null, grade: null, label: null, respondents: 0 });
		expect(computeIkm([{}, {}])).toMatchObject({ ikm: null, respondents: 0 });
	});

	it('ignores scores that are not integers 1–4 and counts them', () => {
		// Valid: all 4 from A; B gives u1 = 5, u2 = 0, u3 = 2.5, u4 = NaN and u5 = 2.
		// NRR u5 = (4 + 2) / 2 = 3, every other element 4 → Σ = 35 → 25 × 35 / 9 = 97.222… → 97.22.
		const bad = { u1: 5, u2: 0, u3: 2.5, u4: NaN, u5: 2 } as IkmResponse;
		const result = computeIkm([all(4), bad]);
		expect(result.ignored).toBe(4);
		expect(result.nrr.u1).toBe(4);
		expect(result).toMatchObject({ ikm: 97.22, grade: 'A', respondents: 2 });
		// A response made only of bad scores is no respondent.
		expect(computeIkm([{ u1: 7 } as IkmResponse])).toMatchObject({
			ikm: null,
			respondents: 0,
			ignored: 1,
		});
	});

	it('rounds only at the end (half up, 2 decimals)', () => {
		// 2 respondents: u1 = 4 and 3 (NRR 3.5), every other element 3 → Σ = 27.5
		// → 25 × 27.5 / 9 = 76.3888… → 76.39 (rounding NRR first to 3.5 changes nothing here, but
		// rounding 25/9 to 2.78 first would give 76.45).
		expect(computeIkm([all(3), { ...all(3), u1: 4 }]).ikm).toBe(76.39);
		expect(round2(88.305)).toBe(88.31);
		expect(round2(76.605)).toBe(76.61);
	});

	it('grades against the band edges as written (2 decimals), the printed value', () => {
		expect(ikmGrade(88.31).grade).toBe('A');
		expect(ikmGrade(round2(88.305)).grade).toBe('A');
		expect(ikmGrade(88.3).grade).toBe('B');
		expect(ikmGrade(76.61)).toEqual({ grade: 'B', label: 'Baik' });
		expect(ikmGrade(round2(76.604)).grade).toBe('C');
		expect(ikmGrade(65)).toEqual({ grade: 'C', label: 'Kurang Baik' });
		expect(ikmGrade(round2(64.994)).grade).toBe('D');
		expect(ikmGrade(25).grade).toBe('D');
	});
});
