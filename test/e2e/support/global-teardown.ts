// jest globalTeardown: stops the stack of global-setup.ts. PECELAN_E2E_KEEP=1 keeps its folder
// (n8n.log, database) for a look after a failure.
import { rmSync } from 'node:fs';
import type { RunningE2eStack } from './global-setup';

export async function stopE2eStack(running: RunningE2eStack): Promise<void> {
	await running.stack.stop();
	if (process.env.PECELAN_E2E_KEEP === '1')
		process.stderr.write(`[e2e stack] kept ${running.dir}\n`);
	else rmSync(running.dir, { recursive: true, force: true });
}

export default async function globalTeardown(): Promise<void> {
	const holder = globalThis as { __PECELAN_E2E__?: RunningE2eStack };
	if (holder.__PECELAN_E2E__) await stopE2eStack(holder.__PECELAN_E2E__);
	holder.__PECELAN_E2E__ = undefined;
}
