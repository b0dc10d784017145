import { defaultCatalog } from '../../catalog';
import { complaintFiles, complaintReplies, normalizeTicket } from '..';
import type { Complaint, DeskEvent } from '..';
import defaultMessages from '../../../../templates/messages.json';
import { Chat, expectWithinLimits } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const PROBLEM = 'Lampu ruang tunggu kantor kelurahan mati sejak Senin, antrean jadi gelap.';

const submitted = (chat: Chat): Complaint[] =>
	chat.events
		.filter(
			(e): e is Extract<DeskEvent, { type: 'complaint_submitted' }> =>
				e.type === 'complaint_submitted',
		)
		.map((e) => e.complaint);

function atComplaint(): Chat {
	const chat = new Chat(catalog);
	chat.text('halo');
	const menu = chat.last.replies[1];
	expect(menu.type === 'list' && menu.sections[0].rows.map((r) => r.title)).toContain('Pengaduan');
	chat.list('menu:complaint', 'Pengaduan');
	expect(chat.said).toContain('Ceritakan keluhan Bapak/Ibu');
	return chat;
}

describe('complaints', () => {
	it.each(['ya kirim', 'Kirim aja', 'iya, kirim saja 🙏'])(
		'"%s" typed at the confirmation sends the complaint, as the Kirim button does',
		(typed) => {
			const chat = atComplaint();
			chat.text(PROBLEM);
			chat.button('skip', 'Lewati');
			expect(chat.state).toBe('complaint_confirm');
			chat.text(typed);
			expect(submitted(chat).map((c) => c.text)).toEqual([PROBLEM]);
		},
	);

	it.each(['tidak kirim', 'kirim besok'])(
		'"%s" is not taken for the Kirim button: the question is asked again',
		(typed) => {
			const chat = atComplaint();
			chat.text(PROBLEM);
			chat.button('skip', 'Lewati');
			chat.text(typed);
			expect(submitted(chat)).toEqual([]);
			expect(chat.state).toBe('complaint_confirm');
		},
	);

	it('text, a photo, confirm: an ADU ticket and the complaint event', () => {
		const chat = atComplaint();
		chat.text(PROBLEM);
		expect(chat.state).toBe('complaint_photo');
		expect(chat.last.replies[0]).toMatchObject({ type: 'buttons', buttons: [{ title: 'Lewati' }] });
		chat.photo('media-lampu');
		expect(chat.state).toBe('complaint_confirm');
		expect(chat.said).toContain(PROBLEM);
		expect(chat.said).toContain('1 foto terlampir');
		chat.button('confirm', 'Kirim');
		const [complaint] = submitted(chat);
		expect(complaint).toEqual({
			ticket: expect.stringMatching(/^ADU-[0-9A-HJKMNP-TV-Z]{7}$/),
			waId: chat.waId,
			name: 'Budi',
			text: PROBLEM,
			photo: { id: 'media-lampu', mimeType: 'image/jpeg' },
			receivedAt: chat.now.toISOString(),
		});
		expect(chat.said).toContain(complaint.ticket);
		expect(normalizeTicket(complaint.ticket.toLowerCase().replace('-', ' '))).toBe(
			complaint.ticket,
		);
		expect(chat.state).toBe('idle');
		expect(chat.session!.complaint).toBeUndefined();
	});

	it('without a photo: "lewati" goes straight to the confirmation', () => {
		const chat = atComplaint();
		chat.text(PROBLEM);
		chat.text('lewati');
		expect(chat.said).toContain('tidak ada');
		chat.text('kirim');
		expect(submitted(chat)).toHaveLength(1);
		expect(submitted(chat)[0].photo).toBeUndefined();
	});

	it('"gak ada" and "nggak ada" (as residents type "tidak ada") skip the photo too', () => {
		for (const typed of ['gak ada', 'nggak ada']) {
			const chat = atComplaint();
			chat.text(PROBLEM);
			chat.text(typed);
			expect(chat.said).toContain('tidak ada');
			chat.text('kirim');
			expect(submitted(chat)).toHaveLength(1);
		}
	});

	it('a typed menu word ("keluhan") starts a complaint too', () => {
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.text('keluhan');
		expect(chat.state).toBe('complaint');
	});

	it('a photo with a caption is both the text and the photo', () => {
		const chat = atComplaint();
		chat.send({ type: 'image', text: PROBLEM, media: { id: 'm1', mimeType: 'image/png' } });
		expect(chat.state).toBe('complaint_confirm');
		chat.button('confirm', 'Kirim');
		expect(submitted(chat)[0]).toMatchObject({ text: PROBLEM, photo: { mimeType: 'image/png' } });
	});

	it('a photo before the text is kept and the text still asked', () => {
		const chat = atComplaint();
		chat.photo('m2');
		expect(chat.said).toContain(messages['complaint.photo.first']);
		chat.text(PROBLEM);
		expect(chat.state).toBe('complaint_confirm');
		chat.text('ya');
		expect(submitted(chat)[0].photo).toEqual({ id: 'm2', mimeType: 'image/jpeg' });
	});

	it('refuses a too short text, a text where a photo is expected and a voice note file', () => {
		const chat = atComplaint();
		chat.text('tes');
		expect(chat.said).toContain(messages['complaint.too_short']);
		expect(chat.state).toBe('complaint');
		chat.text(PROBLEM);
		chat.text('sudah saya bilang');
		expect(chat.said).toContain(messages['complaint.photo.expect']);
		chat.send({ type: 'document', media: { id: 'a1', mimeType: 'audio/ogg' } });
		expect(chat.said).toContain('audio/ogg');
		expect(chat.state).toBe('complaint_photo');
	});

	it('"tulis ulang" starts over, "batal" sends nothing', () => {
		const chat = atComplaint();
		chat.text('Salah ketik keluhan pertama');
		chat.text('lewati');
		chat.button('rewrite', 'Tulis ulang');
		expect(chat.state).toBe('complaint');
		chat.text(PROBLEM);
		chat.text('lewati');
		expect(chat.said).not.toContain('Salah ketik');
		chat.button('cancel', 'Batal');
		expect(chat.said).toContain(messages['complaint.cancelled']);
		expect(chat.state).toBe('menu');
		expect(submitted(chat)).toEqual([]);
	});

	it('a text longer than the limit is refused before it reaches the complaint', () => {
		const chat = atComplaint();
		chat.text('x'.repeat(1001));
		expect(chat.said).toContain('terlalu panjang');
		expect(chat.state).toBe('complaint');
	});
});

