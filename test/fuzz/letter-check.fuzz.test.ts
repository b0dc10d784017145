import { runTarget } from './targets/common';
import { letterCheck } from './targets/letterCheck';

describe('fuzz: the letter check answers for any mutated letter, never vouching for a changed one', () => {
	it(
		letterCheck.name,
		async () => {
			const counts = await runTarget(letterCheck);
			expect(counts.get('refused')).toBeGreaterThan(letterCheck.runs / 2);
		},
		120_000,
	);
});
