// n8n dies (SIGKILL) in the middle of an approvals run, after the letter number was written to the
// row and while the letter is on its way to Meta; started again, it finishes the rows approved
// before the kill at once: exactly one letter each, with the number written before. This file runs
// its own stack: it kills and restarts that n8n.
import { faultClient } from './support/clients';
import { startE2eStack, type RunningE2eStack } from './support/global-setup';
import { stopE2eStack } from './support/global-teardown';
import { pdfText } from './support/letter';
import { columns as c, decide, nextApprovalsRound, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { stackInfo, type StackInfo } from './support/stack-info';
import { STACK_START_TIMEOUT_MS } from './support/use-stack';
import { waitFor } from './support/wait';

// The dead run's lock would hold for 5 minutes; the round n8n runs when it starts again (n8n
// Started) finds its holder gone and takes the lock over at once.
jest.setTimeout(20 * 60 * 1000);
/** Well under the 5 minutes a dead run's lock lasts: the restart takes the lock over. */
const SOON_AFTER_RESTART_MS = 2 * 60 * 1000;

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
	it('finishes the rows approved before the kill soon after the restart: one letter each', async () => {
		const sari = new Resident(info, '6281388880401', 'Sari Dewi');
		const budi = new Resident(info, '6281388880402', 'Budi Santoso');
		const ticket = await submitRequest(sari, 'pengantar-skck');
		const other = await submitRequest(budi, 'pengantar-skck');
		await rowOf(info, ticket, (r) => !!r.values[c.documents]);
		await rowOf(info, other, (r) => !!r.values[c.documents]);
		const before = { sari: (await sari.chat()).length, budi: (await budi.chat()).length };
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
		// A second approval while the first round holds the lock: its round waits for it.
		await decide(info, other, statuses.approved);
		const numbered = (await rowOf(info, ticket)).values;
		expect(numbered[c.letterNumber]).not.toBe('');
		expect(numbered[c.completedAt]).toBe('');
		expect((await rowOf(info, other)).values[c.completedAt]).toBe('');

		const pid = running.stack.n8n.process.pid as number;
		process.kill(-pid, 'SIGKILL');
		await waitFor(() => !alive(pid), { timeoutMs: 30000, description: 'n8n to be dead' });
		await running.stack.restartN8n();
		await faults.clear();
		const restarted = Date.now();

		const finished = async (t: string) =>
			waitFor(
				async () => {
					const row = (await rowOf(info, t)).values;
					return row[c.status] === statuses.done ? row : undefined;
				},
				{
					timeoutMs: SOON_AFTER_RESTART_MS,
					intervalMs: 1000,
					description: `row ${t} finished soon after the restart`,
				},
			);
		const done = await finished(ticket);
		await finished(other);
		console.log(
			`approvals finished ${Math.round((Date.now() - restarted) / 1000)} s after restart`,
		);
		expect(done[c.letterNumber]).toBe(numbered[c.letterNumber]);
		// Once a whole later round has run (a staff edit starts it), each resident holds exactly one
		// letter, Sari's with the number written before the kill.
		await nextApprovalsRound(info);
		const letters = async (resident: Resident, after: number) =>
			(await resident.chat()).slice(after).filter((m) => m.direction === 'out' && !!m.document);
		const sariLetters = await letters(sari, before.sari);
		expect(sariLetters).toHaveLength(1);
		expect(await letters(budi, before.budi)).toHaveLength(1);
		expect(await pdfText(await sari.download(sariLetters[0].document!.url))).toContain(
			numbered[c.letterNumber],
		);
	});
});
