/**
 * Sessions saved by version 1 (terse keys: `pos: { f, r, s, d }`, edit items `'f:<key>'`,
 * `shown: [{ h, f }]`, `sent: [{ d, t }]`) load and carry on exactly as the session the current
 * version would have saved at the same point: same replies, same next state. Residents mid-request
 * during an upgrade notice nothing, and the buttons of messages sent before it still work.
 */
import { defaultCatalog } from '../../catalog';
import type { ResolvedService } from '../../catalog/types';
import { loadSession } from '../session';
import type { Session } from '..';
import type { OutboundReply } from '../../messaging/types';
import defaultMessages from '../../../../templates/messages.json';
import { currentField } from '../flow';
import { answerCurrent, answerFor, Chat, NIK } from '../../../../test/support/chat';

const catalog = defaultCatalog();
const messages = defaultMessages as Record<string, string>;
const service = (key: string): ResolvedService => catalog.services.find((s) => s.key === key)!;

const V1_POSITION = { field: 'f', record: 'r', subField: 's', document: 'd' } as const;

function positionV1(pos: Record<string, number> | undefined) {
	if (!pos) return undefined;
	return Object.fromEntries(
		Object.entries(pos).map(([k, v]) => [V1_POSITION[k as keyof typeof V1_POSITION], v]),
	);
}

const itemV1 = (item: string) => item.replace(/^field:/, 'f:').replace(/^document:/, 'd:');

/** The session as version 1 stored it: the same content under its terse keys. */
function asVersion1(session: Session): Record<string, unknown> {
	const json = JSON.parse(JSON.stringify(session));
	json.v = 1;
	if (json.pos) json.pos = positionV1(json.pos);
	if (json.edit) json.edit = json.edit.map(itemV1);
	json.history = json.history.map((entry: Record<string, unknown>) => ({
		...entry,
		...(entry.pos ? { pos: positionV1(entry.pos as Record<string, number>) } : {}),
		...(entry.edit ? { edit: (entry.edit as string[]).map(itemV1) } : {}),
	}));
	if (json.sent)
		json.sent = json.sent.map((x: { id: string; ticket: string }) => ({ d: x.id, t: x.ticket }));
	if (json.shown)
		json.shown = json.shown.map((x: { signature: string; items: Record<string, string> }) => ({
			h: x.signature,
			f: Object.fromEntries(Object.entries(x.items).map(([k, v]) => [itemV1(k), v])),
		}));
	return json;
}

/** Two residents at the same point: one saved by this version, one by version 1. */
function twins(chat: Chat): [Chat, Chat] {
	const upgraded = new Chat(catalog, chat.waId, chat.now);
	upgraded.session = asVersion1(chat.session!) as unknown as Session;
	upgraded.count = chat.count;
	upgraded.last = chat.last;
	const current = new Chat(catalog, chat.waId, chat.now);
	current.session = JSON.parse(JSON.stringify(chat.session));
	current.count = chat.count;
	current.last = chat.last;
	return [current, upgraded];
}

/** Both twins get `act`; the replies and the saved sessions must be the same. */
function expectSameFuture(chat: Chat, act: (c: Chat) => void): Chat {
	const [current, upgraded] = twins(chat);
	act(current);
	act(upgraded);
	expect(upgraded.last.replies).toEqual(current.last.replies);
	expect(upgraded.session).toEqual(current.session);
	return upgraded;
}

/** From the menu into `key`'s request, answering until `until` holds. */
function drive(key: string, until: (chat: Chat) => boolean): Chat {
	const svc = service(key);
	const chat = new Chat(catalog);
	chat.text('halo');
	chat.list('menu:request');
	chat.list(key);
	chat.button('continue');
	for (let turn = 0; turn < 200 && !until(chat); turn++) {
		if (chat.state === 'reuse') chat.text(NIK.slice(-4));
		else if (chat.state === 'field') answerCurrent(chat, svc);
		else if (chat.state === 'nik_confirm') chat.text('ya');
		else if (chat.state === 'record_more') chat.text('selesai');
		else if (chat.state === 'document') chat.photo(`photo-${turn}`);
		else throw new Error(`unexpected state ${chat.state}`);
	}
	expect(until(chat)).toBe(true);
	return chat;
}

/** What the resident types for the question being asked (read from the current session). */
function answerText(chat: Chat, key: string): string {
	const current = currentField(service(key), chat.session!);
	expect(current).toBeDefined();
	return answerFor(current!.field).text;
}

const buttonsOf = (reply: OutboundReply | undefined) =>
	reply?.type === 'buttons'
		? reply.buttons
		: reply?.type === 'list'
			? reply.sections.flatMap((s) => s.rows)
			: [];
const lastOptions = (chat: Chat) => chat.last.replies.flatMap(buttonsOf);

