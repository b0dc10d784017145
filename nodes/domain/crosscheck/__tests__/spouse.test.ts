/**
 * The heirs' statement names the deceased's spouse and marks an heir *Istri* or *Suami*: a resident
 * whose answers disagree is asked back in plain words before the request is sent.
 */
import { defaultCatalog, loadCatalog } from '../../catalog';
import { currentField } from '../../conversation/flow';
import catalogJson from '../../../../templates/catalog.json';
import { Chat, answerFor } from '../../../../test/support/chat';
import { spouseVerdict, type SpouseRule } from '../spouse';

const catalog = defaultCatalog();
const service = catalog.services.find((s) => s.key === 'ahli-waris')!;
const messages = catalog.messages!;

/** A man's NIK (born 17-08-1955) and a woman's (day + 40). */
const MAN = '3577011708550001';
const WOMAN = '3577015708550001';

interface Heir {
	nama: string;
	hubungan: string;
}

/** Requests the heirs' statement and answers up to the summary with these deceased and heirs. */
function fill(chat: Chat, deceasedNik: string, spouse: string, heirs: Heir[]): void {
	chat.text('halo');
	chat.list('menu:request', 'Ajukan surat');
	chat.list(service.key, service.title);
	chat.button('continue', 'Lanjut');
	for (let guard = 0; guard < 300 && chat.state !== 'summary'; guard++) {
		const s = chat.session!;
		if (s.state === 'field') answer(chat, deceasedNik, spouse, heirs);
		else if (s.state === 'nik_confirm') chat.text('ya');
		else if (s.state === 'record_more') {
			const list = currentListKey(chat);
			const wanted = list === 'ahli_waris' ? heirs.length : 1;
			chat.text(s.pos!.record! < wanted ? 'tambah' : 'selesai');
		} else if (s.state === 'document') {
			const doc = service.documents[s.pos!.document!];
			chat.photo(`media-${doc.key}`);
			if (chat.session!.state === 'document' && chat.session!.pos!.document === s.pos!.document)
				chat.text('selesai');
		} else throw new Error(`unexpected state ${s.state}: ${chat.said}`);
	}
	expect(chat.state).toBe('summary');
}

function currentListKey(chat: Chat): string {
	return service.fields[chat.session!.pos!.field!].key;
}

function answer(chat: Chat, deceasedNik: string, spouse: string, heirs: Heir[]): void {
	const { field, parent, record } = currentField(service, chat.session!)!;
	if (parent?.key === 'ahli_waris' && (field.key === 'nama' || field.key === 'hubungan'))
		return void chat.text(heirs[record!][field.key]);
	if (field.key === 'almarhum_nik') return void chat.text(deceasedNik);
	if (field.key === 'almarhum_tanggal_lahir') return void chat.text('17-08-1955');
	if (field.key === 'almarhum_tanggal_meninggal') return void chat.text('05-03-2026');
	if (field.key === 'pasangan_nama') return void chat.text(spouse);
	chat.text(answerFor(field).text);
}

/** Fills the request with these answers and taps *Kirim* on the summary. */
function confirm(deceasedNik: string, spouse: string, heirs: Heir[], onCatalog = catalog): Chat {
	const chat = new Chat(onCatalog);
	fill(chat, deceasedNik, spouse, heirs);
	chat.button('confirm', 'Kirim');
	return chat;
}

const submitted = (chat: Chat) => chat.events.some((e) => e.type === 'submitted');

const say = (key: string) => messages[key].split('{')[0];

