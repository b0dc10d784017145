// n8n dies (SIGKILL) in the middle of an approvals run, after the letter number was written to the
// row and while the letter is on its way to Meta; started again, it finishes the row: exactly one
// letter, with that number. This file runs its own stack: it kills and restarts that n8n.
import { faultClient } from './support/clients';
import { startE2eStack, type RunningE2eStack } from './support/global-setup';
import { stopE2eStack } from './support/global-teardown';
import { pdfText } from './support/letter';
import { columns as c, decide, nextApprovalsRound, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { stackInfo, type StackInfo } from './support/stack-info';
import { STACK_START_TIMEOUT_MS } from './support/use-stack';
import { waitFor } from './support/wait';

// The dead run holds the approvals lock for 5 minutes: the round n8n runs when it starts again
// (n8n Started) waits that out and finishes the row, well before the 10-minute safety net.
jest.setTimeout(20 * 60 * 1000);

let running: RunningE2eStack;
let info: StackInfo;

beforeAll(async () => {
	running = await startE2eStack();
	info = stackInfo(running.stack);
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
	if (running) await stopE2eStack(running);
}, 60000);

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('n8n killed during an approvals run', () => {
	it('finishes the row after the restart with the number written before: one letter', async () => {
		const sari = new Resident(info, '6281388880401', 'Sari Dewi');
		const ticket = await submitRequest(sari, 'pengantar-skck');
		await rowOf(info, ticket, (r) => !!r.values[c.documents]);
		const before = (await sari.chat()).length;
		// The letter's message to Meta is held in flight: n8n dies while it waits for the answer.
		const faults = faultClient(info);
		const hold = await faults.arm({
			service: 'whatsapp',
			operation: 'sendDocument',
			holdMs: 600000,
			bodyContains: sari.waId,
		});
		await decide(info, ticket, statuses.approved);
		await waitFor(async () => (await faults.list()).find((f) => f.id === hold.id)?.hits === 1, {
			timeoutMs: 150000,
			intervalMs: 250,
			description: "the letter's message to be in flight",
		});
		const numbered = (await rowOf(info, ticket)).values;
		expect(numbered[c.letterNumber]).not.toBe('');
		expect(numbered[c.completedAt]).toBe('');

		const pid = running.stack.n8n.process.pid as number;
		process.kill(-pid, 'SIGKILL');
		await waitFor(() => !alive(pid), { timeoutMs: 30000, description: 'n8n to be dead' });
		await running.stack.restartN8n();
		await faults.clear();

		const done = await waitFor(
			async () =>
				(await rowOf(info, ticket)).values[c.status] === statuses.done
					? (await rowOf(info, ticket)).values
					: undefined,
			{
				timeoutMs: 12 * 60 * 1000,
				intervalMs: 2000,
				description: 'the row finished after the restart',
			},
		);
		expect(done[c.letterNumber]).toBe(numbered[c.letterNumber]);
		// Once a whole later round has run (a staff edit starts it), the resident holds exactly one
		// letter, with that number.
		await nextApprovalsRound(info);
		const letters = (await sari.chat()).slice(before).filter((m) => !!m.document);
		expect(letters).toHaveLength(1);
		expect(await pdfText(await sari.download(letters[0].document!.url))).toContain(
			numbered[c.letterNumber],
		);
	});
});
