/**
 * Buttons and list rows of older messages: residents scroll up and tap them after other
 * messages. Each tap either does what it says or says in one sentence why it no longer
 * applies and offers what can be done now; it never answers with the bare welcome.
 */
import { defaultCatalog, renderMessage } from '../../catalog';
import type { ResolvedService } from '../../catalog/types';
import type { OutboundReply } from '../../messaging/types';
import { inviteSurvey, SURVEY_ELEMENTS } from '..';
import type { DeskEvent, Session } from '..';
import defaultMessages from '../../../../templates/messages.json';
import { answerCurrent, Chat, NIK } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const service = (key: string): ResolvedService => catalog.services.find((s) => s.key === key)!;
const TICKET = 'SKD-7QX3KD0';
const TITLE = 'Surat Keterangan Domisili';

/** The text of a message template up to its first placeholder: enough to recognise it. */
const head = (key: string) => messages[key].split('{')[0];
const text = (key: string, params: Record<string, string> = {}) =>
	renderMessage(messages, key, params);
const greeting = head('greeting');

/** Taps the option titled `title` of a reply kept from earlier in the chat. */
function tapOld(chat: Chat, reply: OutboundReply, title: string) {
	const options =
		reply.type === 'buttons'
			? reply.buttons
			: reply.type === 'list'
				? reply.sections.flatMap((s) => s.rows)
				: [];
	const option = options.find((o) => o.title === title);
	if (!option) throw new Error(`no "${title}" in ${JSON.stringify(reply)}`);
	return reply.type === 'list' ? chat.list(option.id, title) : chat.button(option.id, title);
}

/** The last interactive reply of the last step (the one with the buttons). */
const lastInteractive = (chat: Chat): OutboundReply =>
	[...chat.last.replies].reverse().find((r) => r.type !== 'text')!;

const ofType = <T extends DeskEvent['type']>(chat: Chat, type: T) =>
	chat.events.filter((e): e is Extract<DeskEvent, { type: T }> => e.type === type);

function invite(chat: Chat, ticket = TICKET): OutboundReply {
	return chat.invite(ticket, TITLE).replies[0];
}

function atMenu(): Chat {
	const chat = new Chat(catalog);
	chat.text('halo');
	return chat;
}

/** From the menu into `key`'s request, answering everything up to the summary. */
function toSummary(chat: Chat, key = 'domisili'): OutboundReply {
	const svc = service(key);
	chat.text('menu');
	chat.list('menu:request', 'Ajukan surat');
	tapOld(
		chat,
		chat.last.replies[0],
		chat.last.replies[0].type === 'list' ? rowTitle(chat.last.replies[0], key) : '',
	);
	tapOld(chat, lastInteractive(chat), messages['button.continue']);
	for (let turn = 0; turn < 200 && chat.state !== 'summary'; turn++) {
		if (chat.state === 'reuse') chat.text(NIK.slice(-4));
		else if (chat.state === 'field') answerCurrent(chat, svc);
		else if (chat.state === 'nik_confirm')
			tapOld(chat, lastInteractive(chat), messages['button.nik.yes']);
		else if (chat.state === 'record_more')
			tapOld(chat, lastInteractive(chat), messages['button.done']);
		else if (chat.state === 'document') {
			const doc = svc.documents[chat.session!.pos!.document!];
			for (let i = (chat.session!.docs[doc.key] ?? []).length; i < doc.max; i++)
				chat.photo(`${doc.key}-${turn}-${i}`);
		} else throw new Error(`unexpected state ${chat.state}`);
	}
	expect(chat.state).toBe('summary');
	return lastInteractive(chat);
}

function rowTitle(reply: OutboundReply, key: string): string {
	if (reply.type !== 'list') throw new Error('no list');
	return reply.sections[0].rows.find((r) => r.id.startsWith(`${key}~`))!.title;
}

/** From the menu into `key`'s request: the list, the service row, *Lanjut*. */
function startDraft(chat: Chat, key: string): void {
	chat.list('menu:request');
	chat.list(`${key}~svc~r`);
	chat.button(`continue~req~${key}~r`);
}

