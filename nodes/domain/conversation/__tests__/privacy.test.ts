// What the chat remembers about a resident: the identity expires, is shown only to whoever
// types the NIK's last digits, and "hapus data" erases it all. Real conversations through step.
import { defaultCatalog, loadCatalog } from '../../catalog';
import type { Catalog } from '../../catalog/types';
import type { Application } from '..';
import messages from '../../../../templates/messages.json';
import { Chat, MASKED_NIK, NIK } from '../../../../test/support/chat';
import { fillService } from './fill';

const catalog = defaultCatalog();
const service = (key: string) => catalog.services.find((s) => s.key === key)!;
const DAY = 24 * 60;

function startRequest(chat: Chat, key: string): void {
	chat.text('menu');
	chat.text('1');
	chat.list(key);
	chat.button('continue');
}

/** A resident who sent a domisili request (so their identity is remembered). */
function returningResident(on: Catalog = catalog): { chat: Chat; first: Application } {
	const chat = new Chat(on);
	chat.text('halo');
	startRequest(chat, 'domisili');
	fillService(chat, service('domisili'));
	chat.text('kirim');
	const event = chat.events.find((e) => e.type === 'submitted');
	return { chat, first: (event as { application: Application }).application };
}

describe('the remembered identity before the resident proves it is theirs', () => {
	it('is offered with nothing of it shown: no name, no birth date, not even the masked NIK', () => {
		const { chat, first } = returningResident();
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('reuse');
		for (const shown of [String(first.data.nama), 'Madiun', '1990', NIK.slice(-4), MASKED_NIK])
			expect(chat.said).not.toContain(shown);
		expect(chat.said).toContain('4 angka terakhir NIK');
	});

	it('"ya" or the old *Pakai data ini* only asks for the digits again', () => {
		const { chat } = returningResident();
		startRequest(chat, 'belum-menikah');
		chat.text('ya');
		expect(chat.state).toBe('reuse');
		expect(chat.said).toContain(messages['reuse.proof.ask'].replace('{digits}', '4'));
		chat.button('reuse', 'Pakai data ini');
		expect(chat.state).toBe('reuse');
		expect(chat.session!.values).toEqual({});
	});

	it('thanks or a salam while the digits are awaited get a polite answer and cost no try', () => {
		const { chat } = returningResident();
		startRequest(chat, 'belum-menikah');
		chat.text('terima kasih pak');
		expect(chat.said).toContain(messages['thanks.reply.waiting']);
		expect(chat.said).not.toContain('Ketik *menu*');
		expect(chat.said).toContain(messages['reuse.proof.ask'].replace('{digits}', '4'));
		chat.text('assalamualaikum');
		expect(chat.said).toContain(messages['salam.reply']);
		expect(chat.state).toBe('reuse');
		expect(chat.session!.proofTries ?? 0).toBe(0);
	});

	it('three wrong answers erase it and the resident fills in the form', () => {
		const { chat } = returningResident();
		startRequest(chat, 'belum-menikah');
		chat.text('1234');
		expect(chat.said).toContain('sisa 2 kali');
		chat.text('9999');
		expect(chat.said).toContain('sisa 1 kali');
		chat.text('0002');
		expect(chat.said).toContain('data diri yang tersimpan sudah kami hapus');
		expect(chat.session!.remembered).toBeUndefined();
		expect(chat.state).toBe('field');
		expect(chat.said).toContain(service('belum-menikah').fields[0].question);
		// Asked again next time? No: there is nothing left to offer.
		chat.text('batal');
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('field');
	});

	it('the right digits show it (NIK still masked) and the request carries it', () => {
		const { chat, first } = returningResident();
		startRequest(chat, 'belum-menikah');
		chat.text(NIK.slice(-4));
		expect(chat.said).toContain(String(first.data.nama));
		expect(chat.said).toContain(MASKED_NIK);
		expect(chat.said).not.toContain(NIK);
		chat.events.length = 0;
		fillService(chat, service('belum-menikah'));
		chat.text('kirim');
		const second = chat.events.find((e) => e.type === 'submitted') as {
			application: Application;
		};
		expect(second.application.data.nik).toBe(NIK);
		expect(second.application.data.nama).toBe(first.data.nama);
	});
});

