// A second kelurahan runs the same package by editing only data: its own catalog (office name,
// one service, a changed greeting) and its own letterhead and signatory. A short journey from
// greeting to submission, then its letter, show nothing of the default office.
import { loadCatalog } from '../../nodes/domain/catalog';
import defaultJson from '../../templates/catalog.json';
import { renderLetter, DEFAULT_SIGNATORY, LETTER_TEMPLATES } from '../../nodes/domain/letter';
import { readPdf, squash } from '../support/pdfText';
import { Chat, answerCurrent } from '../support/chat';
import type { DeskEvent } from '../../nodes/domain/conversation';

// What an admin does: copy the default catalog, keep the services the office offers, rename the
// office, and change a text or two.
const domisili = defaultJson.services.find((s) => s.key === 'domisili')!;
const catalog = loadCatalog({
	office: { name: 'Kelurahan Nambangan Lor', hours: 'Senin–Jumat 08.00–15.00' },
	messages: {
		...defaultJson.messages,
		'greeting.noname': 'Sugeng rawuh di layanan surat *{office}*. Silakan pilih menu.',
	},
	fieldSets: defaultJson.fieldSets,
	services: [{ ...domisili, documents: domisili.documents.filter((d) => d.key === 'ktp') }],
});

describe('another office', () => {
	it('talks with its own name and services, and prints its own letterhead', async () => {
		const chat = new Chat(catalog, '6281500000014');
		chat.send({ type: 'text', text: 'halo', name: '' });
		expect(chat.said).toContain('Sugeng rawuh di layanan surat *Kelurahan Nambangan Lor*');
		expect(chat.said).not.toContain('Oro-Oro Ombo');

		const service = catalog.services[0];
		chat.list('menu:request', 'Ajukan surat');
		chat.list(service.key, service.title);
		chat.button('continue', 'Lanjut');
		while (chat.state === 'field') answerCurrent(chat, service);
		expect(chat.state).toBe('document');
		chat.photo('media-ktp');
		if (chat.state !== 'summary') chat.text('selesai');
		chat.button('confirm', 'Kirim');
		const submitted = chat.events.find(
			(e): e is Extract<DeskEvent, { type: 'submitted' }> => e.type === 'submitted',
		);
		expect(submitted?.application.serviceKey).toBe('domisili');

		expect(catalog.services).toHaveLength(1);
		const { pdf } = await renderLetter({
			templateName: 'domisili',
			template: LETTER_TEMPLATES.domisili,
			application: {
				...submitted!.application,
				data: { ...submitted!.application.data, nik: '3577020101900001' },
			},
			letterhead: {
				government: ['PEMERINTAH KOTA MADIUN', 'KECAMATAN MANGUHARJO'],
				office: 'KELURAHAN NAMBANGAN LOR',
				address: 'Jl. Contoh Lain No. 2 Madiun',
				place: 'Madiun',
				area: 'Kelurahan Nambangan Lor, Kecamatan Manguharjo, Kota Madiun',
				issuer: 'Lurah Nambangan Lor, Kecamatan Manguharjo, Kota Madiun',
				countersigner: 'CAMAT MANGUHARJO',
			},
			signatory: {
				...DEFAULT_SIGNATORY,
				title: 'LURAH NAMBANGAN LOR',
				name: 'Sri Wahyuni, S.Sos.',
			},
			number: '400.12.2.1/007/401.302.5/2026',
			date: '2026-05-05',
			verificationCode: 'ABCDEFGHIJKLMNOPQRSTU',
			verificationUrl: 'https://surat.example.go.id/v/ABCDEFGHIJKLMNOPQRSTU',
		});
		const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
		expect(text).toContain('KELURAHAN NAMBANGAN LOR');
		expect(text).toContain('KECAMATAN MANGUHARJO');
		expect(text).toContain('Sri Wahyuni');
		expect(text).not.toMatch(/ORO-ORO OMBO|Oro-Oro Ombo|KARTOHARJO/);
	});
});