/** A resident filling a domisili request (name given) who still has the services list above. */
function fillingWithOldList(): { chat: Chat; list: OutboundReply } {
	const chat = atMenu();
	chat.list('menu:request');
	const list = chat.last.replies[0];
	chat.list('domisili~svc~r');
	chat.button('continue~req~domisili~r');
	chat.text('Budi Santoso');
	return { chat, list };
}

function expectNoWelcome(chat: Chat): void {
	expect(chat.said).not.toContain(greeting);
}

describe('the survey invitation, tapped later', () => {
	it('"status", then *Isi survei* on the invitation above: that ticket\'s survey starts', () => {
		const chat = atMenu();
		const invitation = invite(chat);
		chat.text('status');
		expect(ofType(chat, 'status_requested')).toHaveLength(1);
		tapOld(chat, invitation, messages['button.survey']);
		expectNoWelcome(chat);
		expect(chat.state).toBe('survey');
		expect(chat.session!.survey).toMatchObject({ ticket: TICKET, service: TITLE });
		expect(chat.said).toContain(messages['survey.u1']);
	});

	it('runs to the end and records every score under that ticket', () => {
		const chat = atMenu();
		const invitation = invite(chat);
		chat.text('status');
		chat.text('terima kasih');
		tapOld(chat, invitation, messages['button.survey']);
		for (let i = 0; i < SURVEY_ELEMENTS.length; i++) chat.text('4');
		chat.button(lastButtonId(chat), messages['button.skip']);
		expect(chat.said).toContain(head('survey.thanks'));
		const answers = ofType(chat, 'survey_answered');
		expect(answers[answers.length - 1]).toMatchObject({
			ticket: TICKET,
			serviceTitle: TITLE,
			complete: true,
		});
		expect(Object.values(answers[answers.length - 1].scores)).toEqual(Array(9).fill(4));
	});

	it('after the survey was answered, the old button says so and offers the menu', () => {
		const chat = atMenu();
		const invitation = invite(chat);
		tapOld(chat, invitation, messages['button.survey']);
		for (let i = 0; i < SURVEY_ELEMENTS.length; i++) chat.text('3');
		chat.text('lewati');
		const before = ofType(chat, 'survey_answered').length;
		tapOld(chat, invitation, messages['button.survey']);
		expect(chat.said).toContain(text('tap.survey.done', { ticket: TICKET }));
		expect(chat.last.replies[1]).toMatchObject({ type: 'list' });
		expectNoWelcome(chat);
		expect(ofType(chat, 'survey_answered')).toHaveLength(before);
		expect(chat.state).toBe('menu');
	});

	it('an old *Lewati* after other messages: a thank-you, nothing restarted', () => {
		const chat = atMenu();
		const invitation = invite(chat);
		chat.text('status');
		tapOld(chat, invitation, messages['button.skip']);
		expect(chat.said).toContain(messages['survey.skipped']);
		expectNoWelcome(chat);
		expect(chat.session!.invite).toBeUndefined();
	});

	it('while a request is being filled: asks first, and "Lanjutkan isian" keeps the draft', () => {
		const chat = atMenu();
		const invitation = invite(chat);
		chat.text('lewati');
		startDraft(chat, 'domisili');
		chat.text('Budi Santoso');
		tapOld(chat, invitation, messages['button.survey']);
		expect(chat.state).toBe('leave_ask');
		expect(chat.said).toContain(text('leave.ask', { title: TITLE }));
		tapOld(chat, lastInteractive(chat), messages['button.stay']);
		expect(chat.state).toBe('field');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
		expect(chat.said).toContain(service('domisili').fields[1].question);
		tapOld(chat, invitation, messages['button.survey']);
		chat.text('ya');
		expect(ofType(chat, 'cancelled')).toHaveLength(1);
		expect(chat.state).toBe('survey');
	});
});