describe('the remembered identity expires', () => {
	it('is still offered after 89 days and gone after 91 (the default 90)', () => {
		const kept = returningResident().chat;
		kept.wait(89 * DAY);
		startRequest(kept, 'belum-menikah');
		expect(kept.state).toBe('reuse');

		const { chat } = returningResident();
		chat.wait(91 * DAY);
		chat.text('halo');
		expect(chat.session!.remembered).toBeUndefined();
		expect(chat.session!.rememberedAt).toBeUndefined();
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('field');
	});

	it('after the days an office sets in the catalog (settings.identityRetentionDays)', () => {
		const weekly = loadCatalog(
			{ settings: { identityRetentionDays: 7 } },
			{ base: catalog, mode: 'extend' },
		);
		expect(weekly.settings.identityRetentionDays).toBe(7);
		const { chat } = returningResident(weekly);
		chat.wait(8 * DAY);
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('field');
		expect(chat.session!.remembered).toBeUndefined();
	});

	it('an identity stored without a date (before expiry existed) is not offered', () => {
		const { chat } = returningResident();
		delete chat.session!.rememberedAt;
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('field');
		expect(chat.session!.remembered).toBeUndefined();
	});
});

describe('"hapus data": the resident erases what the chat remembers', () => {
	it('asks first, then erases identity, ticket and conversation, and says what the office keeps', () => {
		const { chat } = returningResident();
		chat.text('menu');
		chat.text('tolong hapus semua data saya ya kak');
		expect(chat.state).toBe('erase_ask');
		expect(chat.session!.remembered).toBeDefined();
		expect(chat.said).toContain('Hapus sekarang?');
		chat.button('erase:yes', 'Ya, hapus');
		expect(chat.said).toContain('data diri yang diingat');
		expect(chat.said).toContain('riwayat percakapan');
		expect(chat.said).toContain('permohonan surat yang sudah Bapak/Ibu kirim');
		expect(chat.said).toContain('UU 43/2009');
		const s = chat.session!;
		expect(s.remembered).toBeUndefined();
		expect(s.lastTicket).toBeUndefined();
		expect(s.sent).toBeUndefined();
		expect(s.name).toBe('');
		expect(s.state).toBe('idle');
		// The next request is asked from scratch.
		startRequest(chat, 'belum-menikah');
		expect(chat.state).toBe('field');
	});

	it('a draft in progress is erased too (and counted as cancelled)', () => {
		const chat = new Chat(catalog);
		chat.text('halo');
		startRequest(chat, 'domisili');
		chat.text('Budi Santoso');
		chat.text('hapus data');
		chat.text('ya');
		expect(chat.said).toContain('pengajuan Surat Keterangan Domisili yang belum dikirim');
		expect(chat.last.events).toEqual([
			{ type: 'cancelled', waId: chat.waId, serviceKey: 'domisili' },
		]);
		expect(chat.session!.values).toEqual({});
		expect(chat.session!.service).toBeUndefined();
	});

	it('"jangan", "batal" or anything else keeps everything and goes back to the question', () => {
		for (const answer of ['jangan hapus', 'batal', 'apa itu?']) {
			const chat = new Chat(catalog);
			chat.text('halo');
			startRequest(chat, 'domisili');
			chat.text('Budi Santoso');
			const question = chat.said;
			chat.text('hapus data saya');
			chat.text(answer);
			expect(chat.said).toContain(messages['erase.kept']);
			expect(chat.state).toBe('field');
			expect(chat.session!.values.nama).toBe('Budi Santoso');
			expect(chat.said).toContain(question.split('\n')[0]);
		}
	});

	it('a redelivered "ya, hapus" does nothing the second time', () => {
		const { chat } = returningResident();
		chat.text('hapus data');
		const yes = { type: 'button_reply' as const, text: 'Ya, hapus', replyId: 'erase:yes' };
		chat.send({ ...yes, messageId: 'wamid.erase' });
		chat.send({ ...yes, messageId: 'wamid.erase' });
		expect(chat.last.replies).toEqual([]);
	});

	it('sentences that only mention data are not requests to erase', () => {
		for (const text of [
			'data saya salah, tolong dihapus yang lama',
			'hapus',
			'data',
			'cara hapus data di dukcapil bagaimana ya',
		]) {
			const chat = new Chat(catalog);
			chat.text('halo');
			chat.text(text);
			expect(chat.state).not.toBe('erase_ask');
		}
	});
});
