/**
 * The Service Desk side of saving before sending: "Take Step" computes the new session and the
 * version to save it as, "Route Saved Step" sends its results on afterwards. A step taken again
 * (after a conflicting save, or for a redelivered message) must file the same ticket, and a step
 * taken on a session that already holds the message must do nothing.
 */
import { defaultCatalog } from '../../domain/catalog';
import { currentField } from '../../domain/conversation/flow';
import { OUTPUT, type StepItem } from '../actions/conversation/stepItem';
import { resourceOf, runNode } from './runNode';
import { Chat, answerCurrent } from '../../../test/support/chat';

const catalog = defaultCatalog();
const WA = '6281234567890';

const message = (messageId: string, text: string) => ({
	provider: 'test',
	businessNumber: '1',
	from: WA,
	name: 'Budi',
	messageId,
	timestamp: '2026-05-05T02:00:00Z',
	type: 'text',
	text,
});

/** A session at the summary of the first service, ready for "kirim". */
function atSummary(): string {
	const service = catalog.services[0];
	const chat = new Chat(catalog, WA, new Date());
	chat.text('halo');
	chat.list('menu:request', 'Ajukan surat');
	chat.list(service.key, service.title);
	chat.button('continue', 'Lanjut');
	for (let guard = 0; guard < 200 && chat.state !== 'summary'; guard++) {
		if (chat.state === 'field' && currentField(service, chat.session!))
			answerCurrent(chat, service);
		else if (chat.state === 'document') {
			chat.photo(`media-${guard}`);
			if (chat.state === 'document') chat.text('selesai');
		} else chat.text('selesai');
	}
	expect(chat.state).toBe('summary');
	return JSON.stringify(chat.session);
}

async function takeStep(
	session: string,
	version: number,
	msg = message('wamid.send', 'kirim'),
	pending: { pendingFor?: string; pendingReplies?: string } = {},
) {
	const [[item]] = await runNode({
		operation: 'takeStep',
		message: msg,
		session,
		version,
		...pending,
	});
	return item.json as StepItem;
}