describe('typed answers to a yes/no invitation', () => {
	it.each(['ya, boleh', 'iya mau', 'boleh kak', 'Iya boleh kak 🙏', 'ok siap'])(
		'"%s" starts the survey',
		(typed) => {
			const chat = atMenu();
			invite(chat);
			chat.text(typed);
			expect(chat.state).toBe('survey');
			expectNoWelcome(chat);
		},
	);

	it.each(['nanti aja', 'tidak usah', 'gak dulu kak', 'mboten'])('"%s" declines it', (typed) => {
		const chat = atMenu();
		invite(chat);
		chat.text(typed);
		expect(chat.said).toContain(messages['survey.skipped']);
		expect(chat.state).toBe('menu');
		expectNoWelcome(chat);
	});

	it('"ya, boleh" after a status question still answers the invitation', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('status');
		chat.text('ya, boleh');
		expect(chat.state).toBe('survey');
	});

	it('a sentence that is more than yes is not taken as yes', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('ya saya mau tanya surat pindah');
		expect(chat.state).toBe('survey_invite');
	});

	it('typed yes/no answer the other yes/no questions too (requirements, records, summary)', () => {
		const chat = atMenu();
		chat.list('menu:request');
		chat.list('domisili~svc~r');
		chat.text('iya lanjut kak');
		expect(chat.state).toBe('field');
	});
});

describe('a service row or requirements card from an older list', () => {
	it('an old service row after other messages starts that service', () => {
		const chat = atMenu();
		chat.list('menu:request');
		const list = chat.last.replies[0];
		chat.text('menu');
		chat.text('bantuan');
		tapOld(chat, list, rowTitle(list, 'sktm'));
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe('sktm');
		expect(chat.said).toContain(service('sktm').title);
		expectNoWelcome(chat);
	});

	it('an old row of the requirements list opens the card in info mode', () => {
		const chat = atMenu();
		chat.list('menu:info');
		const list = chat.last.replies[0];
		chat.text('menu');
		tapOld(chat, list, rowTitle(list, 'domisili'));
		expect(chat.state).toBe('requirements');
		expect(chat.said).toContain(messages['requirements.info']);
	});

	it('while another draft is in progress: asks whether to leave it, then starts the tapped one', () => {
		const { chat, list } = fillingWithOldList();
		tapOld(chat, list, rowTitle(list, 'sktm'));
		expect(chat.state).toBe('leave_ask');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
		tapOld(chat, lastInteractive(chat), messages['button.leave']);
		expect(ofType(chat, 'cancelled')).toEqual([
			{ type: 'cancelled', waId: chat.waId, serviceKey: 'domisili' },
		]);
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe('sktm');
	});

	it('the same service as the draft in progress: says so and asks the current question', () => {
		const { chat, list } = fillingWithOldList();
		tapOld(chat, list, rowTitle(list, 'domisili'));
		expect(chat.said).toContain(text('tap.draft.same', { title: TITLE }));
		expect(chat.state).toBe('field');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
	});

	it('*Lanjut* on an old requirements card starts that request', () => {
		const chat = atMenu();
		chat.list('menu:request');
		chat.list('sktm~svc~r');
		const card = lastInteractive(chat);
		chat.text('menu');
		chat.text('status');
		tapOld(chat, card, messages['button.continue']);
		expect(chat.state).toBe('field');
		expect(chat.session!.service).toBe('sktm');
		expect(chat.said).toContain(service('sktm').fields[0].question);
	});

	it('*Kembali* on an old card during a draft: no longer applies, the draft goes on', () => {
		const chat = atMenu();
		chat.list('menu:request');
		chat.list('sktm~svc~r');
		const card = lastInteractive(chat);
		tapOld(chat, card, messages['button.continue']);
		chat.text('Budi Santoso');
		tapOld(chat, card, messages['button.back']);
		expect(chat.said).toContain(messages['tap.passed']);
		expect(chat.state).toBe('field');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
	});

	it('an old main-menu row during a draft asks first; its *Cek status* leaves the draft as it is', () => {
		const chat = atMenu();
		const menu = chat.last.replies[1];
		startDraft(chat, 'domisili');
		chat.text('Budi Santoso');
		tapOld(chat, menu, messages['menu.status']);
		expect(ofType(chat, 'status_requested')).toHaveLength(1);
		expect(chat.state).toBe('field');
		tapOld(chat, menu, messages['menu.complaint']);
		expect(chat.state).toBe('leave_ask');
		chat.text('tidak');
		expect(chat.state).toBe('field');
		expect(chat.session!.values.nama).toBe('Budi Santoso');
	});
});

