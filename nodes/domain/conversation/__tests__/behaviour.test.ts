import { defaultCatalog } from '../../catalog';
import { reopenForFix, resumeBot, step } from '..';
import type { Application, Session } from '..';
import { Chat, KK, MASKED_NIK, NIK } from '../../../../test/support/chat';
import { fillService } from './fill';

const catalog = defaultCatalog();
const service = (key: string) => catalog.services.find((s) => s.key === key)!;

/** A chat at the first question of a service. */
function startRequest(key: string, chat = new Chat(catalog)): Chat {
	chat.text('halo');
	chat.text('1');
	chat.list(key);
	chat.button('continue');
	return chat;
}

function submitted(chat: Chat): Application {
	const event = chat.events.find((e) => e.type === 'submitted' || e.type === 'resubmitted');
	return (event as { application: Application }).application;
}

describe('answers are checked and re-asked with the reason', () => {
	it('a bad NIK is explained, the question repeated, and a corrected one accepted', () => {
		const chat = startRequest('domisili');
		chat.text('Budi Santoso');
		chat.text('35770117089');
		expect(chat.said).toContain('NIK harus 16 angka');
		expect(chat.said).toContain(service('domisili').fields[1].question);
		expect(chat.session!.pos).toEqual({ field: 1 });
		chat.text(NIK);
		expect(chat.session!.values.nik).toBe(NIK);
		// Its birth date and sex are offered for confirmation (fewerQuestions.test.ts).
		expect(chat.state).toBe('nik_confirm');
		chat.text('ya');
		expect(chat.session!.pos).toEqual({ field: 2 });
	});

	it('an impossible date is refused and the resident may type it in words', () => {
		const chat = startRequest('domisili');
		for (const text of ['Budi Santoso', NIK, 'bukan', 'Madiun']) chat.text(text);
		chat.text('31-02-1990');
		expect(chat.said).toMatch(/tanggal/i);
		expect(chat.session!.pos).toEqual({ field: 3 });
		chat.text('17 Agustus 1990');
		expect(chat.session!.values.tanggal_lahir).toBe('1990-08-17');
	});

	it('choices work by button, number or words', () => {
		const chat = startRequest('domisili');
		for (const text of ['Budi Santoso', NIK, 'bukan', 'Madiun', '17-08-1990']) chat.text(text);
		expect(chat.last.replies[0]).toMatchObject({
			type: 'buttons',
			buttons: [{ title: 'Laki-laki' }, { title: 'Perempuan' }],
		});
		chat.text('laki');
		expect(chat.session!.values.jenis_kelamin).toBe('Laki-laki');
		expect(chat.last.replies[0].type).toBe('list');
		chat.list('islam', 'Islam');
		expect(chat.session!.values.agama).toBe('Islam');
	});
});