describe('Take Step and Route Saved Step', () => {
	it('returns the new session with the version it started from and the next, sending nothing', async () => {
		const step = await takeStep('', 0, message('wamid.hi', 'halo'));
		expect(step).toMatchObject({ waId: WA, messageId: 'wamid.hi', version: 0, nextVersion: 1 });
		expect(step.replies.length).toBeGreaterThan(0);
		const later = await takeStep(step.session, 7, message('wamid.next', 'menu'));
		expect(later).toMatchObject({ version: 7, nextVersion: 8 });
	});

	it('files the same ticket when a step is taken again later, and routes it only once saved', async () => {
		const session = atSummary();
		const first = await takeStep(session, 3);
		jest.useFakeTimers({ now: Date.now() + 5 * 60_000, doNotFake: ['nextTick', 'setImmediate'] });
		const again = await takeStep(session, 3);
		jest.useRealTimers();
		expect(first.routes.submitted).toHaveLength(1);
		expect(again.routes.submitted[0].ticket).toBe(first.routes.submitted[0].ticket);

		const outputs = await runNode({ operation: 'routeSavedStep', step: first });
		expect(outputs[OUTPUT.submitted].map((o) => o.json.ticket)).toEqual([
			first.routes.submitted[0].ticket,
		]);
		expect(outputs[OUTPUT.reply][0].json).toMatchObject({ waId: WA, replies: first.replies });
	});

	it('does nothing for a message the saved session already holds (a redelivery that lost the race)', async () => {
		const first = await takeStep(atSummary(), 3);
		const redelivered = await takeStep(first.session, 4);
		expect(redelivered.replies).toEqual([]);
		expect(redelivered.events).toEqual([]);
		expect(redelivered.routes.submitted).toEqual([]);
	});

	it('keeps its replies pending with the session, for its message, until they are sent', async () => {
		const step = await takeStep('', 0, message('wamid.hi', 'halo'));
		expect(step.pendingFor).toBe('wamid.hi');
		expect(JSON.parse(step.pendingReplies).replies).toEqual(step.replies);
	});

	it('sends the pending replies of a redelivered message once more, and nothing once they left', async () => {
		const first = await takeStep('', 0, message('wamid.hi', 'halo'));
		const pending = { pendingFor: first.pendingFor, pendingReplies: first.pendingReplies };
		// The same message again at once: the first run is still sending. This one fails before
		// its save (which would write the outbox back over the first run's clear), sends nothing,
		// and is not answered 200, so WhatsApp delivers it again in case that run dies.
		await expect(takeStep(first.session, 1, message('wamid.hi', 'halo'), pending)).rejects.toThrow(
			'being sent by another run',
		);
		// The run died after the save, before the send: its redelivery, after the lease, gets the
		// same replies.
		jest.useFakeTimers({ now: Date.now() + 60_000, doNotFake: ['nextTick', 'setImmediate'] });
		const redelivered = await takeStep(first.session, 1, message('wamid.hi', 'halo'), pending);
		jest.useRealTimers();
		expect(redelivered.replies).toEqual(first.replies);
		expect(redelivered.routes.submitted).toEqual([]);
		// They left and were cleared: a later redelivery answers nothing.
		const late = await takeStep(first.session, 1, message('wamid.hi', 'halo'));
		expect(late.replies).toEqual([]);
	});

	it("leaves another message's pending replies alone when it has nothing to send", async () => {
		const first = await takeStep('', 0, message('wamid.hi', 'halo'));
		const second = await takeStep(first.session, 1, message('wamid.menu', 'menu'));
		const pending = { pendingFor: second.pendingFor, pendingReplies: second.pendingReplies };
		const duplicate = await takeStep(second.session, 2, message('wamid.hi', 'halo'), pending);
		expect(duplicate.replies).toEqual([]);
		expect(duplicate).toMatchObject(pending);
		// Nothing to send, nothing to clear: no Reply item goes on to "Clear Pending Replies".
		const outputs = await runNode({ operation: 'routeSavedStep', step: duplicate });
		expect(outputs[OUTPUT.reply]).toEqual([]);
	});

	it('keeps a status question pending until its answer has left, and asks again on redelivery', async () => {
		const first = await takeStep('', 0, message('wamid.hi', 'halo'));
		const asked = await takeStep(first.session, 1, message('wamid.status', 'status'));
		expect(asked.routes.status).toHaveLength(1);
		expect(asked.pendingFor).toBe('wamid.status');
		expect(JSON.parse(asked.pendingReplies).status).toMatchObject({ type: 'status_requested' });
		// Only the status path sends (and then clears): no reply item could clear it before.
		const outputs = await runNode({ operation: 'routeSavedStep', step: asked });
		expect(outputs[OUTPUT.reply]).toEqual([]);
		expect(outputs[OUTPUT.status][0].json).toMatchObject({ waId: WA, replies: asked.replies });
		// The run died before the answer left: the redelivery, after the lease, asks the sheet again.
		const pending = { pendingFor: asked.pendingFor, pendingReplies: asked.pendingReplies };
		await expect(
			takeStep(asked.session, 2, message('wamid.status', 'status'), pending),
		).rejects.toThrow('being sent by another run');
		jest.useFakeTimers({ now: Date.now() + 60_000, doNotFake: ['nextTick', 'setImmediate'] });
		const redelivered = await takeStep(
			asked.session,
			2,
			message('wamid.status', 'status'),
			pending,
		);
		jest.useRealTimers();
		expect(redelivered.routes.status).toEqual(asked.routes.status);
		// Answered and cleared: a later redelivery asks nothing.
		const late = await takeStep(asked.session, 2, message('wamid.status', 'status'));
		expect(late.routes.status).toEqual([]);
	});

	it('sends the replies of the step that asked before the status answer', async () => {
		const [[answer]] = await runNode({
			operation: 'statusReply',
			waId: WA,
			repliesBefore: [{ type: 'text', text: 'sebelum' }],
		});
		const replies = answer.json.replies as Array<{ text?: string }>;
		expect(replies[0]).toEqual({ type: 'text', text: 'sebelum' });
		expect(replies.length).toBeGreaterThan(1);
	});

	it('refuses to route something that is not a step', async () => {
		await expect(runNode({ operation: 'routeSavedStep', step: { hello: 1 } })).rejects.toThrow(
			'not a "Take Step" result',
		);
	});

	it.each([
		['resumeBot', { waId: WA, session: '' }],
		['inviteSurvey', { waId: WA, session: '', ticket: 'SKU-7QX3KD0', serviceTitle: 'SKU' }],
	])('%s returns the version to save its session on condition of', async (operation, params) => {
		const [[item]] = await runNode({ operation, version: 5, ...params });
		expect(item.json).toMatchObject({ waId: WA, version: 5, nextVersion: 6 });
	});

	it.each([
		[
			'complaintReply',
			{ waId: WA, ticket: 'ADU-7QX3KD0', response: 'Sudah kami perbaiki' },
			'Tanggapan belum terkirim: {reason}',
		],
		['resumeBot', { waId: WA, session: '' }, 'Pesan belum terkirim: {reason}'],
	])(
		'%s carries the Masalah sentence of templates/sheet.json, also on its error item',
		async (operation, params, start) => {
			const [[item]] = await runNode({ operation, ...params });
			expect(String(item.json.problem)).toMatch(new RegExp(`^${start.replace(/[{}]/g, '\\$&')}`));
			const { failurePolicy } = await import(
				`../actions/${resourceOf(operation)}/${operation}.operation`
			);
			expect(failurePolicy.failureFields()).toEqual({ problem: item.json.problem });
		},
	);
});
