// What the benchmarks that start a sandbox office share: the office in a temporary folder, and
// the way a benchmark's main reports a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack, type StackOptions } from '../sandbox/runtime/stack';

/** A sandbox office (n8n and the sandbox, on free ports) for `run`, stopped and removed after. */
export async function withBenchStack(
	name: string,
	options: StackOptions,
	run: (stack: Stack) => Promise<void>,
): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), `pecelan-bench-${name}-`));
	const stack = await startStack({
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		n8nPort: 0,
		log: () => {},
		...options,
	});
	try {
		await run(stack);
	} finally {
		await stack.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Runs a benchmark's main: an error is printed and the process exits with 1. */
export function runBench(main: () => Promise<void>): void {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