describe('complaintReplies and complaintFiles', () => {
	it("tells the resident staff's response with the ticket", () => {
		const replies = complaintReplies(
			{ ticket: 'ADU-7QX3KD0', response: 'Lampu sudah diganti hari ini.' },
			catalog,
		);
		expectWithinLimits(replies);
		expect(replies).toHaveLength(1);
		expect(replies[0].text).toContain('ADU-7QX3KD0');
		expect(replies[0].text).toContain('Lampu sudah diganti hari ini.');
	});

	it('says the complaint is resolved when staff wrote no response', () => {
		const [reply] = complaintReplies({ ticket: 'ADU-7QX3KD0', response: '  ' }, catalog);
		expect(reply.text).toBe(
			messages['complaint.resolved.noresponse'].replace('{ticket}', 'ADU-7QX3KD0'),
		);
	});

	it('cuts a very long response to the WhatsApp limit', () => {
		const replies = complaintReplies({ ticket: 'ADU-1', response: 'a'.repeat(5000) }, catalog);
		expectWithinLimits(replies);
	});

	it('names the photo for Drive like the request files, and lists none without a photo', () => {
		const complaint: Complaint = {
			ticket: 'ADU-7QX3KD0',
			waId: '62812',
			name: 'Budi',
			text: PROBLEM,
			photo: { id: 'm', mimeType: 'image/jpeg' },
			receivedAt: '2026-05-05T02:00:00.000Z',
		};
		expect(complaintFiles(complaint, catalog)).toEqual([
			{
				ticket: 'ADU-7QX3KD0',
				key: 'photo',
				label: 'Foto pengaduan',
				id: 'm',
				url: undefined,
				mimeType: 'image/jpeg',
				fileName: 'ADU-7QX3KD0 Foto pengaduan.jpg',
			},
		]);
		expect(complaintFiles({ ...complaint, photo: undefined }, catalog)).toEqual([]);
	});
});
