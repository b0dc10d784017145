import { runTarget } from './targets/common';
import { sheetEditCalls } from './targets/sheetEdit';

describe('fuzz: a call to the Sheet Edit Trigger runs only when signed and fresh, else says why', () => {
	it(sheetEditCalls.name, async () => {
		const counts = await runTarget(sheetEditCalls);
		for (const outcome of ['run', '400', '401'])
			expect(counts.get(outcome)).toBeGreaterThan(sheetEditCalls.runs / 20);
	});
});
