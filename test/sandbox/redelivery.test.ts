// The sandbox delivers a webhook again, as Meta does, until it is answered 200.
import { messageIdsOf, Redelivery } from '../../sandbox/server/redelivery';

const body = (id: string) =>
	JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [{ changes: [{ value: { messages: [{ id, from: '628', type: 'text' }] } }] }],
	});

/** An endpoint answering the given statuses in turn (0: no answer in time), then 200. */
function endpoint(statuses: number[]) {
	const seen: number[] = [];
	const attempt = async (timeoutMs: number) => {
		seen.push(timeoutMs);
		const status = statuses[seen.length - 1] ?? 200;
		return status ? { webhookStatus: status } : { webhookStatus: 0, webhookError: 'timeout' };
	};
	return { attempt, seen };
}

describe('redelivery', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	it('delivers again with growing delays until a 200, the same message each time', async () => {
		const redelivery = new Redelivery({ timeoutMs: 500, delaysMs: [100, 200, 400] });
		const { attempt, seen } = endpoint([500, 0]);
		const first = await redelivery.deliver(body('wamid.A'), attempt, 50);
		expect(first).toMatchObject({ webhookStatus: 500, redelivering: true });
		await jest.advanceTimersByTimeAsync(99);
		expect(seen).toHaveLength(1);
		await jest.advanceTimersByTimeAsync(1);
		expect(seen).toHaveLength(2);
		await jest.advanceTimersByTimeAsync(200);
		expect(seen).toHaveLength(3);
		await jest.advanceTimersByTimeAsync(10_000);
		expect(seen).toEqual([50, 500, 500]);
		expect(redelivery.attemptsFor('wamid.A').map((a) => [a.attempt, a.webhookStatus])).toEqual([
			[1, 500],
			[2, 0],
			[3, 200],
		]);
	});

	it('does not deliver again what was answered 200, and gives up when the schedule runs out', async () => {
		const redelivery = new Redelivery({ timeoutMs: 500, delaysMs: [100, 100] });
		const ok = endpoint([]);
		expect(await redelivery.deliver(body('wamid.B'), ok.attempt)).toEqual({ webhookStatus: 200 });
		const down = endpoint([503, 503, 503, 503, 503]);
		await redelivery.deliver(body('wamid.C'), down.attempt);
		await jest.advanceTimersByTimeAsync(10_000);
		expect(ok.seen).toHaveLength(1);
		expect(down.seen).toHaveLength(3);
	});

	it("keeps a message's attempts after thousands of later deliveries, and counts them", async () => {
		const redelivery = new Redelivery({ timeoutMs: 500, delaysMs: [100] });
		await redelivery.deliver(body('wamid.first'), endpoint([503]).attempt);
		await jest.advanceTimersByTimeAsync(100);
		for (let i = 0; i < 6000; i++)
			await redelivery.deliver(body(`wamid.${i}`), endpoint([]).attempt);
		expect(redelivery.attemptsFor('wamid.first').map((a) => a.webhookStatus)).toEqual([503, 200]);
		expect(redelivery.totals).toEqual({
			attempts: 6002,
			answered: 6001,
			unanswered: 0,
			failed: 1,
			waiting: 0,
		});
	});

	it('stops delivering when the sandbox stops', async () => {
		const redelivery = new Redelivery({ timeoutMs: 500, delaysMs: [100] });
		const down = endpoint([503, 503]);
		await redelivery.deliver(body('wamid.D'), down.attempt);
		redelivery.stop();
		await jest.advanceTimersByTimeAsync(10_000);
		expect(down.seen).toHaveLength(1);
	});

	it('reads the message ids of a webhook body, and none of a body that is not one', () => {
		expect(messageIdsOf(body('wamid.E'))).toEqual(['wamid.E']);
		expect(messageIdsOf('{"entry": "x"}')).toEqual([]);
		expect(messageIdsOf('not json')).toEqual([]);
	});
});
