import { defaultCatalog } from '../../catalog';
import { inviteSurvey, SURVEY_ELEMENTS } from '..';
import type { DeskEvent, StepResult } from '..';
import defaultMessages from '../../../../templates/messages.json';
import { Chat, NIK } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const TICKET = 'SKD-7QX3KD0';
const SERVICE = 'Surat Keterangan Domisili';

type Answered = Extract<DeskEvent, { type: 'survey_answered' }>;
const answers = (chat: Chat): Answered[] =>
	chat.events.filter((e): e is Answered => e.type === 'survey_answered');
const lastAnswer = (chat: Chat): Answered => answers(chat)[answers(chat).length - 1];

/** The approvals workflow invites the chat's resident after delivering the letter. */
function invite(chat: Chat, ticket = TICKET): StepResult {
	return chat.invite(ticket, SERVICE);
}

/** A resident who has been greeted and is at the main menu. */
function atMenu(): Chat {
	const chat = new Chat(catalog);
	chat.text('halo');
	expect(chat.state).toBe('menu');
	return chat;
}

describe('survey invitation', () => {
	it('asks a free resident right away, naming the service and ticket, with a skip button', () => {
		const chat = atMenu();
		const result = invite(chat);
		expect(result.replies).toHaveLength(1);
		expect(result.replies[0]).toMatchObject({
			type: 'buttons',
			buttons: [{ title: 'Isi survei' }, { title: 'Lewati' }],
		});
		expect(result.replies[0].text).toContain(TICKET);
		expect(result.replies[0].text).toContain(SERVICE);
		expect(chat.state).toBe('survey_invite');
	});

	it('invites once per ticket, even when the workflow runs twice', () => {
		const chat = atMenu();
		invite(chat);
		chat.button('survey:skip', 'Lewati');
		expect(invite(chat).replies).toEqual([]);
		expect(chat.state).toBe('menu');
		expect(invite(chat, 'SKU-0000001').replies).toHaveLength(1);
	});

	it('"Lewati" declines: a thank-you, the main menu, and no answers recorded', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('lewati');
		expect(chat.said).toContain(messages['survey.skipped']);
		expect(chat.last.replies[1].type).toBe('list');
		expect(chat.state).toBe('menu');
		expect(answers(chat)).toEqual([]);
	});

	it('does not interrupt a request in progress; offers the survey at the next main menu', () => {
		const chat = atMenu();
		chat.text('1');
		chat.list('domisili');
		chat.button('continue');
		chat.text('Budi Santoso');
		const result = invite(chat);
		expect(result.replies).toEqual([]);
		expect(chat.state).toBe('field');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
		chat.text(NIK);
		chat.text('ya');
		expect(chat.session!.pos).toEqual({ field: 2 });
		chat.text('batal');
		// Instead of the menu list, the pending invitation.
		expect(chat.state).toBe('survey_invite');
		const offer = chat.last.replies[chat.last.replies.length - 1];
		expect(offer.type).toBe('buttons');
		expect(offer.text).toContain(TICKET);
		expect(chat.last.replies.some((r) => r.type === 'list')).toBe(false);
		chat.button('survey:start', 'Isi survei');
		expect(chat.state).toBe('survey');
		expect(chat.said).toContain(messages['survey.u1']);
	});

	it('keeps the invitation while staff are talking to the resident', () => {
		const chat = atMenu();
		chat.text('petugas');
		chat.text('Surat saya belum sampai');
		expect(chat.state).toBe('handoff');
		expect(invite(chat).replies).toEqual([]);
		chat.text('halo?');
		expect(chat.last.replies).toEqual([]);
		chat.wait(180);
		chat.text('halo');
		expect(chat.state).toBe('survey_invite');
		expect(chat.said).toContain(TICKET);
	});

	it('asks right away when a half-filled request has already timed out', () => {
		const chat = atMenu();
		chat.text('1');
		chat.list('domisili');
		chat.button('continue');
		chat.wait(24 * 60 + 1);
		expect(invite(chat).replies).toHaveLength(1);
		expect(chat.state).toBe('survey_invite');
	});

	it('an unanswered invitation that times out is offered again at the next menu', () => {
		const chat = atMenu();
		invite(chat);
		chat.wait(60);
		chat.text('halo');
		expect(chat.state).toBe('survey_invite');
		chat.button('survey:start', 'Isi survei');
		expect(chat.state).toBe('survey');
	});

	it('a pending invitation older than a week is dropped', () => {
		const chat = atMenu();
		chat.text('petugas');
		invite(chat);
		chat.wait(8 * 24 * 60);
		chat.text('halo');
		expect(chat.state).toBe('menu');
		expect(chat.last.replies[1].type).toBe('list');
	});

	it('a tap on the main menu list instead of the invitation declines it and does that', () => {
		const chat = atMenu();
		invite(chat);
		chat.list('menu:request', 'Ajukan surat');
		expect(chat.state).toBe('services');
	});

	it('typing a main-menu word ("status") at the invitation declines it and does that', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('status');
		expect(chat.last.events).toEqual([expect.objectContaining({ type: 'status_requested' })]);
		expect(answers(chat)).toHaveLength(0);
		// A bare number still only answers the invitation's own buttons.
		invite(chat, 'SKU-0000002');
		chat.text('3');
		expect(chat.state).toBe('survey_invite');
	});

	it.each([
		['kirim ulang surat', 'resend_requested', 'resend'],
		['pak surat saya hilang', 'resend_requested', 'resend'],
		['Kirim ulang suratnya ya pak', 'resend_requested', 'resend'],
		['cek status', 'status_requested', 'idle'],
		['status permohonan saya gimana', 'status_requested', 'idle'],
		['mau bicara dengan petugas', 'handoff_requested', 'handoff'],
	])(
		'"%s" typed at the invitation is answered as that command, not asked about the survey',
		(typed, event, state) => {
			const chat = atMenu();
			invite(chat);
			chat.text(typed);
			expect(chat.last.events).toEqual([expect.objectContaining({ type: event })]);
			expect(chat.said).not.toContain(messages.not_understood);
			expect(chat.state).toBe(state);
			expect(answers(chat)).toEqual([]);
		},
	);

	it('a service named at the invitation starts it; the invitation waits for the next main menu', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('mau buat surat keterangan domisili');
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe('domisili');
		chat.text('batal');
		expect(chat.state).toBe('survey_invite');
		expect(chat.last.replies[chat.last.replies.length - 1].text).toContain(TICKET);
	});

	it('anything else at the invitation is still asked about again', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('hmm gimana ya');
		expect(chat.said).toContain(messages.not_understood);
		expect(chat.state).toBe('survey_invite');
	});

	it('refuses an invitation without a ticket, changing nothing', () => {
		const chat = atMenu();
		const result = inviteSurvey(
			chat.session,
			{ waId: chat.waId, ticket: ' ', serviceTitle: 'x' },
			catalog,
			chat.now,
		);
		expect(result.replies).toEqual([]);
		expect(result.events[0]).toMatchObject({ type: 'error' });
		expect(result.session.state).toBe('menu');
	});
});

