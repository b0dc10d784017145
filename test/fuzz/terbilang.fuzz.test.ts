import { runTarget } from './targets/common';
import { spell, terbilangAmounts } from './targets/terbilang';

describe('fuzz: terbilang says what an independent spelling says', () => {
	it('the independent spelling itself reads the amounts letters print', () => {
		expect(spell('1500000')).toBe('satu juta lima ratus ribu');
		expect(spell('1011')).toBe('seribu sebelas');
		expect(spell('110000')).toBe('seratus sepuluh ribu');
		expect(spell('2001019')).toBe('dua juta seribu sembilan belas');
		expect(spell('999999999999999')).toBe(
			'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
		);
	});

	it(terbilangAmounts.name, async () => {
		const counts = await runTarget(terbilangAmounts);
		expect(counts.get('whole')).toBeGreaterThan(terbilangAmounts.runs / 3);
		expect(counts.get('rounded')).toBeGreaterThan(terbilangAmounts.runs / 20);
		expect(counts.get('refused')).toBeGreaterThan(0);
	});
});