describe('summary, change, cancel and back', () => {
	it('changes one field from the summary and submits the new value', () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.button('change', 'Ubah data');
		const index = service('domisili').fields.findIndex((f) => f.key === 'alamat') + 1;
		expect(chat.said).toContain(`${index}. Alamat`);
		chat.text(String(index));
		expect(chat.said).toContain(service('domisili').fields[index - 1].question);
		chat.text('Jl. Salak 12');
		expect(chat.state).toBe('summary');
		expect(chat.said).toContain('Jl. Salak 12');
		chat.button('confirm', 'Kirim');
		expect(submitted(chat).data.alamat).toBe('Jl. Salak 12');
	});

	it('changing the birth date re-asks the NIK it is checked against', () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.text('ubah');
		chat.text('Tanggal lahir');
		chat.text('18-08-1990');
		// The NIK disagrees now: said once, and the NIK asked again (fewerQuestions.test.ts).
		expect(chat.said).toContain('17 Agustus 1990');
		expect(chat.said).toContain(service('domisili').fields.find((f) => f.key === 'nik')!.question);
		chat.text('3577011808900002');
		expect(chat.state).toBe('summary');
		chat.text('kirim');
		expect(submitted(chat).data).toMatchObject({
			tanggal_lahir: '1990-08-18',
			nik: '3577011808900002',
		});
	});

	it('batal cancels the request with an event and shows the menu', () => {
		const chat = startRequest('sku-kur');
		chat.text('Budi Santoso');
		chat.text('batal');
		expect(chat.last.events).toEqual([
			{ type: 'cancelled', waId: chat.waId, serviceKey: 'sku-kur' },
		]);
		expect(chat.said).toContain('dibatalkan');
		expect(chat.state).toBe('menu');
		expect(chat.session!.values).toEqual({});
	});

	it('the summary cancel button cancels too', () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.button('cancel', 'Batal');
		expect(chat.last.events[0]).toMatchObject({ type: 'cancelled', serviceKey: 'domisili' });
		expect(chat.events.some((e) => e.type === 'submitted')).toBe(false);
	});

	it('kembali goes back one question and the new answer replaces the old', () => {
		const chat = startRequest('domisili');
		chat.text('Budi Santoso');
		chat.text('kembali');
		expect(chat.said).toContain(service('domisili').fields[0].question);
		chat.text('Siti Aminah');
		expect(chat.said).toContain(service('domisili').fields[1].question);
		expect(chat.session!.values.nama).toBe('Siti Aminah');
		chat.text('kembali');
		chat.text('kembali');
		expect(chat.said).toContain('Lanjut');
		chat.text('kembali');
		expect(chat.state).toBe('services');
	});

	it('a list of records stops at its maximum and an optional list can be left empty', () => {
		const chat = startRequest('sktm');
		const sktm = service('sktm');
		const f = sktm.fields.findIndex((x) => x.key === 'tanggungan');
		const identity = [
			'Budi Santoso',
			NIK,
			'Madiun',
			'17-08-1990',
			'laki-laki',
			'islam',
			'kawin',
			'Petani',
			'WNI',
			'Jl. Salak 1',
			'1',
			'2',
		];
		// The household's income, no DTSEN number (optional, skipped), the letter for oneself.
		const own: Record<string, string> = {
			penghasilan: '1 juta',
			nomor_dtsen: 'lewati',
			penerima: '1',
		};
		while (chat.session!.pos!.field! < f) {
			if (chat.state === 'nik_confirm') {
				chat.text('ya');
				continue;
			}
			const field = sktm.fields[chat.session!.pos!.field!];
			chat.text(own[field.key] ?? identity[chat.session!.pos!.field!]);
		}
		expect(chat.state).toBe('record_more');
		expect(chat.session!.values.nomor_dtsen).toBeNull();
		chat.text('selesai');
		expect(chat.session!.values.tanggungan).toEqual([]);
		expect(chat.said).toContain(sktm.fields[f + 1].question);
	});
});

describe('documents', () => {
	it('reminds when text comes instead of a photo, refuses other files, accepts PDF, skips optional ones', () => {
		const chat = startRequest('kehilangan');
		const k = service('kehilangan');
		for (let i = 0; (chat.state === 'field' || chat.state === 'nik_confirm') && i < 40; i++) {
			if (chat.state === 'nik_confirm') {
				chat.text('ya');
				continue;
			}
			const f = k.fields[chat.session!.pos!.field!];
			const answers: Record<string, string> = {
				rt: '1',
				rw: '2',
				nik: NIK,
				tanggal_lahir: '17-08-1990',
				tanggal_hilang: '1-5-2026',
				nomor_kk: '3577010101150003',
				pengantar_rt_tanggal: '2-5-2026',
				jenis_kelamin: '1',
				kronologi: 'Hilang di pasar saat belanja',
			};
			chat.text(answers[f.key] ?? (f.type === 'choice' ? '1' : 'Isian contoh'));
		}
		expect(chat.state).toBe('document');
		chat.text('ini fotonya');
		expect(chat.said).toContain('foto');
		expect(chat.session!.docs).toEqual({});
		chat.send({
			type: 'document',
			media: { id: 'doc-1', mimeType: 'application/msword', fileName: 'x.doc' },
		});
		expect(chat.said).toContain('tidak bisa kami terima');
		chat.send({
			type: 'document',
			media: { id: 'pdf-1', mimeType: 'application/pdf', fileName: 'rt.pdf' },
		});
		// As residents type it: "udah pak" ends the step as "selesai" does.
		chat.text('udah pak');
		expect(chat.session!.docs.pengantar_rt).toEqual([
			{ id: 'pdf-1', mimeType: 'application/pdf', fileName: 'rt.pdf' },
		]);
		// The KTP is what was lost: its photo is not asked for.
		expect(chat.session!.docs.ktp).toEqual([]);
		expect(chat.said).toContain('Kartu Keluarga');
		chat.text('iya sdh');
		expect(chat.said).toContain('minimal 1');
		chat.photo('kk-1');
		chat.photo('kk-2');
		chat.button('skip', 'Lewati');
		expect(chat.state).toBe('summary');
		expect(chat.said).toContain('Kartu Keluarga: 2 file');
	});

	it('a photo sent while a question is open does not advance', () => {
		const noKtpPhoto = { ...catalog, settings: { ...catalog.settings, ktpPhoto: false } };
		const chat = startRequest('domisili', new Chat(noKtpPhoto));
		chat.photo('early');
		expect(chat.said).toContain('belum ada dokumen');
		expect(chat.session!.pos).toEqual({ field: 0 });
	});
});

