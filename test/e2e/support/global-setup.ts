// jest globalSetup for the end-to-end suites: one stack (real package, repo workflows, fresh n8n
// user folder, free ports) for the whole run; test files find it through PECELAN_E2E_STACK_FILE.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerFrom, stackModeFrom, startStack, Stack } from '../../../sandbox/runtime/stack';
import { STACK_FILE_ENV, stackInfo, writeStackInfo } from './stack-info';

export interface RunningE2eStack {
	stack: Stack;
	dir: string;
}

const log = (line: string) => process.stderr.write(`[e2e stack] ${line}\n`);

export async function startE2eStack(): Promise<RunningE2eStack> {
	const dir = mkdtempSync(join(tmpdir(), 'pecelan-e2e-'));
	const stack = await startStack({
		// PECELAN_E2E_MODE=queue: main + workers on PostgreSQL and Redis (the e2e-queue project),
		// three of them: two tests each stop one and need another to take over.
		mode: stackModeFrom(process.env.PECELAN_E2E_MODE),
		workers: process.env.PECELAN_E2E_MODE === 'queue' ? 3 : undefined,
		// PECELAN_E2E_PROVIDER=fonnte: the office set up on Fonnte (the e2e-fonnte project).
		provider: providerFrom(process.env.PECELAN_E2E_PROVIDER),
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		n8nPort: 0,
		// The same development overrides as `npm start`.
		packageDir: process.env.PECELAN_PACKAGE_DIR || undefined,
		workflowsDir: process.env.PECELAN_WORKFLOWS_DIR || undefined,
		// Tests only: the waits read intake executions (and their trigger data) through n8n's API;
		// the workflows themselves save no successful execution.
		keepSuccessfulExecutions: true,
		log,
	});
	log(
		`ready: sandbox ${stack.sandbox.url}, n8n ${stack.n8n.url}, timings ${JSON.stringify(stack.timings)}`,
	);
	return { stack, dir };
}

export default async function globalSetup(): Promise<void> {
	const running = await startE2eStack();
	const file = join(running.dir, 'stack.json');
	writeStackInfo(file, stackInfo(running.stack));
	process.env[STACK_FILE_ENV] = file;
	(globalThis as { __PECELAN_E2E__?: RunningE2eStack }).__PECELAN_E2E__ = running;
}
