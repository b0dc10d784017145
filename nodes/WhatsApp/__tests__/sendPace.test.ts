// A QR-linked number sends at a human pace: every message through one Fonnte device waits for
// the slot after the one before (delay + random jitter), whichever run or item asks.
import type { IDataObject } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { numberKey, paceOf, resetSendQueues, takeSlot } from '../providers/fonnte/sendPace';
import { FakeApi } from '../../../test/support/whatsapp/fakeApi';
import { executeContext } from '../../../test/support/whatsapp/harness';

describe('the send queue of one number', () => {
	beforeEach(() => resetSendQueues());

	it('lets the first message go at once and spaces the next ones by delay + jitter', () => {
		const pace = { delayMs: 1000, jitterMs: 500 };
		const half = () => 0.5;
		expect([0, 0, 0, 0].map(() => takeSlot('office', pace, 10_000, half))).toEqual([
			0, 1250, 2500, 3750,
		]);
	});

	it('keeps numbers apart: another office number does not wait', () => {
		const pace = { delayMs: 1000, jitterMs: 0 };
		takeSlot('office-a', pace, 0);
		expect(takeSlot('office-a', pace, 0)).toBe(1000);
		expect(takeSlot('office-b', pace, 0)).toBe(0);
	});

	it('does not make a message wait for a slot already past', () => {
		const pace = { delayMs: 1000, jitterMs: 0 };
		takeSlot('office', pace, 0);
		expect(takeSlot('office', pace, 5000)).toBe(0);
		expect(takeSlot('office', pace, 5000)).toBe(1000);
	});

	it('reads the credential: seconds to ms, negative or unreadable as no delay', () => {
		expect(paceOf(5, 2)).toEqual({ delayMs: 5000, jitterMs: 2000 });
		expect(paceOf(0.25, undefined)).toEqual({ delayMs: 250, jitterMs: 0 });
		expect(paceOf(-3, 'x')).toEqual({ delayMs: 0, jitterMs: 0 });
		expect(numberKey('token-a')).not.toContain('token-a');
	});
});

describe('WhatsApp Gateway (Fonnte) at a human pace', () => {
	const api = new FakeApi();
	beforeAll(() => api.start());
	afterAll(() => api.stop());
	beforeEach(() => {
		api.reset();
		resetSendQueues();
		api.on('POST', '/send', {
			body: { status: true, id: ['1'], detail: 'success! message in queue' },
		});
	});

	const send = (to: string[], credentials: IDataObject) =>
		new WhatsAppGateway().execute.call(
			executeContext({
				params: (i) => ({
					provider: 'fonnte',
					resource: 'message',
					operation: 'sendText',
					text: 'Surat siap',
					to: to[i],
				}),
				items: to.map((number) => ({ json: { number } })),
				credentials: { fonnteApi: { token: 't', baseUrl: api.baseUrl, ...credentials } },
			}),
		);

	// Request i cannot leave before its slot, i delays after the first send: the arrival times,
	// however loaded the machine, are at least that late (a lower bound per message).
	it('spaces a burst of notices to different residents by the delay the credential sets', async () => {
		const started = Date.now();
		await send(['081200000001', '081200000002', '081200000003', '081200000004'], {
			sendDelaySeconds: 0.3,
			sendJitterSeconds: 0.1,
		});
		const at = api.requests.map((r) => r.at);
		expect(at).toHaveLength(4);
		at.forEach((t, i) => expect(t - started).toBeGreaterThanOrEqual(i * 300));
	});

	it('spaces two runs at once on the same number as one queue', async () => {
		const pace = { sendDelaySeconds: 0.3, sendJitterSeconds: 0 };
		const started = Date.now();
		await Promise.all([send(['081200000001'], pace), send(['081200000002'], pace)]);
		const last = Math.max(...api.requests.map((r) => r.at));
		expect(api.requests).toHaveLength(2);
		expect(last - started).toBeGreaterThanOrEqual(300);
	});
});
