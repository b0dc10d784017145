/**
 * "Kirim ulang surat": what a resident reads when asking for a lost letter, and which letters
 * the office sends again (only after the NIK's last 4 digits, never a revoked one).
 */
import { defaultCatalog } from '../../catalog';
import { maskNikForProof, resendDecision, resendNote, type ResendRow } from '../resend';
import { Chat, replyText } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const statuses = { done: 'Selesai', revoked: 'Dicabut' };

const SKU: ResendRow = {
	ticket: 'SKU-AAAAAAA',
	serviceTitle: 'Surat Keterangan Usaha',
	status: 'Selesai',
	nik: '3577014107900001',
	letterNumber: '500/001/401.1/2026',
	completedAt: '2026-11-02T03:00:00Z',
	letterFile: 'drive-file-sku',
};
const SKTM: ResendRow = {
	ticket: 'SKTM-BBBBBBB',
	serviceTitle: 'Surat Keterangan Tidak Mampu',
	status: 'Selesai',
	nik: '3577011708900007',
	letterNumber: '400/002/401.1/2026',
	completedAt: '2026-11-20T03:00:00Z',
	letterFile: 'drive-file-sktm',
};
const WAITING: ResendRow = { ticket: 'SKU-CCCCCCC', serviceTitle: 'SKU', status: 'Menunggu' };

const text = (replies: ReturnType<typeof resendDecision>['replies']) =>
	replies.map(replyText).join('\n');

describe('asking for a letter again', () => {
	it('lists the delivered letters, newest first, with a NIK that does not give the proof away', () => {
		const decision = resendDecision([SKU, SKTM, WAITING], {}, statuses, catalog);
		expect(decision.outcome).toBe('listed');
		const said = text(decision.replies);
		expect(said.indexOf('Tidak Mampu')).toBeLessThan(said.indexOf('Keterangan Usaha'));
		expect(said).toContain('NIK 3577************');
		expect(said).not.toContain('0001');
		expect(said).not.toContain('0007');
		expect(said).not.toContain('SKU-CCCCCCC');
		expect(said).toContain('ketik *4 angka terakhir NIK*');
		expect(decision.letters).toEqual([]);
	});

	it('without a delivered letter says so and points at the status', () => {
		const decision = resendDecision([WAITING], {}, statuses, catalog);
		expect(decision.outcome).toBe('none');
		expect(text(decision.replies)).toContain('Belum ada surat yang selesai');
	});

	it('sends the letter whose NIK ends in the digits typed, and only that one', () => {
		const decision = resendDecision([SKU, SKTM], { digits: '0007', tries: 1 }, statuses, catalog);
		expect(decision.outcome).toBe('send');
		expect(decision.letters.map((l) => l.letterFile)).toEqual(['drive-file-sktm']);
		expect(text(decision.replies)).toContain(
			'Angka cocok. Surat Keterangan Tidak Mampu No. 400/002/401.1/2026 kami kirim ulang',
		);
		expect(decision.tries).toBe(0);
	});

	it('wrong digits send nothing; the third wrong try offers a person', () => {
		const first = resendDecision([SKU], { digits: '1234' }, statuses, catalog);
		expect([first.outcome, first.tries, first.letters]).toEqual(['wrong', 1, []]);
		expect(text(first.replies)).toContain('Coba lagi (2 kali lagi)');
		const letters = resendDecision([SKU], { digits: '12', tries: 1 }, statuses, catalog);
		expect([letters.outcome, letters.tries]).toEqual(['wrong', 2]);
		const third = resendDecision([SKU], { digits: '9999', tries: 2 }, statuses, catalog);
		expect([third.outcome, third.letters]).toEqual(['locked', []]);
		expect(third.replies[0]).toMatchObject({
			type: 'buttons',
			buttons: [{ id: 'menu:staff', title: 'Hubungi petugas' }],
		});
	});

	it('a revoked letter is listed as revoked and never sent, even with the right digits', () => {
		const revoked = { ...SKU, status: 'Dicabut' };
		expect(text(resendDecision([revoked], {}, statuses, catalog).replies)).toContain(
			'*dicabut*, tidak dapat dikirim ulang',
		);
		const decision = resendDecision([revoked], { digits: '0001' }, statuses, catalog);
		expect([decision.outcome, decision.letters]).toEqual(['revoked', []]);
		expect(text(decision.replies)).toContain('sudah *dicabut* oleh kelurahan');
	});

	it('a letter whose file is gone is not pretended to be sent: a person is offered', () => {
		const decision = resendDecision(
			[{ ...SKU, letterFile: '' }],
			{ digits: '0001' },
			statuses,
			catalog,
		);
		expect([decision.outcome, decision.letters]).toEqual(['unavailable', []]);
		expect(decision.replies[0]).toMatchObject({ type: 'buttons' });
	});

	it("notes the resend in the row with the office's time", () => {
		expect(resendNote(catalog, new Date('2026-12-07T10:05:00Z'))).toBe(
			'Surat dikirim ulang kepada warga pada 2026-12-07 17:05:00 WIB.',
		);
		expect(maskNikForProof('3577 0141 0790 0001')).toBe('3577************');
	});
});

describe('the chat asking for a letter again', () => {
	const resendEvents = (chat: Chat) =>
		chat.last.events.filter((e) => e.type === 'resend_requested');

	it.each([
		'kirim ulang surat',
		'Pak, surat saya hilang, bisa dikirim lagi?',
		'tolong kirim lagi suratnya',
	])(
		'"%s" asks the workflow for the letters, and the digits typed next are passed on with the tries',
		(words) => {
			const chat = new Chat(catalog);
			chat.text(words);
			expect(resendEvents(chat)).toEqual([
				{ type: 'resend_requested', waId: chat.waId, name: 'Budi', tries: 0 },
			]);
			expect(chat.last.replies).toEqual([]);
			chat.text('12 34');
			expect(resendEvents(chat)).toEqual([
				{ type: 'resend_requested', waId: chat.waId, name: 'Budi', digits: '1234', tries: 0 },
			]);
			chat.text('5678');
			expect(resendEvents(chat)[0]).toMatchObject({ digits: '5678', tries: 1 });
			chat.text('0001');
			expect(resendEvents(chat)[0]).toMatchObject({ digits: '0001', tries: 2 });
			// Three answers: the question is over, a number is a number again.
			expect(chat.state).toBe('idle');
			chat.text('0001');
			expect(resendEvents(chat)).toEqual([]);
		},
	);

	it('anything but digits leaves the question and is understood as usual', () => {
		const chat = new Chat(catalog);
		chat.text('kirim ulang surat');
		chat.text('cek status');
		expect(chat.last.events.map((e) => e.type)).toEqual(['status_requested']);
		expect(chat.session!.resend).toBeUndefined();
	});

	it('help while asked repeats the question', () => {
		const chat = new Chat(catalog);
		chat.text('kirim ulang surat');
		chat.text('bantuan');
		expect(chat.said).toContain('ketik *4 angka terakhir NIK*');
		expect(chat.state).toBe('resend');
	});
});
