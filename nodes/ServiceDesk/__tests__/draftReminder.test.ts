/**
 * "Draft Reminder" over the stored session rows a scheduled run reads: one item per draft due a
 * reminder (its reply and the session to save first), nothing for the others, and the saved
 * session goes on with the same draft when the resident answers.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { defaultCatalog } from '../../domain/catalog';
import { router } from '../actions/router';
import { draftReminder } from '../../domain/conversation';
import { Chat, answerCurrent } from '../../../test/support/chat';

const catalog = defaultCatalog();
const HOUR = 3_600_000;
const domisili = catalog.services.find((s) => s.key === 'domisili')!;

/** The node run over `rows`, one item each (its parameters), as after a Data Table "get". */
function run(
	rows: Array<Record<string, unknown>>,
	shared: Record<string, unknown> = {},
): Promise<INodeExecutionData[][]> {
	const context = {
		getInputData: () => rows.map((json) => ({ json })),
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			const parameters = {
				resource: 'conversation',
				operation: 'draftReminder',
				...shared,
				...rows[i],
			};
			return name in parameters ? parameters[name] : fallback;
		},
		getNode: () => ({ name: 'Service Desk', type: 'serviceDesk' }),
		continueOnFail: () => false,
		logger: { warn: () => undefined },
	} as unknown as IExecuteFunctions;
	return router.call(context);
}

/** A resident who started a domisili request `hoursAgo` hours ago and answered one question. */
function draftFrom(hoursAgo: number, waId = '6281234500001'): Chat {
	const chat = new Chat(catalog, waId, new Date(Date.now() - hoursAgo * HOUR));
	chat.text('mau buat surat domisili');
	chat.text('lanjut');
	answerCurrent(chat, domisili);
	expect(chat.session!.draft).toBeTruthy();
	return chat;
}

const row = (chat: Chat | null, version: number, session?: string) => ({
	session: session ?? JSON.stringify(chat!.session),
	version,
});

describe('Draft Reminder', () => {
	it('gives one item per draft due, paired with its row, and none for the others', async () => {
		const due = draftFrom(13, '6281234500001');
		const early = draftFrom(2, '6281234500002');
		const expired = draftFrom(30, '6281234500003');
		const idle = new Chat(catalog, '6281234500004', new Date(Date.now() - 13 * HOUR));
		idle.text('halo');
		const [items] = await run([
			row(early, 4),
			row(due, 7),
			row(expired, 2),
			row(idle, 3),
			row(null, 1, '{not json'),
			row(null, 1, ''),
			row(null, 1, JSON.stringify({ v: 1, draft: 'x' })),
		]);
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 1 });
		expect(item.json).toMatchObject({
			waId: '6281234500001',
			draft: due.session!.draft,
			version: 7,
			nextVersion: 8,
		});
		const replies = item.json.replies as Array<{ text: string }>;
		expect(replies).toHaveLength(1);
		expect(replies[0].text).toContain(domisili.title);
		const saved = JSON.parse(item.json.session as string);
		expect(saved.reminded).toBe(due.session!.draft);
		// The resident's last message is still when the draft was left: the reminder does not
		// lengthen the draft's life.
		expect(saved.at).toBe(due.session!.at);
	});

	it('reminds a draft once: a saved, reminded session gives nothing on the next runs', async () => {
		const chat = draftFrom(13);
		const [[first]] = await run([row(chat, 1)]);
		const [again] = await run([{ session: first.json.session, version: 2 }]);
		expect(again).toEqual([]);
	});

	it('lets the resident go on with the same draft after the reminder', async () => {
		const chat = draftFrom(13);
		const draft = chat.session!.draft;
		const [[reminder]] = await run([row(chat, 1)]);
		chat.session = JSON.parse(reminder.json.session as string);
		chat.now = new Date();
		const before = { ...chat.session!.values };
		answerCurrent(chat, domisili);
		expect(chat.state).toBe('field');
		expect(chat.session!.draft).toBe(draft);
		// What was answered before the reminder is kept, and the new answer added to it.
		expect(chat.session!.values).toMatchObject(before);
		expect(Object.keys(chat.session!.values).length).toBeGreaterThan(Object.keys(before).length);
		// Still reminded: no second reminder for this draft, however long it now waits.
		const later = new Date(chat.now.getTime() + 13 * HOUR);
		expect(draftReminder(chat.session, catalog, later).session).toBeUndefined();
	});

	it("sends nothing once Meta's window since the resident's own last message has closed", async () => {
		// A draft staff reopened for a fix carries the reopening's time; the row's lastInboundAt
		// says when the resident last wrote.
		const chat = draftFrom(13);
		const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
		const closed = await run([{ ...row(chat, 1), lastInboundAt: ago(30) }]);
		expect(closed[0]).toEqual([]);
		const open = await run([{ ...row(chat, 1), lastInboundAt: ago(13) }]);
		expect(open[0]).toHaveLength(1);
	});

	it("follows the office's draftTimeoutHours from a custom catalog", async () => {
		const chat = draftFrom(3);
		const catalogJson = JSON.stringify({ settings: { draftTimeoutHours: 4 } });
		const custom = { catalogSource: 'custom', catalogMode: 'extend', catalogJson };
		expect((await run([row(chat, 1)]))[0]).toEqual([]);
		const [[item]] = await run([row(chat, 1)], custom);
		expect((item.json.replies as Array<{ text: string }>)[0].text).toContain('1 jam');
	});
});