describe('returning residents, hand-off and time', () => {
	it("offers the remembered identity after a submission, shows it only after the NIK's last digits, and reuses it", () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.text('kirim');
		const first = submitted(chat);
		chat.text('menu');
		chat.text('ajukan surat');
		chat.text('belum menikah');
		chat.text('lanjut');
		expect(chat.state).toBe('reuse');
		expect(chat.said).toContain('4 angka terakhir NIK');
		expect(chat.said).not.toContain(MASKED_NIK.slice(-4));
		expect(chat.said).not.toContain(String(first.data.nama));
		chat.text('0001');
		expect(chat.said).toContain(MASKED_NIK);
		expect(chat.said).toContain(String(first.data.nama));
		expect(chat.said).not.toContain(NIK);
		const bm = service('belum-menikah');
		expect(chat.said).toContain(bm.fields.find((f) => !f.remember)!.question);
		chat.events.length = 0;
		fillService(chat, bm);
		chat.text('kirim');
		const second = submitted(chat);
		expect(second.data.nama).toBe(first.data.nama);
		expect(second.data.nik).toBe(NIK);
		expect(second.ticket).not.toBe(first.ticket);
	});

	it('"Isi ulang" asks the identity again', () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.text('kirim');
		startRequest('domisili', chat);
		chat.text('isi ulang');
		expect(chat.said).toContain(service('domisili').fields[0].question);
	});

	it('hands off to staff and stays quiet until the timeout or resumeBot', () => {
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.text('petugas');
		expect(chat.state).toBe('handoff_ask');
		chat.text('Saya mau tanya soal KTP');
		expect(chat.last.events).toEqual([
			{ type: 'handoff_requested', waId: chat.waId, name: 'Budi', text: 'Saya mau tanya soal KTP' },
		]);
		chat.wait(60);
		for (const text of ['halo', 'menu', 'batal']) {
			chat.text(text);
			expect(chat.last.replies).toEqual([]);
			expect(chat.last.events).toEqual([]);
		}
		chat.wait(61);
		chat.text('halo');
		expect(chat.said).toContain('Selamat datang');

		chat.text('petugas');
		chat.text('tolong bantu');
		chat.session = resumeBot(chat.session!, chat.now);
		chat.text('1');
		expect(chat.said).toContain('Surat apa');
	});

	it('an idle request expires politely and starts again', () => {
		const chat = startRequest('domisili');
		chat.text('Budi Santoso');
		chat.wait(24 * 60 + 1);
		chat.text('Madiun');
		expect(chat.said).toContain('lama tidak ada balasan');
		expect(chat.last.replies.some((r) => r.type === 'list')).toBe(true);
		expect(chat.session!.values).toEqual({});
		expect(chat.state).toBe('menu');
	});

	it('a status question emits an event with the last ticket and sends nothing itself', () => {
		const chat = new Chat(catalog);
		chat.text('cek status');
		expect(chat.last.events).toEqual([{ type: 'status_requested', waId: chat.waId, name: 'Budi' }]);
		startRequest('domisili', chat);
		fillService(chat, service('domisili'));
		chat.text('kirim');
		chat.text('menu');
		chat.list('menu:status', 'Cek status');
		expect(chat.last.events).toEqual([
			{ type: 'status_requested', waId: chat.waId, name: 'Budi', ticket: submitted(chat).ticket },
		]);
		expect(chat.last.replies).toEqual([]);
	});
});