describe('buttons inside a request, tapped after the conversation moved on', () => {
	it("an optional field's *Lewati* and a choice option answer only their own question", () => {
		const chat = atMenu();
		startDraft(chat, 'domisili');
		const svc = service('domisili');
		while (svc.fields[chat.session!.pos!.field!].type !== 'choice') answerCurrent(chat, svc);
		const choice = lastInteractive(chat);
		const field = svc.fields[chat.session!.pos!.field!];
		tapOld(chat, choice, field.options![0].label);
		expect(chat.session!.values[field.key]).toBe(field.options![0].label);
		const at = chat.session!.pos;
		tapOld(chat, choice, field.options![1].label);
		expect(chat.said).toContain(messages['tap.passed']);
		expect(chat.session!.values[field.key]).toBe(field.options![0].label);
		expect(chat.session!.pos).toEqual(at);
	});

	it('*Tambah*/*Selesai* of a list of records answer only that list at that count', () => {
		const chat = atMenu();
		startDraft(chat, 'sktm');
		const svc = service('sktm');
		while (chat.state === 'field') answerCurrent(chat, svc);
		expect(chat.state).toBe('record_more');
		const more = lastInteractive(chat);
		tapOld(chat, more, messages['button.add']);
		expect(chat.state).toBe('field');
		tapOld(chat, more, messages['button.done']);
		expect(chat.said).toContain(messages['tap.passed']);
		expect(chat.state).toBe('field');
	});

	it("a document's *Selesai* from an earlier document does not skip the current one", () => {
		const chat = atMenu();
		const svc = service('domisili');
		startDraft(chat, 'domisili');
		while (chat.state === 'field') answerCurrent(chat, svc);
		chat.photo('rt-1');
		const done = lastInteractive(chat);
		tapOld(chat, done, messages['button.done']);
		expect(chat.session!.pos).toEqual({ document: 1 });
		tapOld(chat, done, messages['button.done']);
		expect(chat.said).toContain(messages['tap.passed']);
		expect(chat.session!.pos).toEqual({ document: 1 });
	});

	it('*Isi ulang* of an earlier request says that request was sent', () => {
		const chat = atMenu();
		toSummary(chat);
		chat.text('kirim');
		const ticket = ofType(chat, 'submitted')[0].application.ticket;
		startDraft(chat, 'sktm');
		const reuse = lastInteractive(chat);
		// Proving the identity: the NIK's last digits (identity.ts).
		chat.text(NIK.slice(-4));
		expect(chat.state).toBe('field');
		chat.text('kirim');
		chat.text('batal');
		tapOld(chat, reuse, messages['button.refill']);
		expect(chat.said).toContain(text('tap.draft.gone'));
		expect(chat.last.replies[1]).toMatchObject({ type: 'list' });
		expect(ticket).toMatch(/^SKD-/);
	});
});

