import { defaultCatalog } from '../../catalog';
import { ktpAnswers } from '../../ktp/answers';
import type { KtpReading } from '../../ktp/parse';
import { textsFor } from '../texts';
import {
	KTP_CHANGE,
	KTP_YES,
	ktpReadPrompt,
	ktpResponse,
	ktpUnreadable,
	unreadableReason,
} from '../ktpConfirm';

const catalog = defaultCatalog();
const texts = textsFor(catalog);
const identity = catalog.fieldSets?.identitas ?? [];
const now = new Date('2026-12-07T08:00:00Z');

const reading: KtpReading = {
	isKtp: true,
	labels: 13,
	fields: {
		nik: '3577014501900003',
		nama: 'SITI AMINAH',
		tanggalLahir: '1990-01-05',
		jenisKelamin: 'Perempuan',
		alamat: 'JL. PAHLAWAN NO. 12',
		rt: '003',
		rw: '005',
	},
};
const answers = ktpAnswers(reading, identity, now);

describe('the KTP reading shown to the resident', () => {
	it('lists what was read with the NIK masked but for its last 4 digits, and two buttons', () => {
		const [summary] = ktpReadPrompt(texts, identity, answers);
		expect(summary.type).toBe('buttons');
		const text = summary.text ?? '';
		expect(text).toContain('************0003');
		expect(text).not.toContain('3577014501900003');
		expect(text).toContain('Siti Aminah');
		expect(text).toContain('5 Januari 1990');
		expect(text).toContain('Jl. Pahlawan No. 12');
		expect(summary.type === 'buttons' && summary.buttons.map((b) => b.title)).toEqual([
			'Ya, benar',
			'Ubah',
		]);
	});

	it('says when the birth date read disagrees with the NIK', () => {
		const wrong = ktpAnswers(
			{ ...reading, fields: { ...reading.fields, tanggalLahir: '1990-01-06' } },
			identity,
			now,
		);
		const replies = ktpReadPrompt(texts, identity, wrong);
		expect(replies).toHaveLength(2);
		expect(replies[1].text).toMatch(/Tanggal lahir di foto tidak cocok dengan NIK/);
		expect(replies[0].text).not.toContain('Januari 1990');
	});
});

describe("the resident's answer", () => {
	it('takes "Ya, benar" typed or tapped as a confirmation', () => {
		expect(ktpResponse(texts, identity, answers, { text: 'ya benar' })).toEqual({
			kind: 'confirm',
		});
		expect(ktpResponse(texts, identity, answers, { text: 'Ya, benar', replyId: KTP_YES })).toEqual({
			kind: 'confirm',
		});
		// As people type it.
		for (const text of [
			'iya benar',
			'betul pak',
			'sudah sesuai',
			'ok',
			'Iya kak, sudah benar 🙏',
			'1',
		])
			expect(ktpResponse(texts, identity, answers, { text })).toEqual({ kind: 'confirm' });
		for (const text of ['ya tapi alamat salah', 'tidak', 'bukan'])
			expect(ktpResponse(texts, identity, answers, { text })?.kind).not.toBe('confirm');
	});

	it('takes "Ubah alamat" as a change of that field and "Ubah" alone as a question which', () => {
		expect(ktpResponse(texts, identity, answers, { text: 'Ubah alamat' })).toEqual({
			kind: 'change',
			key: 'alamat',
		});
		expect(ktpResponse(texts, identity, answers, { text: 'ganti tanggal lahir' })).toEqual({
			kind: 'change',
			key: 'tanggal_lahir',
		});
		expect(ktpResponse(texts, identity, answers, { text: 'Ubah', replyId: KTP_CHANGE })).toEqual({
			kind: 'change',
		});
	});

	it('leaves anything else to the step as usual', () => {
		expect(ktpResponse(texts, identity, answers, { text: 'kapan kantor buka?' })).toBeUndefined();
	});
});

describe('an unreadable photo', () => {
	it('gives a short reason: unclear for a blurred photo, not a KTP for a clear photo of something else', () => {
		const none: KtpReading = { isKtp: false, labels: 0, fields: {} };
		expect(unreadableReason(none, 20)).toBe('blur');
		expect(unreadableReason({ isKtp: false, labels: 1, fields: {} }, 85)).toBe('notKtp');
		expect(unreadableReason(reading, 85)).toBeUndefined();
		expect(ktpUnreadable(texts, 'blur').text).toMatch(/kurang jelas/);
		expect(ktpUnreadable(texts, 'notKtp').text).toMatch(/tidak terbaca sebagai KTP/);
	});
});
