import { defaultCatalog } from '../../catalog';
import type { Catalog } from '../../catalog/types';
import { Chat } from '../../../../test/support/chat';
import { KTP_READING } from '../ktpStep';
import { VOICE_TEXT } from '../voice';
import { fillService } from './fill';

const catalog = defaultCatalog();
const messages = catalog.messages;
const withSettings = (settings: Partial<Catalog['settings']>): Catalog => ({
	...catalog,
	settings: { ...catalog.settings, ...settings },
});

/** What the Read KTP Photo operation reads off a card (as printed, capitals). */
const READ = {
	nik: '3577014501900003',
	nama: 'SITI AMINAH',
	tempatLahir: 'MADIUN',
	tanggalLahir: '1990-01-05',
	jenisKelamin: 'Perempuan',
	alamat: 'JL. PAHLAWAN NO. 12',
	rt: '003',
	rw: '005',
	agama: 'ISLAM',
	statusPerkawinan: 'KAWIN',
	pekerjaan: 'KARYAWAN SWASTA',
	kewarganegaraan: 'WNI',
};

function atIdentity(chat = new Chat(catalog)): Chat {
	chat.text('halo');
	chat.text('1');
	chat.list('pengantar-skck');
	chat.button('continue');
	return chat;
}

function reading(chat: Chat, photo: string, ktp: Record<string, unknown>) {
	return chat.send({ type: KTP_READING as never, messageId: `${photo}:ktp`, ktp } as never);
}

describe('the KTP photo at the identity questions', () => {
	it('is offered with the first identity question, read off the reply path, and used only once confirmed', () => {
		const chat = atIdentity();
		expect(chat.said).toContain(messages['ktp.offer']);
		expect(chat.said).toContain('nama lengkap');
		const sent = chat.photo('ktp-photo');
		expect(chat.said).toBe(messages['ktp.reading']);
		expect(sent.events).toEqual([
			expect.objectContaining({
				type: 'media_to_read',
				kind: 'ktp',
				messageId: sent.session.seen.at(-1),
			}),
		]);
		const photoId = sent.session.seen.at(-1)!;
		expect(chat.session!.values).toEqual({});

		reading(chat, photoId, { photo: photoId, fields: READ, unreadable: null });
		expect(chat.state).toBe('ktp_confirm');
		expect(chat.said).toContain('************0003');
		expect(chat.said).not.toContain(READ.nik);
		expect(chat.said).toContain('Siti Aminah');
		expect(chat.said).toContain('[Ya, benar|Ubah]');
		// Nothing is used before the resident says yes.
		expect(chat.session!.values).toEqual({});

		chat.button('ktp:yes', 'Ya, benar');
		expect(chat.session!.values).toMatchObject({
			nama: 'Siti Aminah',
			nik: READ.nik,
			tempat_lahir: 'Madiun',
			tanggal_lahir: '1990-01-05',
			jenis_kelamin: 'Perempuan',
			agama: 'Islam',
			rt: '003',
			rw: '005',
		});
		// The next question is one the card does not answer.
		expect(chat.state).toBe('field');
		expect(chat.said).not.toContain('nama lengkap');
		expect(chat.said).not.toContain(messages['ktp.offer']);
	});

	it("the confirmed photo is the request's KTP file: it is not asked for again with the documents", () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, fields: READ });
		chat.button('ktp:yes', 'Ya, benar');
		expect(chat.said).toContain(messages['ktp.filed']);
		const skck = catalog.services.find((s) => s.key === 'pengantar-skck')!;
		const { documents } = fillService(chat, skck);
		// Every document but the KTP was asked for; the KTP is the photo read.
		expect(Object.keys(documents).sort()).toEqual(
			skck.documents
				.map((d) => d.key)
				.filter((key) => key !== 'ktp')
				.sort(),
		);
		expect(chat.session!.docs.ktp).toEqual([
			expect.objectContaining({ id: 'ktp-photo', mimeType: 'image/jpeg' }),
		]);
		expect(chat.said).toContain('KTP: 1 file');
	});

	it('a photo that was not confirmed is no KTP file: the documents ask for it', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, unreadable: 'blur' });
		const skck = catalog.services.find((s) => s.key === 'pengantar-skck')!;
		const { documents } = fillService(chat, skck);
		expect(documents.ktp).toEqual(['media-ktp-0']);
	});

	it('"Ubah alamat" asks the address, then shows the reading again with the typed one', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, fields: READ });
		chat.text('Ubah alamat');
		expect(chat.state).toBe('ktp_fix');
		expect(chat.said).toContain(
			catalog.fieldSets!.identitas.find((f) => f.key === 'alamat')!.question,
		);
		chat.text('Jl. Merdeka 7');
		expect(chat.state).toBe('ktp_confirm');
		expect(chat.said).toContain('Jl. Merdeka 7');
		expect(chat.said).not.toContain('PAHLAWAN');
		chat.text('ya');
		expect(chat.session!.values.alamat).toBe('Jl. Merdeka 7');
		expect(chat.session!.values.nama).toBe('Siti Aminah');
	});

	it('"Ubah" alone asks which field; anything else shows the reading again', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, fields: READ });
		chat.button('ktp:change', 'Ubah');
		expect(chat.said).toBe(messages['ktp.change.ask']);
		chat.text('entahlah');
		expect(chat.state).toBe('ktp_confirm');
		expect(chat.said).toContain('************0003');
	});

	it('a birth date that disagrees with the NIK is said and left to the questions', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, fields: { ...READ, tanggalLahir: '1991-02-06' } });
		expect(chat.said).toContain(messages['ktp.mismatch.birthDate']);
		chat.text('ya');
		expect(chat.session!.values.tanggal_lahir).toBeUndefined();
		expect(chat.said).toContain('tanggal lahir');
	});

	it('an unreadable photo gives the short reason and the question as before', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, photoId, { photo: photoId, fields: {}, unreadable: 'blur' });
		expect(chat.said).toContain(messages['ktp.unreadable.blur']);
		expect(chat.said).toContain('nama lengkap');
		expect(chat.state).toBe('field');
		expect(chat.session!.pos).toEqual({ field: 0 });
	});

	it('a reading of another photo, or one arriving after the resident typed on, is not said', () => {
		const chat = atIdentity();
		const photoId = chat.photo('ktp-photo').session.seen.at(-1)!;
		reading(chat, 'other-photo', { photo: 'other-photo', fields: READ });
		expect(chat.last.replies).toEqual([]);
		chat.text('Siti Aminah');
		chat.text('3577014501900003');
		reading(chat, photoId, { photo: photoId, fields: READ });
		expect(chat.state).not.toBe('ktp_confirm');
	});

	it('is not offered when the catalog switches it off, and a photo there is what it was', () => {
		const chat = atIdentity(new Chat(withSettings({ ktpPhoto: false })));
		expect(chat.said).not.toContain(messages['ktp.offer']);
		chat.photo('ktp-photo');
		expect(chat.said).toContain(messages['media.unexpected']);
		expect(chat.last.events).toEqual([]);
	});
});

