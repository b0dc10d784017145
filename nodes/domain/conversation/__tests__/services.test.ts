import { defaultCatalog } from '../../catalog';
import { parseTap } from '../ids';
import type { Application } from '..';
import { MASKED_NIK, NIK, Chat } from '../../../../test/support/chat';
import { fillService } from './fill';

const catalog = defaultCatalog();

describe('a full conversation to submission, for every service in the default catalog', () => {
	// Which services these are (all nine, in order) is the default catalog's own test.
	it.each(catalog.services.map((s) => [s.key, s] as const))('%s', (_key, service) => {
		const chat = new Chat(catalog);
		chat.text('halo');
		// Bapak/Ibu, not the WhatsApp profile name ("Budi" here, often a nickname or emoji).
		expect(chat.said).toContain('Halo Bapak/Ibu!');
		expect(chat.said).not.toContain('Budi');
		expect(chat.last.replies[1]).toMatchObject({ type: 'list' });
		chat.list('menu:request', 'Ajukan surat');
		const menu = chat.last.replies[0];
		expect(menu.type === 'list' && menu.sections[0].rows.map((r) => parseTap(r.id)?.local)).toEqual(
			catalog.services.map((s) => s.key),
		);
		chat.list(service.key, service.title);
		for (const doc of service.documents) expect(chat.said).toContain(doc.label);
		chat.button('continue', 'Lanjut');

		const { data, documents } = fillService(chat, service);
		const summary = chat.said;
		expect(summary).toContain(service.title);
		expect(summary).toContain(MASKED_NIK);
		expect(summary).not.toContain(NIK);
		expect(chat.last.replies[chat.last.replies.length - 1]).toMatchObject({ type: 'buttons' });

		chat.text('kirim');
		const events = chat.last.events;
		expect(events).toHaveLength(1);
		expect(events[0].type).toBe('submitted');
		const app = (events[0] as { application: Application }).application;
		expect(app.ticket).toMatch(/^[A-Z0-9]{2,5}-[0-9A-HJKMNP-TV-Z]{7}$/);
		expect(chat.said).toContain(app.ticket);
		expect(app).toMatchObject({
			serviceKey: service.key,
			serviceTitle: service.title,
			waId: '6281234567890',
			name: 'Budi',
			submittedAt: chat.now.toISOString(),
			letter: {
				template: service.letter.template,
				title: service.letter.title,
				classification: service.letter.classification,
			},
		});
		for (const field of service.fields) {
			expect(app.data[field.key]).toEqual(data[field.key] ?? null);
		}
		for (const doc of service.documents) {
			expect(app.documents[doc.key].map((f) => f.id)).toEqual(documents[doc.key] ?? []);
			for (const file of app.documents[doc.key]) expect(file.mimeType).toBe('image/jpeg');
		}
		expect(app.data.nik).toBe(NIK);
		expect(chat.state).toBe('idle');
		expect(JSON.stringify(chat.session).length).toBeLessThan(4000);
	});
});
