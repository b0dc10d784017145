/**
 * Cross-field rules and conditional questions, as a resident meets them in the chat: a
 * contradiction is asked again with its reason, a request whose letter would be false ends
 * with the reason, and questions or photos that do not apply are not asked.
 */
import { defaultCatalog, loadCatalog } from '../../catalog';
import type { ResolvedService } from '../../catalog/types';
import { currentField } from '../../conversation/flow';
import catalogJson from '../../../../templates/catalog.json';
import { Chat, NIK, answerFor } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const service = (key: string) => catalog.services.find((s) => s.key === key)!;

/**
 * Starts a request and answers every question (`answers` by field key, else a valid default)
 * until `stop` is the field being asked or the summary is reached. Returns the keys asked and
 * the documents asked for.
 */
function fill(
	chat: Chat,
	svc: ResolvedService,
	answers: Record<string, string> = {},
	stop?: string,
): { asked: string[]; documents: string[] } {
	chat.text('halo');
	chat.list('menu:request', 'Ajukan surat');
	chat.list(svc.key, svc.title);
	chat.button('continue', 'Lanjut');
	const asked: string[] = [];
	const documents: string[] = [];
	for (let guard = 0; guard < 200 && chat.state !== 'summary'; guard++) {
		const s = chat.session!;
		if (s.state === 'field') {
			const { field } = currentField(svc, s)!;
			if (field.key === stop) return { asked, documents };
			asked.push(field.key);
			chat.text(answers[field.key] ?? answerFor(field).text);
		} else if (s.state === 'nik_confirm') {
			// What the NIK says is taken, unless the test gives its own birth date or sex.
			chat.text(answers.tanggal_lahir || answers.jenis_kelamin ? 'bukan' : 'ya');
		} else if (s.state === 'record_more') {
			chat.text(s.pos!.record! < 1 ? 'tambah' : 'selesai');
		} else if (s.state === 'document') {
			const doc = svc.documents[s.pos!.document!];
			documents.push(doc.key);
			chat.photo(`media-${doc.key}`);
			if (chat.session!.state === 'document' && chat.session!.pos!.document === s.pos!.document)
				chat.text('selesai');
		} else throw new Error(`unexpected state ${s.state}: ${chat.said}`);
	}
	return { asked, documents };
}

const WIDOW = { status_perkawinan: 'Cerai Mati', jenis_kelamin: '2', nik: '3577015708900001' };

describe('a widow asking for the Taspen letter', () => {
	it('who remarried is told why there is no letter, and the request ends', () => {
		const chat = new Chat(catalog);
		fill(chat, service('taspen'), WIDOW, 'menikah_lagi');
		chat.text('sudah menikah lagi');
		expect(chat.said).toContain('hanya dibayarkan selama Bapak/Ibu belum menikah lagi');
		expect(chat.state).toBe('menu');
		expect(chat.events).toContainEqual({
			type: 'cancelled',
			waId: chat.waId,
			serviceKey: 'taspen',
		});
		expect(chat.events.some((e) => e.type === 'submitted')).toBe(false);
	});

	it('whose status is Kawin is asked again, with the reason', () => {
		const chat = new Chat(catalog);
		fill(chat, service('taspen'), {}, 'status_perkawinan');
		chat.text('kawin');
		expect(chat.said).toContain('status *Kawin Tercatat*');
		expect(currentField(service('taspen'), chat.session!)!.field.key).toBe('status_perkawinan');
		chat.text('cerai mati');
		expect(currentField(service('taspen'), chat.session!)!.field.key).not.toBe('status_perkawinan');
	});

	it('with a wedding date before her birth date is asked for the wedding date again', () => {
		const chat = new Chat(catalog);
		fill(chat, service('taspen'), WIDOW, 'tanggal_menikah');
		chat.text('12-06-1980');
		expect(chat.said).toContain('Tanggal menikah (12 Juni 1980) sebelum tanggal lahir Bapak/Ibu');
		expect(currentField(service('taspen'), chat.session!)!.field.key).toBe('tanggal_menikah');
	});

	it('who has not remarried gets through to the summary', () => {
		const chat = new Chat(catalog);
		fill(chat, service('taspen'), WIDOW);
		expect(chat.state).toBe('summary');
		chat.button('confirm', 'Kirim');
		expect(chat.events.some((e) => e.type === 'submitted')).toBe(true);
	});
});