describe('voice notes', () => {
	const voice = (chat: Chat) =>
		chat.send({ type: 'audio', media: { id: 'voice-1', mimeType: 'audio/ogg' } });

	it('switched off (the default), get the polite refusal and nothing is sent to be heard', () => {
		const chat = new Chat(catalog);
		voice(chat);
		expect(chat.said).toContain(messages['unsupported.audio']);
		expect(chat.last.events).toEqual([]);
	});

	it('switched on, are sent to be transcribed; the transcript is said back and handled as typed text', () => {
		const chat = new Chat(withSettings({ voiceNotes: true }));
		const sent = voice(chat);
		expect(sent.replies).toEqual([]);
		expect(sent.events).toEqual([
			expect.objectContaining({
				type: 'media_to_read',
				kind: 'voice',
				media: { id: 'voice-1', mimeType: 'audio/ogg' },
			}),
		]);
		const typed = new Chat(withSettings({ voiceNotes: true }), '6281111111111');
		typed.text('mau buat surat pengantar skck');
		chat.send({
			type: VOICE_TEXT as never,
			messageId: 'voice-1:voice',
			text: ' mau buat surat  pengantar skck ',
		});
		expect(chat.last.replies[0]).toEqual({
			type: 'text',
			text: messages['voice.heard'].replace('{text}', 'mau buat surat pengantar skck'),
		});
		expect(chat.last.replies.slice(1)).toEqual(typed.last.replies);
		expect(chat.state).toBe(typed.state);
	});

	it('a transcript with no words asks the resident to say it again or type it', () => {
		const chat = new Chat(withSettings({ voiceNotes: true }));
		chat.send({ type: VOICE_TEXT as never, messageId: 'voice-2:voice', text: '' });
		expect(chat.said).toBe(messages['voice.unclear']);
	});
});
