// When Meta or Google fail for a moment (the sandbox's fault switch plays their real errors), an
// approved letter still reaches the resident exactly once, under the number it was given first:
// the row says why it stopped, and goes on when staff clear its Masalah cell.
import type { ChatMessage } from '../../sandbox/server';
import { executionsSince, faultClient, staffClient, type FaultSpec } from './support/clients';
import { pdfText } from './support/letter';
import {
	approvalsWorkflowId,
	columns as c,
	decide,
	nextApprovalsRound,
	rowOf,
	statuses,
} from './support/office';
import { Resident, submitRequest } from './support/resident';
import type { StackInfo } from './support/stack-info';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();

afterEach(() => faultClient(stack()).clear());

/**
 * A resident's request filed and approved while `fault` is armed: waits until the fault has
 * struck and the approvals round it struck in is over. Hands back the row as that round left it
 * and the chat position before the approval.
 */
async function approvedThroughFault(info: StackInfo, resident: Resident, fault: FaultSpec) {
	const ticket = await submitRequest(resident, 'pengantar-skck');
	await rowOf(info, ticket, (r) => !!r.values[c.documents]);
	const before = (await resident.chat()).length;
	const faults = faultClient(info);
	const armed = await faults.arm(fault);
	const approvedAt = new Date();
	await decide(info, ticket, statuses.approved);
	await waitFor(async () => (await faults.list()).find((f) => f.id === armed.id)?.hits === 1, {
		timeoutMs: 150000,
		intervalMs: 500,
		description: `the ${fault.service} ${fault.operation} fault to strike`,
	});
	const struckAt = new Date();
	await waitFor(
		async () => {
			const runs = await executionsSince(info, {
				workflowId: approvalsWorkflowId(info),
				since: approvedAt,
			});
			const struckIn = runs.filter((e) => new Date(e.startedAt) <= struckAt);
			return struckIn.length > 0 && struckIn.every((e) => !!e.stoppedAt);
		},
		{ timeoutMs: 60000, description: 'the approvals round the fault struck in to end' },
	);
	return { ticket, before, row: (await rowOf(info, ticket)).values };
}

/**
 * After the recovery: the row is done under `number`, and once another whole round has run the
 * resident holds exactly one letter, printed with that number.
 */
async function deliveredOnce(
	info: StackInfo,
	resident: Resident,
	ticket: string,
	before: number,
	number: string,
) {
	// Staff's next edit starts a round (the safety net would, within 10 minutes).
	await nextApprovalsRound(info);
	const done = await rowOf(info, ticket, (r) => r.values[c.status] === statuses.done);
	expect(done.values[c.letterNumber]).toBe(number);
	await nextApprovalsRound(info);
	const letters = await lettersOf(resident, before);
	expect(letters).toHaveLength(1);
	expect(await pdfText(await resident.download(letters[0].document!.url))).toContain(number);
}

const lettersOf = async (resident: Resident, after: number): Promise<ChatMessage[]> =>
	(await resident.chat()).slice(after).filter((m) => !!m.document);

describe('recovery from a failing service', () => {
	it('a letter whose sending failed once goes out on the next round, once, with the same number', async () => {
		const rina = new Resident(stack(), '6281355550201', 'Rina Wulandari');
		const { ticket, before, row } = await approvedThroughFault(stack(), rina, {
			service: 'whatsapp',
			operation: 'sendDocument',
			status: 500,
			bodyContains: rina.waId,
		});
		// Not marked done and not retried blindly: the row says why, nothing reached the resident.
		const stopped = await rowOf(stack(), ticket, (r) => !!r.values[c.problem]);
		expect(stopped.values[c.problem]).toMatch(/^Surat belum terkirim: .+kosongkan kolom Masalah/);
		expect(row[c.status]).toBe(statuses.approved);
		expect(row[c.completedAt]).toBe('');
		expect(row[c.letterNumber]).not.toBe('');
		await nextApprovalsRound(stack());
		expect(await lettersOf(rina, before)).toHaveLength(0);
		// Staff clear the Masalah cell: the next round sends it, once, under the same number.
		await staffClient(stack()).setCells(stopped.rowNumber, { [c.problem]: '' });
		await deliveredOnce(stack(), rina, ticket, before, row[c.letterNumber]);
	});

	it('a Sheets quota error when marking the row done does not send the letter twice', async () => {
		const joko = new Resident(stack(), '6281355550202', 'Joko Susilo');
		const { ticket, before, row } = await approvedThroughFault(stack(), joko, {
			service: 'sheets',
			operation: 'update',
			status: 429,
			// Only the write that marks a row done carries the done status.
			bodyContains: `"${statuses.done}"`,
		});
		expect(row[c.completedAt]).toBe('');
		expect(row[c.letterNumber]).not.toBe('');
		// Staff see why the row is not done yet, and that nothing is to be sent again.
		expect(row[c.problem]).toMatch(/^Sudah terkirim kepada warga, .+tidak akan dikirim ulang/);
		await deliveredOnce(stack(), joko, ticket, before, row[c.letterNumber]);
		expect((await rowOf(stack(), ticket)).values[c.problem]).toBe('');
	});

	it('two letters of one round whose marks the sheet refuses are each remembered: neither is sent twice', async () => {
		const residents = [
			new Resident(stack(), '6281355550203', 'Sari Dewi'),
			new Resident(stack(), '6281355550204', 'Bayu Aji'),
		];
		const tickets: string[] = [];
		for (const resident of residents) tickets.push(await submitRequest(resident, 'pengantar-skck'));
		const rows = await Promise.all(
			tickets.map((t) => rowOf(stack(), t, (r) => !!r.values[c.documents])),
		);
		const before = await Promise.all(residents.map(async (r) => (await r.chat()).length));
		const staff = staffClient(stack());
		// Approved while a note in Masalah holds each row back, then released together, so one
		// round delivers both and marks them one after the other.
		for (const row of rows)
			await staff.setCells(row.rowNumber, { [c.status]: statuses.approved, [c.problem]: 'tunggu' });
		await nextApprovalsRound(stack());
		const faults = faultClient(stack());
		const armed = await faults.arm({
			service: 'sheets',
			operation: 'update',
			status: 429,
			times: 2,
			bodyContains: `"${statuses.done}"`,
		});
		for (const row of rows) await staff.setCells(row.rowNumber, { [c.problem]: '' });
		await waitFor(async () => (await faults.list()).find((f) => f.id === armed.id)?.hits === 2, {
			timeoutMs: 180000,
			intervalMs: 500,
			description: 'both marks to be refused',
		});
		// Each row says it was sent and will not be sent again; the next rounds only mark them.
		const numbers: string[] = [];
		for (const ticket of tickets) {
			const refused = await rowOf(stack(), ticket, (r) => !!r.values[c.problem]);
			expect(refused.values[c.problem]).toMatch(
				/^Sudah terkirim kepada warga, .+tidak akan dikirim ulang/,
			);
			numbers.push(refused.values[c.letterNumber]);
		}
		for (const [i, ticket] of tickets.entries())
			await deliveredOnce(stack(), residents[i], ticket, before[i], numbers[i]);
	});
});
