import { defaultCatalog } from '../../catalog';
import { parseTap } from '../ids';
import {
	describeService,
	makeTicket,
	normalizeTicket,
	noticeReplies,
	serviceMenu,
	statusReplies,
} from '..';
import { summaryText } from '../present';
import { textsFor } from '../texts';
import { expectWithinLimits } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const sku = catalog.services.find((s) => s.key === 'sku-kur')!;

describe('texts for the workflows', () => {
	it('answers a status question from the sheet rows, or says there is none', () => {
		expect(statusReplies([], catalog)[0].text).toContain('Belum ada pengajuan');
		const replies = statusReplies(
			[
				{
					ticket: 'SKU-7QX3KD0',
					serviceTitle: sku.title,
					status: 'Disetujui',
					submittedAt: '2026-05-05T02:00:00Z',
					letterNumber: '400.12.3.2/35/401.301.3/2026',
				},
				{
					ticket: 'SKD-ABCDEF0',
					serviceTitle: 'Domisili',
					status: 'Ditolak',
					note: 'Foto KTP buram',
				},
			],
			catalog,
		);
		expectWithinLimits(replies);
		expect(replies[0].text).toContain('SKU-7QX3KD0');
		expect(replies[0].text).toContain('5 Mei 2026');
		expect(replies[0].text).toContain('400.12.3.2/35/401.301.3/2026');
		expect(replies[0].text).toContain('Foto KTP buram');
	});

	it.each(['approved', 'rejected', 'fix', 'received'] as const)(
		'has a %s notice naming the ticket',
		(kind) => {
			const [reply] = noticeReplies(
				kind,
				{ ticket: 'SKU-7QX3KD0', serviceTitle: sku.title, note: 'alasan X', letterNumber: '1/2/3' },
				catalog,
			);
			expect(reply.text).toContain('SKU-7QX3KD0');
			expect(reply.text).not.toMatch(/\{\w+\}/);
		},
	);

	it('describes a service: every document and every field', () => {
		const text = describeService(sku, catalog);
		for (const doc of sku.documents) expect(text).toContain(doc.label);
		for (const field of sku.fields) expect(text).toContain(field.label);
	});

	it('says which lines apply only to some answers: the lost KTP is not asked for', () => {
		const lost = catalog.services.find((s) => s.key === 'kehilangan')!;
		const card = describeService(lost, catalog);
		expect(card).toContain('• KTP _(tidak perlu bila Dokumen yang hilang: KTP / KTP dan KK)_');
		const domisili = describeService(catalog.services.find((s) => s.key === 'domisili')!, catalog);
		expect(domisili).toContain('• Nomor KK _(bila Status tinggal: Terdaftar di KK kelurahan ini)_');
		// A line for everyone carries no condition.
		expect(card).toMatch(/• Surat pengantar RT\/RW\n/);
	});

	it('lists the services with their keys in the ids, within list limits', () => {
		const menu = serviceMenu(catalog);
		expectWithinLimits([menu]);
		expect(menu.type === 'list' && menu.sections[0].rows.map((r) => parseTap(r.id)?.local)).toEqual(
			catalog.services.map((s) => s.key),
		);
	});
});

describe('tickets', () => {
	const now = new Date('2026-05-05T02:00:00Z');
	it('are deterministic, prefixed by the letter title and distinct across messages', () => {
		expect(makeTicket(sku, '628123', 'm1', now)).toBe(makeTicket(sku, '628123', 'm1', now));
		expect(makeTicket(sku, '628123', 'm1', now)).toMatch(/^SKU-[0-9A-HJKMNP-TV-Z]{7}$/);
		const seen = new Set<string>();
		for (let i = 0; i < 20000; i++) seen.add(makeTicket(sku, `62812${i % 100}`, `wamid.${i}`, now));
		expect(seen.size).toBe(20000);
	});

	it('are read back forgivingly', () => {
		expect(normalizeTicket(' sku 7qx3kdo ')).toBe('SKU-7QX3KD0');
	});
});

describe('the summary before sending', () => {
	const lost = catalog.services.find((s) => s.key === 'kehilangan')!;
	const session = (lostItem: string) =>
		({
			values: { barang_hilang: lostItem },
			docs: { pengantar_rt: [{ mimeType: 'image/jpeg' }], kk: [{ mimeType: 'image/jpeg' }] },
		}) as unknown as Parameters<typeof summaryText>[2];
	const texts = textsFor(catalog);

	it('lists only the documents this request needs: no KTP line when the KTP was lost', () => {
		const ktpLost = summaryText(texts, lost, session('KTP'));
		expect(ktpLost).toContain('Kartu Keluarga: 1 file');
		expect(ktpLost).not.toMatch(/^• KTP:/m);
		const kkLost = summaryText(texts, lost, session('KK'));
		expect(kkLost).toMatch(/^• KTP:/m);
		expect(kkLost).not.toMatch(/^• Kartu Keluarga:/m);
	});
});
