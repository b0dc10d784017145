// Queue mode's PostgreSQL runs in a session of its own (pg_ctl detaches it): it must end with the
// stack, by stop() and by the last-resort hook when the process ends without stop().
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	missingLine,
	missingPrerequisites,
	queueServerPrerequisites,
	whichOnPath,
} from '../../sandbox/runtime/prerequisites';
import { startQueueServices } from '../../sandbox/runtime/queue';

// Without PostgreSQL or Redis these tests stop with the line `npm run test:e2e:queue` prints.
const missing = missingPrerequisites(queueServerPrerequisites(), whichOnPath()).map(missingLine);

const postmasterPid = (dir: string) =>
	Number(readFileSync(join(dir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);

function running(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	return check();
}

describe('queue mode services (PostgreSQL, Redis)', () => {
	beforeAll(() => {
		if (missing.length) throw new Error(missing.join('\n'));
	});
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pecelan-queue-services-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('stop() ends PostgreSQL, whose server is not in our process group', async () => {
		const services = await startQueueServices(dir, () => undefined);
		const pid = postmasterPid(dir);
		expect(running(pid)).toBe(true);
		await services.stop();
		expect(running(pid)).toBe(false);
	}, 120000);

	it('a process that exits without stop() leaves no PostgreSQL behind', async () => {
		// What a Ctrl-C while the stack starts does: the process exits before any stop().
		const script = join(dir, 'exit-without-stop.ts');
		writeFileSync(
			script,
			`import { startQueueServices } from ${JSON.stringify(join(__dirname, '../../sandbox/runtime/queue'))};\n` +
				`startQueueServices(${JSON.stringify(join(dir, 'state'))}, () => {}).then(() => process.exit(0));\n`,
		);
		execFileSync(join(__dirname, '../../node_modules/.bin/tsx'), [script], { stdio: 'ignore' });
		const pid = postmasterPid(join(dir, 'state'));
		expect(await until(() => !running(pid), 30000)).toBe(true);
	}, 120000);
});