describe('robustness', () => {
	it('a redelivered message id does nothing', () => {
		const chat = startRequest('domisili');
		const message = { type: 'text' as const, text: 'Budi Santoso', messageId: 'wamid.same' };
		chat.send(message);
		const after = chat.session;
		const again = chat.send(message);
		expect(again.replies).toEqual([]);
		expect(again.events).toEqual([]);
		expect(chat.session).toEqual(after);
	});

	it.each(['sticker', 'location', 'audio', 'video', 'contacts', 'reaction', 'unsupported', 'poll'])(
		'a %s message gets one short answer and does not advance',
		(type) => {
			const chat = startRequest('domisili');
			const before = chat.session!;
			chat.send({ type: type as 'sticker', text: '' });
			expect(chat.last.replies).toHaveLength(1);
			// A voice note also offers a person to talk to (a button); the rest is one text.
			expect(chat.last.replies[0].type).toBe(type === 'audio' ? 'buttons' : 'text');
			expect(chat.last.events).toEqual([]);
			expect(chat.session!.pos).toEqual(before.pos);
			expect(chat.state).toBe('field');
		},
	);

	it('an attachment the gateway did not pass on is answered with how to bring the documents instead', () => {
		const chat = startRequest('domisili');
		const before = chat.session!;
		chat.send({ type: 'media_unavailable', text: '' });
		expect(chat.last.replies).toEqual([
			{ type: 'text', text: catalog.messages['unsupported.media_unavailable'] },
		]);
		expect(chat.last.replies[0].text).toMatch(/bawa dokumen aslinya ke kantor/);
		expect(chat.session!.pos).toEqual(before.pos);
	});

	it('a 5,000-character text is answered briefly and not stored', () => {
		const chat = startRequest('domisili');
		chat.text('a'.repeat(5000));
		expect(chat.said).toContain('terlalu panjang');
		expect(chat.session!.values.nama).toBeUndefined();
		expect(JSON.stringify(chat.session).length).toBeLessThan(1000);
	});

	it('a corrupt or foreign session starts a new conversation', () => {
		const message = {
			provider: 't',
			businessNumber: '1',
			from: '628111',
			name: 'A',
			messageId: 'm1',
			timestamp: '',
			type: 'text' as const,
			text: 'hai',
		};
		for (const bad of [
			{ v: 2 },
			{ v: 1, state: 'nowhere' },
			'junk',
			{ ...stepSession(), waId: '628999' },
		]) {
			const result = step(
				bad as unknown as Session,
				message,
				catalog,
				new Date('2026-05-05T00:00:00Z'),
			);
			expect(result.session.state).toBe('menu');
			expect(result.replies.length).toBeGreaterThan(0);
		}
	});

	it('is deterministic and leaves its input untouched', () => {
		const chat = startRequest('domisili');
		const input = JSON.parse(JSON.stringify(chat.session));
		const frozen = JSON.stringify(input);
		const message = {
			provider: 't',
			businessNumber: '1',
			from: chat.waId,
			name: 'Budi',
			messageId: 'x1',
			timestamp: '',
			type: 'text' as const,
			text: 'Budi Santoso',
		};
		const a = step(input, message, catalog, chat.now);
		const b = step(input, message, catalog, chat.now);
		expect(a).toEqual(b);
		expect(JSON.stringify(input)).toBe(frozen);
	});
});

function stepSession(): Session {
	return startRequest('domisili').session!;
}

describe('reopenForFix', () => {
	it('re-asks what staff named, then resubmits with the same ticket', () => {
		const chat = startRequest('domisili');
		fillService(chat, service('domisili'));
		chat.text('kirim');
		const app = submitted(chat);
		chat.events.length = 0;
		const reopened = reopenForFix(
			chat.session,
			app,
			{ fieldKeys: ['nomor_kk'], documentKeys: ['ktp'], note: 'Foto KTP buram' },
			catalog,
			chat.now,
		);
		expect(reopened.events).toEqual([]);
		const said = reopened.replies.map((r) => r.text).join('\n');
		expect(said).toContain('Foto KTP buram');
		expect(said).toContain(app.ticket);
		expect(said).toContain(service('domisili').fields.find((f) => f.key === 'nomor_kk')!.question);
		chat.session = reopened.session;
		chat.text('3577010202160004');
		expect(chat.said).toContain('KTP');
		chat.photo('ktp-new');
		chat.text('selesai');
		expect(chat.state).toBe('summary');
		chat.text('kirim');
		const again = submitted(chat);
		expect(chat.last.events[0].type).toBe('resubmitted');
		expect(again.ticket).toBe(app.ticket);
		// The first application held the KK the resident first typed; the fix replaced it.
		expect(app.data.nomor_kk).toBe(KK);
		expect(again.data).toEqual({ ...app.data, nomor_kk: '3577010202160004' });
		expect(again.documents.ktp.map((d) => d.id)).toEqual(['ktp-new']);
		expect(again.documents.kk).toEqual(app.documents.kk);
	});
});
