import { runTarget } from './targets/common';
import { letterFields } from './targets/letters';

describe('fuzz: any field values give a PDF or a clear template error', () => {
	it(
		letterFields.name,
		async () => {
			const counts = await runTarget(letterFields);
			expect(counts.get('PDF')).toBeGreaterThan(letterFields.runs / 10);
			expect(counts.get('laid out')).toBeGreaterThan(letterFields.runs / 2);
		},
		120_000,
	);
});