describe('belum menikah', () => {
	it('is stopped for a resident who answered Kawin, also when the answer was remembered', () => {
		const chat = new Chat(catalog);
		fill(chat, service('belum-menikah'), { status_perkawinan: 'kawin' }, 'pekerjaan');
		expect(chat.said).toContain('hanya untuk yang berstatus *Belum Kawin*');

		// A returning resident whose remembered status is Kawin: caught before sending.
		const back = new Chat(catalog, '6281200000009');
		fill(back, service('domisili'), { status_perkawinan: 'kawin' });
		back.button('confirm', 'Kirim');
		back.text('halo');
		back.list('menu:request', 'Ajukan surat');
		back.list('belum-menikah', 'Surat Keterangan Belum Menikah');
		back.button('continue', 'Lanjut');
		back.text(NIK.slice(-4)); // the NIK's last digits: the remembered identity is theirs
		for (let i = 0; i < 20 && back.state !== 'summary'; i++) {
			const s = back.session!;
			if (s.state === 'field')
				back.text(answerFor(currentField(service('belum-menikah'), s)!.field).text);
			else if (s.state === 'document') {
				back.photo(`m${i}`);
				if (back.state === 'document') back.text('selesai');
			}
		}
		back.button('confirm', 'Kirim');
		expect(back.said).toContain('hanya untuk yang berstatus *Belum Kawin*');
		expect(currentField(service('belum-menikah'), back.session!)!.field.key).toBe(
			'status_perkawinan',
		);
		expect(back.events.filter((e) => e.type === 'submitted')).toHaveLength(1);
	});
});

describe('conditional questions and photos', () => {
	it('a lost KTP and KK: neither card is asked for as a photo', () => {
		const chat = new Chat(catalog);
		const { documents } = fill(chat, service('kehilangan'), { barang_hilang: 'ktp dan kk' });
		expect(chat.session!.values.barang_hilang).toBe('KTP dan KK');
		expect(documents).toEqual(['pengantar_rt', 'fotokopi_hilang']);
	});

	it('a kos tenant: KTP address and landlord asked, no local KK, the landlord letter instead', () => {
		const chat = new Chat(catalog);
		const { asked, documents } = fill(chat, service('domisili'), { status_tinggal: 'kos' });
		expect(asked).toEqual(expect.arrayContaining(['alamat_asal', 'pemilik_nama', 'tinggal_sejak']));
		expect(asked).not.toContain('nomor_kk');
		expect(documents).toEqual(['pengantar_rt', 'ktp', 'surat_pemilik']);
		expect(chat.session!.values.nomor_kk).toBeNull();
	});

	it('SKTM for a family member asks who; for oneself it does not', () => {
		const self = fill(new Chat(catalog), service('sktm'), { penerima: '1' }).asked;
		expect(self).not.toContain('penerima_nama');
		const family = fill(new Chat(catalog), service('sktm'), { penerima: '2' }).asked;
		expect(family).toEqual(expect.arrayContaining(['penerima_nama', 'penerima_hubungan']));
	});

	it('"750" for a monthly income is asked again: the resident probably meant 750 ribu', () => {
		const chat = new Chat(catalog);
		fill(chat, service('sktm'), {}, 'penghasilan');
		chat.text('750');
		expect(chat.said).toContain('Maksudnya Rp750.000?');
		expect(currentField(service('sktm'), chat.session!)!.field.key).toBe('penghasilan');
	});
});

describe('the catalog', () => {
	const edited = (change: (c: typeof catalogJson) => void) => {
		const copy = JSON.parse(JSON.stringify(catalogJson));
		change(copy);
		return () => loadCatalog(copy);
	};

	it('rejects a rule about a field the service does not have', () => {
		expect(
			edited((c) => {
				c.services[1].rules![0].field = 'status_nikah';
			}),
		).toThrow('services[1].rules[0].field: "status_nikah" is not a field of this service');
	});

	it('rejects a condition on an option that does not exist', () => {
		expect(
			edited((c) => {
				(c.services[5].documents[1] as { when: { notIn: string[] } }).when.notIn = ['SIM'];
			}),
		).toThrow('"SIM" is not an option of "barang_hilang"');
	});

	it('rejects a rule whose message is missing', () => {
		expect(
			edited((c) => {
				delete (c.messages as Record<string, string>)['rule.taspen.remarried'];
			}),
		).toThrow('no message "rule.taspen.remarried"');
	});
});
