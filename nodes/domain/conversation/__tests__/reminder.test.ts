/**
 * Drafts that wait with one reminder: which sessions a scheduled run reminds, and only once.
 */
import { defaultCatalog } from '../../catalog';
import { draftReminder } from '..';
import { answerCurrent, Chat } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const hours = (n: number, from: Date) => new Date(from.getTime() + n * 3_600_000);

function draftLeftAt(): Chat {
	const chat = new Chat(catalog);
	chat.text('mau buat surat domisili');
	chat.text('lanjut');
	answerCurrent(chat, catalog.services.find((s) => s.key === 'domisili')!);
	return chat;
}

describe('a reminder for a draft that waits', () => {
	it('is due once, half-way through the 24 hours, naming the letter', () => {
		const chat = draftLeftAt();
		const s = chat.session!;
		expect(draftReminder(s, catalog, hours(11, chat.now)).session).toBeUndefined();
		const due = draftReminder(s, catalog, hours(13, chat.now));
		expect(due.session).toBeDefined();
		expect(due.replies).toHaveLength(1);
		expect(due.replies[0].text).toContain('Surat Keterangan Domisili');
		expect(due.replies[0].text).toContain('11 jam');
		// Saved as reminded: the next run sends nothing more for this draft.
		const again = draftReminder(due.session!, catalog, hours(14, chat.now));
		expect(again).toEqual({ replies: [] });
		// The resident answers: the same draft goes on, still reminded only once.
		chat.session = due.session!;
		chat.now = hours(15, chat.now);
		chat.text('Madiun');
		expect(draftReminder(chat.session!, catalog, hours(13, chat.now)).session).toBeUndefined();
	});

	it('not after the draft has expired, nor outside the 24-hour window, nor without a draft', () => {
		const chat = draftLeftAt();
		expect(draftReminder(chat.session!, catalog, hours(25, chat.now)).session).toBeUndefined();
		const longer = { ...catalog, settings: { ...catalog.settings, draftTimeoutHours: 72 } };
		// 36 h is half of 72, but Meta no longer delivers a free-form message by then.
		expect(draftReminder(chat.session!, longer, hours(36, chat.now)).session).toBeUndefined();
		const shorter = { ...catalog, settings: { ...catalog.settings, draftTimeoutHours: 4 } };
		expect(draftReminder(chat.session!, shorter, hours(2, chat.now)).session).toBeDefined();
		const idle = new Chat(catalog);
		idle.text('halo');
		expect(draftReminder(idle.session!, catalog, hours(13, idle.now)).session).toBeUndefined();
	});
});
