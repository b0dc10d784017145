/**
 * Fewer questions: the NIK asked early answers the birth date and sex (one "ya" instead of two
 * questions); a NIK that disagrees with a typed birth date goes on with a note for staff; "sama"
 * for an address already given; a list's intro and hint shown before its first record.
 */
import { defaultCatalog } from '../../catalog';
import type { Application } from '..';
import { toRequestRow } from '../../sheet/requestRow';
import defaultMessages from '../../../../templates/messages.json';
import { answerCurrent, Chat } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const head = (key: string) => messages[key].split('{')[0];
const service = (key: string) => catalog.services.find((s) => s.key === key)!;
/** Siti, born 17 August 1990: a woman's NIK has the day + 40 (57). */
const SITI_NIK = '3577015708900001';

function atNik(key = 'pengantar-skck'): Chat {
	const chat = new Chat(catalog);
	chat.text(key === 'pengantar-skck' ? 'mau bikin pengantar skck' : 'mau buat surat ahli waris');
	chat.text('lanjut');
	chat.text('Siti Aminah');
	expect(chat.said).toContain('Berapa NIK Bapak/Ibu?');
	return chat;
}

const asked = (chat: Chat) => {
	const svc = service(chat.session!.service!);
	return svc.fields[chat.session!.pos!.field!]?.key;
};

describe('the NIK answers the birth date and sex', () => {
	it('is asked right after the name, and one "ya" replaces two questions', () => {
		const chat = atNik();
		chat.text(SITI_NIK);
		expect(chat.state).toBe('nik_confirm');
		expect(chat.said).toContain('17 Agustus 1990');
		expect(chat.said).toContain('Perempuan');
		chat.text('nggih');
		expect(asked(chat)).toBe('tempat_lahir');
		chat.text('Madiun');
		// Next is religion: the birth date and sex are not asked.
		expect(asked(chat)).toBe('agama');
		expect(chat.session!.values).toMatchObject({
			tanggal_lahir: '1990-08-17',
			jenis_kelamin: 'Perempuan',
		});
	});

	it('"bukan": both are asked as before', () => {
		const chat = atNik();
		chat.text(SITI_NIK);
		chat.button(
			(chat.last.replies[0] as { buttons: Array<{ id: string }> }).buttons[1].id,
			messages['button.nik.no'],
		);
		chat.text('Madiun');
		expect(asked(chat)).toBe('tanggal_lahir');
		expect(chat.session!.values.tanggal_lahir).toBeUndefined();
	});

	it('a typed birth date that disagrees with the NIK is kept, the resident told, staff flagged', () => {
		const chat = atNik();
		chat.text(SITI_NIK);
		chat.text('bukan');
		chat.text('Madiun');
		chat.text('18 agustus 1990');
		expect(chat.said).toContain('17 Agustus 1990');
		expect(chat.said).toContain('18 Agustus 1990');
		expect(chat.said).toContain('petugas akan mencocokkannya');
		expect(asked(chat)).toBe('jenis_kelamin');
		chat.text('cewek');
		expect(asked(chat)).toBe('agama');
		for (let i = 0; i < 200 && chat.state !== 'summary'; i++) {
			if (chat.state === 'document') chat.photo(`p${i}`);
			else if (chat.state === 'field') answerCurrent(chat, service('pengantar-skck'));
			else chat.text('selesai');
		}
		chat.text('kirim');
		const submitted = chat.events.find((e) => e.type === 'submitted') as
			| { application: Application }
			| undefined;
		expect(submitted).toBeDefined();
		const app = submitted!.application;
		expect(app.data.nik).toBe(SITI_NIK);
		expect(app.flags).toEqual([
			'⚠️ Perlu dicek: tanggal lahir menurut NIK 17 Agustus 1990, ditulis pemohon 18 Agustus 1990. Cocokkan dengan foto KTP.',
		]);
		const row = toRequestRow({
			...app,
			fields: service(app.serviceKey).fields,
			documents: [],
			status: 'pending',
			applicationJson: '{}',
		});
		expect(row.Data.split('\n')[0]).toBe(app.flags![0]);
	});

	it("an heir's NIK that disagrees with the heir's birth date is no dead end either", () => {
		const chat = new Chat(catalog);
		chat.text('mau buat surat ahli waris');
		chat.text('lanjut');
		const svc = service('ahli-waris');
		chat.session!.state = 'field';
		chat.session!.pos = {
			field: svc.fields.findIndex((x) => x.key === 'ahli_waris'),
			record: 0,
			subField: 0,
		};
		chat.session!.values.ahli_waris = [];
		// Heir 1: name, place, date, NIK (born 17 August 1990 per NIK, typed 1 May 1990).
		chat.text('Budi Santoso');
		chat.text('Madiun');
		chat.text('01-05-1990');
		chat.text('3577011708900001');
		expect(chat.said).toContain(head('nik.mismatch.resident.birthDate').trim());
		expect(chat.said).toContain('ahli waris ke-1');
		expect(chat.session!.pos!.subField).toBe(4);
	});
});

