// `npm run runtime:lock [-- <version>]`: after changing DEFAULT_N8N_VERSION in install.ts, pin the
// new version's tree (then delete the old version's folder).
import { DEFAULT_N8N_VERSION, ensureNode24 } from './install';
import { writeLock } from './runtime-lock';

void (async () => {
	const version = process.argv[2] ?? DEFAULT_N8N_VERSION;
	try {
		await writeLock(version, await ensureNode24());
	} catch (error) {
		console.error(`runtime lock: failed: ${(error as Error).message}`);
		process.exit(1);
	}
})();
