import { runTarget } from './targets/common';
import { fonnteWebhook, metaWebhook } from './targets/webhooks';

describe('fuzz: any body posted to the trigger gets 200 or 400, never an exception', () => {
	it.each([metaWebhook, fonnteWebhook])('$name', async (target) => {
		const counts = await runTarget(target);
		// Both kinds of answer are reached, so the generator is not stuck on one side.
		expect(counts.get('200 with items')).toBeGreaterThan(target.runs / 20);
		expect(counts.get('400 refused')).toBeGreaterThan(target.runs / 20);
	});
});