describe('survey answers', () => {
	function started(): Chat {
		const chat = atMenu();
		invite(chat);
		chat.button('survey:start', 'Isi survei');
		return chat;
	}

	it('asks all nine elements as 4-row lists, records every answer, then the suggestion and thanks', () => {
		const chat = started();
		SURVEY_ELEMENTS.forEach((element, i) => {
			const question = chat.last.replies[0];
			expect(question.type).toBe('list');
			expect(question.text).toContain(messages[`survey.${element}`]);
			expect(question.text).toContain(`(${i + 1}/9)`);
			if (question.type === 'list') {
				expect(question.sections[0].rows.map((r) => r.title)).toEqual(
					messages[`survey.${element}.options`].split('|'),
				);
			}
			chat.list(`score:${(i % 4) + 1}`);
			expect(lastAnswer(chat).scores[element]).toBe((i % 4) + 1);
		});
		expect(answers(chat)).toHaveLength(9);
		expect(answers(chat).map((a) => a.complete)).toEqual([...Array(8).fill(false), true]);
		expect(chat.state).toBe('survey_suggestion');
		chat.text('Antrean di kantor perlu kursi tambahan');
		const final = lastAnswer(chat);
		expect(final).toEqual({
			type: 'survey_answered',
			ticket: TICKET,
			serviceTitle: SERVICE,
			waId: chat.waId,
			scores: { u1: 1, u2: 2, u3: 3, u4: 4, u5: 1, u6: 2, u7: 3, u8: 4, u9: 1 },
			suggestion: 'Antrean di kantor perlu kursi tambahan',
			complete: true,
			at: chat.now.toISOString(),
		});
		expect(chat.said).toContain('Terima kasih atas penilaian');
		expect(chat.state).toBe('idle');
		expect(chat.session!.survey).toBeUndefined();
	});

	it('accepts typed numbers and the answer words, and re-asks anything else', () => {
		const chat = started();
		chat.text('4');
		chat.text('kurang mudah');
		chat.text('Sangat Cepat!');
		expect(lastAnswer(chat).scores).toEqual({ u1: 4, u2: 2, u3: 4 });
		chat.text('5');
		expect(chat.said).toContain(messages['survey.invalid']);
		expect(chat.said).toContain(messages['survey.u4']);
		chat.text('lumayan');
		expect(chat.session!.pos).toEqual({ field: 3 });
		chat.text('gratis');
		expect(lastAnswer(chat).scores.u4).toBe(4);
		expect(answers(chat)).toHaveLength(4);
	});

	it('"lewati" skips one element without a score; the survey still completes', () => {
		const chat = started();
		chat.text('3');
		chat.text('lewati');
		expect(lastAnswer(chat).scores).toEqual({ u1: 3 });
		expect(chat.said).toContain(messages['survey.u3']);
		for (let i = 2; i < 9; i++) chat.text('3');
		expect(lastAnswer(chat).complete).toBe(true);
		expect(Object.keys(lastAnswer(chat).scores)).toHaveLength(8);
		chat.button('skip', 'Lewati');
		expect(chat.said).toContain('Terima kasih atas penilaian');
		expect(lastAnswer(chat).suggestion).toBeUndefined();
	});

	it('a resident who stops half-way keeps the answers given (menu and batal leave)', () => {
		const chat = started();
		chat.text('4');
		chat.text('3');
		chat.text('batal');
		expect(chat.said).toContain(messages['survey.left']);
		expect(chat.state).toBe('menu');
		expect(lastAnswer(chat)).toMatchObject({ scores: { u1: 4, u2: 3 }, complete: false });
		const other = started();
		other.text('2');
		other.text('menu');
		expect(other.state).toBe('menu');
		expect(lastAnswer(other).scores).toEqual({ u1: 2 });
	});

	it('stopping by silence also keeps them; the next message starts afresh', () => {
		const chat = started();
		chat.text('4');
		chat.wait(45);
		chat.text('halo');
		expect(chat.state).toBe('menu');
		expect(answers(chat)).toHaveLength(1);
	});

	it('"kembali" goes to the previous element and a new answer replaces the old one', () => {
		const chat = started();
		chat.text('1');
		chat.text('kembali');
		expect(chat.said).toContain(messages['survey.u1']);
		chat.text('4');
		expect(lastAnswer(chat).scores).toEqual({ u1: 4 });
		expect(chat.said).toContain(messages['survey.u2']);
	});

	it('the survey session stays small', () => {
		const chat = started();
		for (let i = 0; i < 9; i++) chat.text('4');
		expect(JSON.stringify(chat.session).length).toBeLessThan(3000);
	});
});