describe('"sama" for an address already given', () => {
	it("an heir living in the resident's house: the resident's address with RT and RW", () => {
		const chat = new Chat(catalog);
		chat.text('mau buat surat ahli waris');
		chat.text('lanjut');
		chat.session!.values = {
			...chat.session!.values,
			alamat: 'Jl. Salak III No. 12',
			rt: '003',
			rw: '005',
		};
		const svc = service('ahli-waris');
		const f = svc.fields.findIndex((x) => x.key === 'ahli_waris');
		chat.session!.state = 'field';
		chat.session!.pos = { field: f, record: 0, subField: 5 };
		chat.session!.values.ahli_waris = [{ nama: 'Budi' }];
		chat.text('sama');
		expect(chat.session!.values.ahli_waris).toEqual([
			{ nama: 'Budi', alamat: 'Jl. Salak III No. 12, RT 003, RW 005' },
		]);
	});

	it('"sama" where no earlier address is meant is an ordinary answer', () => {
		const chat = new Chat(catalog);
		chat.text('mau buat surat keterangan usaha');
		chat.text('lanjut');
		const svc = service('sku-kur');
		chat.session!.state = 'field';
		chat.session!.pos = { field: svc.fields.findIndex((x) => x.key === 'usaha_alamat') };
		chat.text('sama');
		// Stored as typed (an address is capitalised for the letter); the letter prints the home
		// address for it (letter/template.ts sameOr compares folded words).
		expect(chat.session!.values.usaha_alamat).toBe('Sama');
	});
});

describe("a list's intro and hint", () => {
	it('are shown before the first heir and before the witnesses', () => {
		const chat = new Chat(catalog);
		chat.text('mau buat surat ahli waris');
		chat.text('lanjut');
		const svc = service('ahli-waris');
		const heirs = svc.fields.findIndex((x) => x.key === 'ahli_waris');
		chat.session!.state = 'field';
		chat.session!.pos = { field: heirs - 1 };
		chat.text('-');
		expect(chat.said).toContain('Isi setiap ahli waris: suami/istri, anak, dan seterusnya');
		expect(chat.said).toContain('ahli waris ke-1');
		chat.session!.state = 'record_more';
		chat.session!.pos = { field: heirs, record: 1 };
		chat.session!.values.ahli_waris = [{ nama: 'Budi' }];
		chat.text('selesai');
		expect(chat.said).toContain('(bukan ahli waris)');
		expect(chat.said).toContain('Saksi biasanya tetangga atau Ketua RT');
		// Only before the first record: the second witness's questions come without it.
		for (let i = 0; i < 3; i++) chat.text(i === 1 ? '3577010101700002' : 'Slamet Riyadi');
		expect(chat.said).toContain('saksi ke-2');
		expect(chat.said).not.toContain('Saksi biasanya');
	});

	it('a list that may stay empty shows them with its first yes/no', () => {
		const chat = new Chat(catalog);
		chat.text('sktm');
		chat.text('lanjut');
		const svc = service('sktm');
		chat.session!.state = 'field';
		chat.session!.pos = { field: svc.fields.findIndex((x) => x.key === 'penerima') };
		chat.text('1');
		expect(chat.state).toBe('record_more');
		expect(chat.said).toContain('Contoh: istri, anak');
	});
});