describe('a session saved by version 1', () => {
	it('is upgraded on load: readable keys, version 2, nothing else lost', () => {
		const chat = drive('domisili', (c) => c.state === 'field' && (c.session!.pos!.field ?? 0) >= 2);
		const loaded = loadSession(asVersion1(chat.session!), chat.waId, 'Budi', chat.now);
		expect(loaded).toEqual(chat.session);
		expect(loaded.v).toBe(2);
		expect(loaded.pos).toEqual({ field: chat.session!.pos!.field });
	});

	it('mid-request: the next answer is taken as the same question', () => {
		const chat = drive('domisili', (c) => c.state === 'field' && (c.session!.pos!.field ?? 0) >= 2);
		const upgraded = expectSameFuture(chat, (c) => c.text(answerText(chat, 'domisili')));
		expect(upgraded.session!.pos!.field).toBeGreaterThan(chat.session!.pos!.field!);
	});

	it('mid-records: the heir and the heir field being asked are kept', () => {
		const chat = drive(
			'ahli-waris',
			(c) => c.state === 'field' && (c.session!.pos!.subField ?? 0) >= 1,
		);
		const where = chat.session!.pos!;
		const upgraded = expectSameFuture(chat, (c) => c.text(answerText(chat, 'ahli-waris')));
		expect(upgraded.session!.pos).toEqual({ ...where, subField: where.subField! + 1 });
	});

	it('mid-documents: a photo goes to the document being asked', () => {
		const chat = drive('domisili', (c) => c.state === 'document');
		const doc = service('domisili').documents[chat.session!.pos!.document!];
		const upgraded = expectSameFuture(chat, (c) => c.photo('after-upgrade'));
		expect(upgraded.session!.docs[doc.key]).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: 'after-upgrade' })]),
		);
	});

	it('with pending edits: the fields still to re-ask come next, then the summary', () => {
		const chat = drive('domisili', (c) => c.state === 'summary');
		chat.button('change');
		// The change list is numbered text: the resident types the NIK's number.
		const fields = service('domisili').fields;
		chat.text(String(fields.findIndex((f) => f.type === 'nik') + 1));
		expect(chat.state).toBe('field');
		let upgraded = expectSameFuture(chat, (c) => c.text(answerText(chat, 'domisili')));
		for (let turn = 0; turn < 10 && upgraded.state !== 'summary'; turn++)
			upgraded = expectSameFuture(upgraded, (c) =>
				c.text(upgraded.state === 'field' ? answerText(upgraded, 'domisili') : 'ya'),
			);
		expect(upgraded.state).toBe('summary');
	});

	it('back with *kembali* returns to the question kept in its history', () => {
		const chat = drive('domisili', (c) => c.state === 'field' && (c.session!.pos!.field ?? 0) >= 3);
		const upgraded = expectSameFuture(chat, (c) => c.text('kembali'));
		expect(upgraded.session!.pos!.field).toBeLessThan(chat.session!.pos!.field!);
	});

	it("an earlier message's field button is still answered", () => {
		const chat = drive(
			'domisili',
			(c) =>
				c.state === 'field' && service('domisili').fields[c.session!.pos!.field!].type === 'choice',
		);
		const option = lastOptions(chat)[0];
		expect(option.id).toContain('~fld~');
		const upgraded = expectSameFuture(chat, (c) => c.button(option.id, option.title));
		expect(upgraded.session!.pos!.field).toBeGreaterThan(chat.session!.pos!.field!);
	});

	it("an old summary's *Kirim* names what changed since, from version 1's signatures", () => {
		const chat = drive('domisili', (c) => c.state === 'summary');
		const kirim = lastOptions(chat).find((o) => o.title === messages['button.confirm'])!;
		chat.button('change');
		const field = service('domisili').fields.find((f) => f.type === 'text')!;
		chat.text(String(service('domisili').fields.indexOf(field) + 1));
		chat.text('Nilai yang diganti');
		expect(chat.state).toBe('summary');
		const upgraded = expectSameFuture(chat, (c) => c.button(kirim.id, kirim.title));
		expect(upgraded.said).toContain(field.label);
		expect(upgraded.events.filter((e) => e.type === 'submitted')).toHaveLength(0);
	});

	it('a sent draft is named by its ticket when its old button is tapped', () => {
		const chat = drive('domisili', (c) => c.state === 'summary');
		const kirim = lastOptions(chat).find((o) => o.title === messages['button.confirm'])!;
		chat.button(kirim.id, kirim.title);
		const ticket = chat.events.find((e) => e.type === 'submitted')!;
		expect(ticket).toBeDefined();
		const upgraded = expectSameFuture(chat, (c) => c.button(kirim.id, kirim.title));
		expect(upgraded.said).toContain(
			(ticket as { application: { ticket: string } }).application.ticket,
		);
	});

	it('a hand-written version 1 session mid-documents (as stored in the Data Table) carries on', () => {
		const svc = service('domisili');
		const stored = {
			v: 1,
			waId: '6281234567890',
			name: 'Budi',
			state: 'document',
			at: '2026-05-05T02:00:00.000Z',
			seen: ['wamid.old.1'],
			service: 'domisili',
			mode: 'request',
			pos: { d: 1 },
			values: {},
			docs: { [svc.documents[0].key]: [{ id: 'ktp', mimeType: 'image/jpeg' }] },
			history: [{ state: 'document', pos: { d: 0 } }],
			edit: ['d:' + svc.documents[1].key],
			draft: 'abc123',
			sent: [{ d: 'old999', t: 'SKD-OLD0001' }],
			shown: [{ h: 'zzzzzz', f: { [`d:${svc.documents[0].key}`]: 'ab12' } }],
		};
		const session = loadSession(stored, stored.waId, 'Budi', new Date('2026-05-05T02:05:00Z'));
		expect(session).toMatchObject({
			v: 2,
			state: 'document',
			pos: { document: 1 },
			history: [{ state: 'document', pos: { document: 0 } }],
			edit: [`document:${svc.documents[1].key}`],
			draft: 'abc123',
			sent: [{ id: 'old999', ticket: 'SKD-OLD0001' }],
			shown: [{ signature: 'zzzzzz', items: { [`document:${svc.documents[0].key}`]: 'ab12' } }],
		});
		const chat = new Chat(catalog, stored.waId, new Date('2026-05-05T02:05:00Z'));
		chat.session = stored as unknown as Session;
		chat.photo('second-document');
		expect(chat.session!.docs[svc.documents[1].key]).toEqual([
			expect.objectContaining({ id: 'second-document' }),
		]);
		chat.button('done~doc~old999~1');
		expect(chat.said).toContain('SKD-OLD0001');
	});
});
