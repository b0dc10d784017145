/**
 * Understanding residents the first time: services recognised from the words people use
 * (first message and the services list), questions asked first answered from the catalog,
 * a salam answered in kind, thanks acknowledged without starting over.
 */
import { defaultCatalog } from '../../catalog';
import type { DeskEvent } from '..';
import defaultMessages from '../../../../templates/messages.json';
import { Chat } from '../../../../test/support/chat';
import { firstMessages, score } from '../../../../test/support/firstMessages';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const head = (key: string) => messages[key].split('{')[0];
const statusAsked = (chat: Chat) =>
	chat.events.filter((e: DeskEvent) => e.type === 'status_requested').length;

function first(text: string): Chat {
	const chat = new Chat(catalog);
	chat.text(text);
	return chat;
}

describe('the first message', () => {
	it.each([
		['mau tanya syarat surat keterangan usaha buat KUR', 'sku-kur'],
		['ktp saya hilang', 'kehilangan'],
		['mau bikin surat keterangan tidak mampu buat berobat', 'sktm'],
		['sktm buat sekolah anak', 'sktm'],
		['suket tidak mampu', 'sktm'],
		['mau buat surat belum menikah', 'belum-menikah'],
		['badhe damel surat keterangan usaha', 'sku-kur'],
		['surat domisilli', 'domisili'],
	])('"%s" opens the requirements of %s right away', (text, key) => {
		const chat = first(text);
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe(key);
		expect(chat.said).toContain(catalog.services.find((s) => s.key === key)!.title);
		expect(chat.said).toContain(messages['requirements.ask']);
	});

	it('"status" asks for the status, not the Belum Menikah letter', () => {
		const chat = first('status');
		expect(statusAsked(chat)).toBe(1);
		expect(chat.session!.service).toBeUndefined();
	});

	it('"alamat kantor kelurahan dimana" gets the address with a map link, not Domisili', () => {
		const chat = first('alamat kantor kelurahan dimana');
		expect(chat.said).toContain(catalog.office.address!);
		expect(chat.said).toContain(catalog.office.mapUrl!);
		expect(chat.session!.service).toBeUndefined();
	});

	it('two services that fit equally: asks which, offering just those two as buttons', () => {
		const chat = first('mau buat skck sama surat domisili');
		expect(chat.said).toContain(messages['recognise.which']);
		const ask = chat.last.replies[chat.last.replies.length - 1];
		expect(ask.type === 'buttons' && ask.buttons.map((b) => b.id.split('~')[0])).toEqual([
			'pengantar-skck',
			'domisili',
		]);
	});

	it.each([
		['minta surat buat dibawa ke polsek', ['pengantar-skck', 'kehilangan']],
		['suami saya pns meninggal mau urus pensiun dan warisan', ['taspen', 'ahli-waris']],
	])('"%s" fits two services: both as buttons, full titles in the question', (text, keys) => {
		const chat = first(text);
		const ask = chat.last.replies[chat.last.replies.length - 1];
		if (ask.type !== 'buttons') throw new Error(`expected buttons, got ${ask.type}`);
		expect(ask.buttons.map((b) => b.id.split('~')[0])).toEqual(keys);
		for (const key of keys) {
			const service = catalog.services.find((s) => s.key === key)!;
			expect(ask.text).toContain(service.title);
			expect(ask.buttons.map((b) => b.title)).toContain(service.buttonTitle);
		}
		expect(chat.session!.service).toBeUndefined();
		// Tapping one starts it.
		chat.button(ask.buttons[1].id, ask.buttons[1].title);
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe(keys[1]);
	});

	it.each([
		['berapa biayanya?', 'faq.cost'],
		['berapa lama jadinya?', 'faq.duration'],
		['kantor buka jam berapa', 'faq.hours'],
		['apa saja yang harus dibawa?', 'faq.bring'],
	])('"%s" is answered (%s)', (text, key) => {
		const chat = first(text);
		expect(chat.said).toContain(head(key));
	});

	it('office hours come from the catalog', () => {
		expect(first('jam buka kantor kelurahan?').said).toContain(catalog.office.hours!);
	});

	it('"Assalamualaikum" is answered with "Wa\'alaikumsalam" and the welcome', () => {
		const chat = first('Assalamualaikum');
		expect(chat.said).toContain(messages['salam.reply']);
		expect(chat.said).toContain(head('greeting'));
		expect(chat.state).toBe('menu');
	});

	it('"terima kasih" after a finished request: a thank-you, not the welcome again', () => {
		const chat = first('assalamualaikum');
		chat.text('terima kasih');
		expect(chat.said).toContain(messages['thanks.reply']);
		expect(chat.said).not.toContain(head('greeting'));
	});

	it('chatter starts nothing: "mau urus surat pindah" gets the welcome, no service', () => {
		const chat = first('mau urus surat pindah');
		expect(chat.session!.service).toBeUndefined();
	});

	it('from a free-text first message to the first question in fewer turns than by the menu', () => {
		const byMenu = new Chat(catalog);
		byMenu.text('halo');
		byMenu.list('menu:request');
		byMenu.list('sktm~svc~r');
		byMenu.button('continue~req~sktm~r');
		const byText = new Chat(catalog);
		byText.text('mau bikin surat keterangan tidak mampu buat berobat');
		byText.text('lanjut');
		expect(byText.state).toBe('field');
		expect(byMenu.state).toBe('field');
		expect(byText.count).toBe(2);
		expect(byMenu.count).toBe(4);
	});
});

