/**
 * A conversation that waits for people: drafts kept a day while a document is fetched, a "not
 * yet" answer to a document, a kind answer to a voice note, requirement cards without noise.
 */
import { defaultCatalog } from '../../catalog';
import { describeService } from '..';
import defaultMessages from '../../../../templates/messages.json';
import { answerCurrent, Chat } from '../../../../test/support/chat';
import { currentField } from '../flow';
import type { FieldSpec } from '../../catalog/types';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const head = (key: string) => messages[key].split('{')[0];
const service = (key: string) => catalog.services.find((s) => s.key === key)!;

function atFirstDocument(): Chat {
	const chat = new Chat(catalog);
	chat.text('mau buat surat domisili');
	chat.text('lanjut');
	while (chat.state === 'field') answerCurrent(chat, service('domisili'));
	expect(chat.state).toBe('document');
	return chat;
}

describe('a draft that waits', () => {
	it('"belum punya, nanti saya minta ke RT": kept, and the photo later continues it', () => {
		const chat = atFirstDocument();
		const values = { ...chat.session!.values };
		chat.text('belum punya, nanti saya minta ke RT');
		expect(chat.said).toContain(head('document.later'));
		expect(chat.said).toContain('24');
		chat.wait(20 * 60);
		chat.photo('pengantar-rt');
		expect(chat.session!.values).toEqual(values);
		expect(chat.session!.docs.pengantar_rt).toHaveLength(1);
	});

	it('a resident back the next morning with "Assalamualaikum" carries on with the draft', () => {
		const chat = atFirstDocument();
		const values = { ...chat.session!.values };
		chat.wait(14 * 60);
		chat.text('Assalamualaikum');
		expect(chat.said).toContain(messages['salam.reply']);
		expect(chat.said).toContain(head('draft.continue'));
		expect(chat.state).toBe('document');
		expect(chat.session!.values).toEqual(values);
		chat.text('halo pak');
		expect(chat.state).toBe('document');
		// "menu" still leaves the request for the main menu.
		chat.text('menu');
		expect(chat.state).toBe('menu');
	});

	it('a draft is closed after 24 hours of silence (configurable)', () => {
		const chat = atFirstDocument();
		chat.wait(24 * 60 + 1);
		chat.text('halo');
		expect(chat.said).toContain(head('expired'));
		const shorter = { ...catalog, settings: { ...catalog.settings, draftTimeoutHours: 2 } };
		const other = new Chat(shorter);
		other.text('mau buat surat domisili');
		other.text('lanjut');
		other.wait(121);
		other.text('Budi');
		expect(other.said).toContain(head('expired'));
	});

	it('no "selesai" needed once the maximum number of files is in', () => {
		const chat = atFirstDocument();
		const doc = service('domisili').documents[0];
		for (let i = 0; i < doc.max; i++) chat.photo(`rt-${i}`);
		expect(chat.session!.pos).toEqual({ document: 1 });
	});
});

describe('a voice note', () => {
	it('gets a kind answer and the offer to talk to staff', () => {
		const chat = new Chat(catalog);
		chat.send({ type: 'audio', media: { id: 'voice-1', mimeType: 'audio/ogg' } });
		const reply = chat.last.replies[0];
		expect(reply.text).toBe(messages['unsupported.audio']);
		expect(reply.type === 'buttons' && reply.buttons[0].title).toBe(messages['menu.staff']);
		chat.button('menu:staff', messages['menu.staff']);
		expect(chat.state).toBe('handoff_ask');
	});
});

describe('requirement cards', () => {
	it('show a file count only where it tells something', () => {
		const card = describeService(service('ahli-waris'), catalog);
		expect(card).not.toContain('1–2 file');
		expect(card).not.toContain('2–2');
		expect(card).toMatch(/KTP.*saksi.*\(2 file\)/i);
	});
});

describe('politeness where an answer is awaited', () => {
	/** A domisili request answered up to its first question of the given type. */
	function atFieldOfType(type: FieldSpec['type']): { chat: Chat; key: string } {
		const chat = new Chat(catalog);
		chat.text('mau buat surat domisili');
		chat.text('lanjut');
		const domisili = service('domisili');
		for (;;) {
			expect(chat.state).toBe('field');
			const field = currentField(domisili, chat.session!)!.field;
			if (field.type === type) return { chat, key: field.key };
			answerCurrent(chat, domisili);
		}
	}

	it('"terima kasih" where the NIK is asked is thanked, not scolded, and the NIK still asked', () => {
		const { chat, key } = atFieldOfType('nik');
		const before = chat.session!.pos;
		chat.text('terima kasih pak');
		expect(chat.said).toContain(messages['thanks.reply.waiting']);
		expect(chat.said).not.toContain('Ketik *menu*');
		expect(chat.said).not.toContain('NIK hanya berisi angka');
		expect(chat.session!.pos).toEqual(before);
		expect(chat.session!.values[key]).toBeUndefined();
	});

	it('a bare "ok" to a text question (the reply to the reminder) carries on, not taken as the answer', () => {
		const { chat, key } = atFieldOfType('text');
		const before = chat.session!.pos;
		chat.text('Ok');
		expect(chat.said).toContain(head('draft.continue'));
		expect(chat.session!.pos).toEqual(before);
		expect(chat.session!.values[key]).toBeUndefined();
		chat.text('Jl. Melati No. 3');
		expect(chat.session!.values[key]).toBe('Jl. Melati No. 3');
	});
});

describe('a question typed at the requirements card', () => {
	function atCard(): Chat {
		const chat = new Chat(catalog);
		chat.text('mau buat surat kehilangan ktp');
		expect(chat.state).toBe('requirements');
		return chat;
	}

	it('"syarat apa aja?" shows the card again, without an apology', () => {
		const chat = atCard();
		chat.text('syarat apa aja?');
		expect(chat.said).not.toContain(messages['not_understood']);
		expect(chat.said).toContain('Dokumen yang perlu dikirim');
		expect(chat.state).toBe('requirements');
	});

	it('"berapa biayanya?" is answered and the buttons offered again; "terima kasih" is thanked', () => {
		const chat = atCard();
		chat.text('berapa biayanya?');
		expect(chat.said).toContain(head('faq.cost'));
		expect(chat.said).not.toContain('Dokumen yang perlu dikirim');
		expect(chat.said).toContain(messages['requirements.ask']);
		chat.text('terima kasih');
		expect(chat.said).toContain(messages['thanks.reply.waiting']);
		expect(chat.said).toContain(messages['requirements.ask']);
		chat.text('lanjut');
		expect(chat.state).toBe('field');
	});
});
