import { runTarget } from './targets/common';
import { verificationScans } from './targets/verification';

describe('fuzz: any code gets 404 or the page, nothing unescaped', () => {
	it(verificationScans.name, async () => {
		const counts = await runTarget(verificationScans);
		for (const status of ['200', '404', '410']) expect(counts.get(status)).toBeGreaterThan(20);
	});
});
