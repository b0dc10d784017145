import { runTarget } from './targets/common';
import { setupValues } from './targets/setup';

describe('fuzz: any Setup form values give the ready workflows as typed, or a named refusal', () => {
	it(setupValues.name, async () => {
		const counts = await runTarget(setupValues);
		expect(counts.get('ready')).toBeGreaterThan(setupValues.runs / 2);
		expect(counts.get('refused')).toBeGreaterThan(0);
	});
});