describe('*Kirim* on a summary', () => {
	it('submits when the draft is still the one shown', () => {
		const chat = atMenu();
		const summary = toSummary(chat);
		tapOld(chat, summary, messages['button.confirm']);
		expect(ofType(chat, 'submitted')).toHaveLength(1);
	});

	it('after a change: says what changed, shows the current summary, submits nothing', () => {
		const chat = atMenu();
		const svc = service('domisili');
		const summary = toSummary(chat);
		tapOld(chat, summary, messages['button.change']);
		const n = svc.fields.findIndex((f) => f.key === 'pekerjaan') + 1;
		chat.text(String(n));
		chat.text('Guru');
		expect(chat.state).toBe('summary');
		const fresh = lastInteractive(chat);
		tapOld(chat, summary, messages['button.confirm']);
		expect(ofType(chat, 'submitted')).toHaveLength(0);
		expect(chat.said).toContain(text('tap.summary.changed', { changes: svc.fields[n - 1].label }));
		expect(chat.said).toContain('Guru');
		expect(chat.state).toBe('summary');
		tapOld(chat, fresh, messages['button.confirm']);
		expect(ofType(chat, 'submitted')[0].application.data.pekerjaan).toBe('Guru');
	});

	it('while a change is being made: not yet, the change goes on', () => {
		const chat = atMenu();
		const summary = toSummary(chat);
		chat.text('ubah');
		chat.text('1');
		tapOld(chat, summary, messages['button.confirm']);
		expect(chat.said).toContain(messages['tap.summary.editing']);
		expect(chat.state).toBe('field');
		expect(ofType(chat, 'submitted')).toHaveLength(0);
	});

	it('after it was sent: names the ticket, sends nothing twice', () => {
		const chat = atMenu();
		const summary = toSummary(chat);
		chat.text('kirim');
		const ticket = ofType(chat, 'submitted')[0].application.ticket;
		chat.text('terima kasih');
		tapOld(chat, summary, messages['button.confirm']);
		expect(chat.said).toContain(text('tap.draft.sent', { ticket }));
		expect(ofType(chat, 'submitted')).toHaveLength(1);
		expectNoWelcome(chat);
	});

	it('after it was cancelled: says so and offers to request that service again', () => {
		const chat = atMenu();
		const summary = toSummary(chat);
		chat.text('batal');
		chat.text('status');
		tapOld(chat, summary, messages['button.confirm']);
		expect(chat.said).toContain(text('tap.summary.gone', { title: TITLE }));
		expect(ofType(chat, 'submitted')).toHaveLength(0);
		tapOld(chat, lastInteractive(chat), messages['button.again']);
		expect(chat.session!.service).toBe('domisili');
		expect(['reuse', 'field']).toContain(chat.state);
	});

	it('after the draft expired: says so instead of the welcome', () => {
		const chat = atMenu();
		const summary = toSummary(chat);
		chat.wait(24 * 60 + 1);
		chat.text('halo');
		tapOld(chat, summary, messages['button.change']);
		expect(chat.said).toContain(text('tap.draft.gone'));
		expectNoWelcome(chat);
	});
});

describe('survey questions and complaints, tapped later', () => {
	it('a score of an earlier question re-scores it; after the end it says the survey is done', () => {
		const chat = atMenu();
		invite(chat);
		chat.text('ya');
		const first = lastInteractive(chat);
		chat.text('2');
		chat.text('3');
		tapOld(chat, first, messages['survey.u1.options'].split('|')[3]);
		expect(chat.said).toContain(messages['tap.survey.updated']);
		expect(chat.session!.pos).toEqual({ field: 2 });
		const answers = ofType(chat, 'survey_answered');
		expect(answers[answers.length - 1].scores).toEqual({ u1: 4, u2: 3 });
		for (let i = 2; i < SURVEY_ELEMENTS.length; i++) chat.text('4');
		const suggestion = lastInteractive(chat);
		chat.text('Sudah bagus');
		tapOld(chat, first, messages['survey.u1.options'].split('|')[0]);
		expect(chat.said).toContain(text('tap.survey.done', { ticket: TICKET }));
		tapOld(chat, suggestion, messages['button.skip']);
		expect(chat.said).toContain(text('tap.survey.done', { ticket: TICKET }));
		expectNoWelcome(chat);
	});

	it("a complaint's *Kirim* after a status question sends that complaint", () => {
		const chat = atMenu();
		const menu = chat.last.replies[1];
		chat.list('menu:complaint');
		chat.text('Lampu jalan di RT 03 mati sudah seminggu');
		chat.text('lewati');
		const confirm = lastInteractive(chat);
		tapOld(chat, menu, messages['menu.status']);
		expect(ofType(chat, 'status_requested')).toHaveLength(1);
		tapOld(chat, confirm, messages['button.confirm']);
		const sent = ofType(chat, 'complaint_submitted');
		expect(sent).toHaveLength(1);
		expect(sent[0].complaint.text).toContain('Lampu jalan');
		tapOld(chat, confirm, messages['button.confirm']);
		expect(chat.said).toContain(text('tap.complaint.sent', { ticket: sent[0].complaint.ticket }));
		expect(ofType(chat, 'complaint_submitted')).toHaveLength(1);
	});

	it("a complaint's *Kirim* after it was cancelled says it was not sent", () => {
		const chat = atMenu();
		chat.list('menu:complaint');
		chat.text('Lampu jalan di RT 03 mati sudah seminggu');
		const photo = lastInteractive(chat);
		chat.text('lewati');
		const confirm = lastInteractive(chat);
		chat.text('batal');
		tapOld(chat, confirm, messages['button.confirm']);
		expect(chat.said).toContain(messages['tap.complaint.gone']);
		tapOld(chat, photo, messages['button.skip']);
		expect(chat.said).toContain(messages['tap.draft.gone']);
		expect(ofType(chat, 'complaint_submitted')).toHaveLength(0);
		expectNoWelcome(chat);
	});

	it("the leave question's buttons, once answered, no longer apply", () => {
		const chat = atMenu();
		const menu = chat.last.replies[1];
		startDraft(chat, 'domisili');
		tapOld(chat, menu, messages['menu.complaint']);
		const ask = lastInteractive(chat);
		tapOld(chat, ask, messages['button.stay']);
		tapOld(chat, ask, messages['button.leave']);
		expect(chat.said).toContain(messages['tap.passed']);
		expect(chat.state).toBe('field');
		expect(ofType(chat, 'cancelled')).toHaveLength(0);
	});
});