describe("the spouse in an heirs' statement", () => {
	const CHILD = { nama: 'Budi Santoso', hubungan: 'Anak Kandung' };
	it.each([
		{ family: 'a widow named and marked Istri', spouse: 'Siti Aminah', heir: 'Istri' },
		{ family: 'no spouse named, only children', spouse: '-', heir: 'Anak Kandung' },
	])('$family: the request is sent', ({ spouse, heir }) => {
		const first = { nama: spouse === '-' ? 'Rina Marlina' : spouse, hubungan: heir };
		expect(submitted(confirm(MAN, spouse, [first, CHILD]))).toBe(true);
	});

	it('a deceased woman whose spouse is marked Istri is asked to pick Suami, and the heirs are asked again', () => {
		const chat = confirm(WOMAN, 'Bambang Sutrisno', [
			{ nama: 'Bambang Sutrisno', hubungan: 'Istri' },
			CHILD,
		]);
		expect(submitted(chat)).toBe(false);
		expect(chat.said).toContain(
			'Menurut NIK almarhum/almarhumah, beliau perempuan, jadi suami/istrinya ditulis *Suami*, bukan *Istri* (Bambang Sutrisno)',
		);
		// The heirs list starts again from its first heir.
		const asked = currentField(service, chat.session!)!;
		expect([asked.parent?.key, asked.record, asked.field.key]).toEqual(['ahli_waris', 0, 'nama']);
	});

	it('a named spouse who is not the heir marked Istri is asked for again, and a matching name sends it', () => {
		const chat = confirm(MAN, 'Siti Aminah', [{ nama: 'Sri Wahyuni', hubungan: 'Istri' }, CHILD]);
		expect(chat.said).toContain(
			'Suami/istri almarhum/almarhumah ditulis *Siti Aminah*, tetapi tidak ada ahli waris bernama Siti Aminah dengan hubungan *Istri*',
		);
		expect(currentField(service, chat.session!)!.field.key).toBe('pasangan_nama');
		// Capitals and spaces do not matter.
		chat.text('sri  wahyuni');
		expect(chat.state).toBe('summary');
		chat.button('confirm', 'Kirim');
		expect(submitted(chat)).toBe(true);
	});

	it('an heir marked Istri while no spouse was named is asked about', () => {
		const chat = confirm(MAN, '-', [{ nama: 'Sri Wahyuni', hubungan: 'Istri' }, CHILD]);
		expect(chat.said).toContain('Sri Wahyuni ditandai sebagai *Istri* almarhum/almarhumah');
		expect(currentField(service, chat.session!)!.field.key).toBe('pasangan_nama');
	});

	it('a deceased woman has one husband: a second Suami is refused', () => {
		const chat = confirm(WOMAN, 'Bambang Sutrisno', [
			{ nama: 'Bambang Sutrisno', hubungan: 'Suami' },
			{ nama: 'Joko Santoso', hubungan: 'Suami' },
		]);
		expect(chat.said).toContain(
			'Ada 2 ahli waris yang ditandai suami/istri (Bambang Sutrisno, Joko Santoso), padahal paling banyak 1 orang',
		);
		expect(submitted(chat)).toBe(false);
	});

	it("a deceased man's second wife is taken when the catalog allows it (maxWives), not otherwise", () => {
		const heirs = [
			{ nama: 'Siti Aminah', hubungan: 'Istri' },
			{ nama: 'Sri Wahyuni', hubungan: 'Istri' },
		];
		const chat = confirm(MAN, 'Siti Aminah', heirs);
		expect(submitted(chat)).toBe(true);

		const json = JSON.parse(JSON.stringify(catalogJson)) as {
			services: Array<{ key: string; rules?: Array<Record<string, unknown>> }>;
		};
		const rule = json.services
			.find((s) => s.key === 'ahli-waris')!
			.rules!.find((r) => r.kind === 'spouse')!;
		delete rule.maxWives;
		const strict = confirm(MAN, 'Siti Aminah', heirs, loadCatalog(json));
		expect(strict.said).toContain(say('rule.ahliWaris.spouse.second'));
		expect(submitted(strict)).toBe(false);
	});
});

describe('the spouse rule read from the catalog', () => {
	const rule = service.rules!.find((r) => r.kind === 'spouse') as SpouseRule;

	it('gives no verdict before the heirs are listed', () => {
		expect(spouseVerdict(rule, { pasangan_nama: 'Siti', almarhum_nik: MAN })).toBeUndefined();
	});

	it('without a readable NIK still refuses two spouses of different words', () => {
		const verdict = spouseVerdict(rule, {
			almarhum_nik: 'rusak',
			pasangan_nama: 'Siti Aminah',
			ahli_waris: [
				{ nama: 'Siti Aminah', hubungan: 'Istri' },
				{ nama: 'Joko', hubungan: 'Suami' },
			],
		});
		expect(verdict?.problem).toBe('second');
	});

	it.each([
		[{ wife: 'Bini' }, '"Bini" is not an option of "hubungan"'],
		[{ name: 'nama_lengkap' }, '"nama_lengkap" is not a field of "ahli_waris"'],
		[{ field: 'pasangan_nama' }, '"pasangan_nama" is not a records field'],
		[{ maxWives: 0 }, 'expected a whole number from 1'],
	])('refuses a rule written as %j', (change, error) => {
		const json = JSON.parse(JSON.stringify(catalogJson)) as {
			services: Array<{ key: string; rules?: Array<Record<string, unknown>> }>;
		};
		Object.assign(
			json.services.find((s) => s.key === 'ahli-waris')!.rules!.find((r) => r.kind === 'spouse')!,
			change,
		);
		expect(() => loadCatalog(json)).toThrow(error);
	});

	it('needs each of its four messages', () => {
		const json = JSON.parse(JSON.stringify(catalogJson)) as {
			messages: Record<string, string>;
		};
		delete json.messages['rule.ahliWaris.spouse.unnamed'];
		expect(() => loadCatalog(json)).toThrow('no message "rule.ahliWaris.spouse.unnamed"');
	});
});