describe('wherever a service is chosen from the list', () => {
	it.each([
		['surat keterangan tidak mampu', 'sktm'],
		['suket tidak mampu', 'sktm'],
		['mau buat surat belum menikah', 'belum-menikah'],
		['sktm buat sekolah anak', 'sktm'],
	])('"%s" → %s', (text, key) => {
		const chat = first('halo');
		chat.list('menu:request');
		chat.text(text);
		expect(chat.state).toBe('requirements');
		expect(chat.session!.service).toBe(key);
	});
});

describe('a complaint or a request for a person as the first message', () => {
	it.each([
		'saya kecewa, antrean di loket kemarin tidak dilayani padahal sudah datang dari pagi',
		'mbak aku pengen ngeluh, wingi antri suwi banget tapi petugase malah ngobrol',
		'lampu jalan di gang depan kantor kelurahan mati sudah seminggu',
	])('"%s" is the complaint itself: kept as its text, the photo asked next', (text) => {
		const chat = first(text);
		expect(chat.state).toBe('complaint_photo');
		expect(chat.session!.complaint!.text).toBe(text);
		expect(chat.said).toContain(messages['complaint.noted'].split('\n')[0]);
		expect(chat.said).toContain(messages['complaint.photo.ask']);
		chat.button('skip', 'Lewati');
		expect(chat.said).toContain(text);
		expect(chat.state).toBe('complaint_confirm');
	});

	it.each(['mau ngadu', 'ada keluhan soal pelayanan', 'mau komplain'])(
		'"%s" wishes to complain: the complaint is asked for',
		(text) => {
			const chat = first(text);
			expect(chat.state).toBe('complaint');
			expect(chat.session!.complaint!.text).toBeUndefined();
			expect(chat.said).toContain(head('complaint.ask'));
		},
	);

	it.each([
		'tolong sambungkan ke operator kelurahan',
		'bisa bicara dengan petugas?',
		'kulo badhe matur kaliyan petugas langsung',
		'mau bicara dengan orang asli bukan bot',
	])('"%s" goes to staff at once, the message with it', (text) => {
		const chat = first(text);
		expect(chat.state).toBe('handoff');
		const handoff = chat.events.filter((e: DeskEvent) => e.type === 'handoff_requested');
		expect(handoff).toEqual([expect.objectContaining({ text })]);
		expect(chat.said).toContain(messages['handoff.sent']);
	});

	it.each([
		['status pengajuan saya', 'status'],
		['tlg buatkan srt ket utk pengajuan beasiswa anak sy', 'beasiswa'],
		['mau lapor kehilangan ktp', 'kehilangan'],
		['selamat pagi admin, mau bikin sku', 'sku-kur'],
	])('"%s" is neither a complaint nor a hand-off', (text, expected) => {
		const chat = first(text);
		expect(chat.state).not.toMatch(/^complaint|^handoff/);
		if (expected === 'status') expect(statusAsked(chat)).toBe(1);
		else expect(chat.session!.service).toBe(expected);
	});
});

describe('the labelled corpus of first messages', () => {
	it('holds at least 300 messages across every service and question', () => {
		const corpus = firstMessages();
		expect(corpus.length).toBeGreaterThanOrEqual(300);
		const intents = new Set(corpus.map((c) => c.intent));
		for (const service of catalog.services) expect(intents).toContain(service.key);
		for (const other of ['status', 'greeting', 'thanks', 'chatter', 'faq:cost', 'faq:address'])
			expect(intents).toContain(other);
	});

	it('is recognised ≥ 95 % as labelled and starts a service for ≤ 2 % of the rest', () => {
		const result = score(catalog);
		expect(result.right / result.total).toBeGreaterThanOrEqual(0.95);
		expect(result.wronglyStarted / result.notService).toBeLessThanOrEqual(0.02);
	});
});

describe('the held-out corpus of first messages', () => {
	it('holds at least 150 messages, complaints and requests for a person among them', () => {
		const corpus = firstMessages('heldout');
		expect(corpus.length).toBeGreaterThanOrEqual(150);
		const intents = new Set(corpus.map((c) => c.intent));
		for (const service of catalog.services) expect(intents).toContain(service.key);
		for (const other of ['complaint', 'staff', 'chatter', 'status'])
			expect(intents).toContain(other);
		expect([...intents].some((i) => i.startsWith('which:'))).toBe(true);
	});

	it('is recognised ≥ 95 % as labelled and starts something unasked for ≤ 2 % of the rest', () => {
		const result = score(catalog, firstMessages('heldout'));
		expect(result.right / result.total).toBeGreaterThanOrEqual(0.95);
		expect(result.wronglyStarted / result.notService).toBeLessThanOrEqual(0.02);
	});
});
