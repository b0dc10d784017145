// Per-file access to the stack: the one jest's globalSetup started (PECELAN_E2E_STACK_FILE), or,
// when the file runs alone without it, one started for this file and stopped after it.
import { startE2eStack, RunningE2eStack } from './global-setup';
import { stopE2eStack } from './global-teardown';
import { readStackInfo, STACK_FILE_ENV, StackInfo, stackInfo } from './stack-info';

/** A first run installs n8n (minutes); later runs start in seconds. */
export const STACK_START_TIMEOUT_MS = 20 * 60 * 1000;

/** A test awaits many real n8n executions (each waitFor has its own deadline); a loaded shared machine takes minutes for one journey. */
export const E2E_TEST_TIMEOUT_MS = 10 * 60 * 1000;

export function useStack(): () => StackInfo {
	jest.setTimeout(E2E_TEST_TIMEOUT_MS);
	let info: StackInfo | undefined;
	let own: RunningE2eStack | undefined;
	beforeAll(async () => {
		const file = process.env[STACK_FILE_ENV];
		if (file) info = readStackInfo(file);
		else {
			own = await startE2eStack();
			info = stackInfo(own.stack);
		}
	}, STACK_START_TIMEOUT_MS);
	afterAll(async () => {
		if (own) await stopE2eStack(own);
	}, 60000);
	return () => {
		if (!info) throw new Error('the stack is not running (did beforeAll fail?)');
		return info;
	};
}
