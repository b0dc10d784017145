// Shared by the conversation tests: talking a resident through a whole service. A support file,
// not a test file, so no test runs twice by being imported.
import type { ResolvedService } from '../../catalog/types';
import { currentField } from '../flow';
import { Chat, answerCurrent, recordsWanted } from '../../../../test/support/chat';

/**
 * Answers that make a real family where a service's rules check one: the heirs' statement
 * names no surviving spouse and lists the deceased's children (its spouse rule).
 */
const FAMILY: Record<string, Record<string, { text: string; value: unknown }>> = {
	'ahli-waris': {
		pasangan_nama: { text: '-', value: null },
		'ahli_waris.hubungan': { text: 'Anak Kandung', value: 'Anak Kandung' },
	},
};

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
			const parent = service.fields[s.pos!.field!];
			const family =
				FAMILY[service.key]?.[record === undefined ? field.key : `${parent.key}.${field.key}`];
			const answered = answerCurrent(
				chat,
				service,
				family ??
					(options.length ? { text: String(pick + 1), value: options[pick].label } : undefined),
			);
			for (const key of chat.session!.derived ?? []) data[key] = chat.session!.values[key];
			const top = service.fields[s.pos!.field!];
			if (answered.record === undefined) data[answered.key] = answered.value;
			else {
				const list = (data[top.key] ??= []) as Array<Record<string, unknown>>;
				(list[answered.record] ??= {})[answered.key] = answered.value;
			}
		} else if (s.state === 'nik_confirm') {
			// The birth date and sex read from the NIK: confirmed, then not asked.
			chat.text('ya');
			for (const key of chat.session!.derived ?? []) data[key] = chat.session!.values[key];
		} else if (s.state === 'record_more') {
			const field = service.fields[s.pos!.field!];
			if (s.pos!.record! < recordsWanted(field)) chat.button('add', 'Tambah');
			else chat.text('selesai');
			data[field.key] ??= [];
		} else if (s.state === 'document') {
			const doc = service.documents[s.pos!.document!];
			expect(chat.said).toContain(doc.label);
			const files = Math.min(doc.max, Math.max(doc.min, 1));
			documents[doc.key] = [];
			for (let i = 0; i < files; i++) {
				const id = `media-${doc.key}-${i}`;
				chat.photo(id);
				documents[doc.key].push(id);
			}
			if (chat.session!.state === 'document' && chat.session!.pos!.document === s.pos!.document) {
				expect(chat.said).toContain('selesai');
				chat.text('selesai');
			}
		} else {
			throw new Error(`unexpected state ${s.state}: ${chat.said}`);
		}
	}
	return { data, documents };
}
