import { defaultCatalog } from '../../../../nodes/shared/catalog';
import type { ResolvedService } from '../../../../nodes/shared/catalog/types';
import type { Application } from '../../../../nodes/shared/conversation';
import { currentField } from '../../../../nodes/shared/conversation/flow';
import { MASKED_NIK, NIK, Chat, answerCurrent, recordsWanted } from './chat';

const catalog = defaultCatalog();

/** Talks a resident through one service to the summary; returns the data the engine should hold. */
export function fillService(
	chat: Chat,
	service: ResolvedService,
): {
	data: Record<string, unknown>;
	documents: Record<string, string[]>;
} {
	const data: Record<string, unknown> = {};
	const documents: Record<string, string[]> = {};
	// A choice the catalog's rules refuse (status Belum Kawin for a janda letter) is asked
	// again: the next option is tried.
	const asked: Record<string, number> = {};
	for (let guard = 0; guard < 500 && chat.state !== 'summary'; guard++) {
		const s = chat.session!;
		if (s.state === 'field') {
			const { field, record } = currentField(service, s)!;
			const at = `${field.key}#${record ?? ''}`;
			const tries = (asked[at] = (asked[at] ?? -1) + 1);
			const options = field.type === 'choice' ? field.options! : [];
			const pick = options.length ? tries % options.length : 0;
			const answered = answerCurrent(
				chat,
				service,
				options.length ? { text: String(pick + 1), value: options[pick].label } : undefined,
			);
			const top = service.fields[s.pos!.f!];
			if (answered.record === undefined) data[answered.key] = answered.value;
			else {
				const list = (data[top.key] ??= []) as Array<Record<string, unknown>>;
				(list[answered.record] ??= {})[answered.key] = answered.value;
			}
		} else if (s.state === 'record_more') {
			const field = service.fields[s.pos!.f!];
			if (s.pos!.r! < recordsWanted(field)) chat.button('add', 'Tambah');
			else chat.text('selesai');
			data[field.key] ??= [];
		} else if (s.state === 'document') {
			const doc = service.documents[s.pos!.d!];
			expect(chat.said).toContain(doc.label);
			const files = Math.min(doc.max, Math.max(doc.min, 1));
			documents[doc.key] = [];
			for (let i = 0; i < files; i++) {
				const id = `media-${doc.key}-${i}`;
				chat.photo(id);
				documents[doc.key].push(id);
			}
			if (chat.session!.state === 'document' && chat.session!.pos!.d === s.pos!.d) {
				expect(chat.said).toContain('selesai');
				chat.text('selesai');
			}
		} else {
			throw new Error(`unexpected state ${s.state}: ${chat.said}`);
		}
	}
	return { data, documents };
}

describe('a full conversation to submission, for every service in the default catalog', () => {
	it('has the nine services of the reference office', () => {
		expect(catalog.services.map((s) => s.key)).toEqual(
			expect.arrayContaining([
				'sku-kur',
				'taspen',
				'ahli-waris',
				'pengantar-skck',
				'beasiswa',
				'kehilangan',
				'sktm',
				'domisili',
				'belum-menikah',
			]),
		);
	});

	it.each(catalog.services.map((s) => [s.key, s] as const))('%s', (_key, service) => {
		const chat = new Chat(catalog);
		chat.text('halo');
		expect(chat.said).toContain('Budi');
		expect(chat.last.replies[1]).toMatchObject({ type: 'list' });
		chat.list('menu:request', 'Ajukan surat');
		const menu = chat.last.replies[0];
		expect(menu.type === 'list' && menu.sections[0].rows.map((r) => r.id)).toEqual(
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