describe('ids and stored sessions', () => {
	it('every id says what it is for and stays within WhatsApp limits', () => {
		const chat = atMenu();
		const ids: string[] = [];
		const collect = () => {
			for (const reply of chat.last.replies) {
				if (reply.type === 'buttons') ids.push(...reply.buttons.map((b) => b.id));
				if (reply.type === 'list')
					ids.push(...reply.sections.flatMap((s) => s.rows.map((r) => r.id)));
			}
		};
		collect();
		chat.list('menu:request');
		collect();
		chat.list('ahli-waris~svc~r');
		collect();
		chat.button('continue~req~ahli-waris~r');
		const svc = service('ahli-waris');
		for (let turn = 0; turn < 200 && chat.state !== 'summary'; turn++) {
			collect();
			if (chat.state === 'field') answerCurrent(chat, svc);
			else if (chat.state === 'nik_confirm') chat.text('ya');
			else if (chat.state === 'record_more') chat.text('selesai');
			else chat.photo(`p${turn}`);
		}
		collect();
		for (const id of ids) {
			expect(id.length).toBeLessThanOrEqual(200);
			expect(id.startsWith('menu:') || id.includes('~')).toBe(true);
		}
		expect(new Set(ids.map((id) => id.split('~')[1])).size).toBeGreaterThanOrEqual(5);
		const longTitle = 'Surat Keterangan '.repeat(20);
		const invitation = inviteSurvey(
			null,
			{ waId: '62811', ticket: TICKET, serviceTitle: longTitle },
			catalog,
			chat.now,
		).replies[0];
		for (const b of invitation.type === 'buttons' ? invitation.buttons : [])
			expect(b.id.length).toBeLessThanOrEqual(200);
	});

	it('a session stored by the previous version (no draft id) loads, and its summary submits', () => {
		const chat = atMenu();
		toSummary(chat);
		const old = JSON.parse(JSON.stringify(chat.session)) as Session;
		delete old.draft;
		delete old.shown;
		chat.session = old;
		chat.button('confirm', 'Kirim');
		expect(ofType(chat, 'submitted')).toHaveLength(1);
	});

	it("a previous version's bare ids still answer the question they were sent with", () => {
		const chat = atMenu();
		chat.list('menu:request');
		chat.list('domisili');
		expect(chat.state).toBe('requirements');
		chat.button('continue');
		expect(chat.state).toBe('field');
		invite(chat);
		chat.text('batal');
		chat.button('survey:start');
		expect(chat.state).toBe('survey');
		chat.list('score:4');
		expect(chat.session!.survey!.scores).toEqual({ u1: 4 });
	});
});

/** The id of the last step's first button. */
function lastButtonId(chat: Chat): string {
	const reply = lastInteractive(chat);
	if (reply.type !== 'buttons') throw new Error('no buttons');
	return reply.buttons[0].id;
}
