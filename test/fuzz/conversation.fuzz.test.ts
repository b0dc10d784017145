import { runTarget } from './targets/common';
import { conversationSteps } from './targets/conversation';

describe('fuzz: any message sequence gets well-formed replies within WhatsApp limits', () => {
	it(conversationSteps.name, async () => {
		const counts = await runTarget(conversationSteps);
		// Sequences get past the menu into a request's questions, not only greetings.
		expect(counts.get('ends in field')).toBeGreaterThan(conversationSteps.runs / 10);
		expect(counts.size).toBeGreaterThan(5);
	});
});
