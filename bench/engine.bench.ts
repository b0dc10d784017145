/**
 * Conversation engine throughput: realistic full conversations (menu → service → every field →
 * documents → summary → submit) for every service of the default catalog, replayed with the
 * session stored as JSON between steps as the workflow does. Prints steps/s and session bytes.
 */
import { defaultCatalog } from '../nodes/domain/catalog';
import type { FieldSpec } from '../nodes/domain/catalog/types';
import { step, type Session } from '../nodes/domain/conversation';
import { currentField } from '../nodes/domain/conversation/flow';
import type { InboundMessage } from '../nodes/domain/messaging/types';

const catalog = defaultCatalog();
const NIK = '3577011708900001';

function answer(field: FieldSpec): string {
	const rules = field.validation ?? {};
	const byType: Partial<Record<string, string>> = {
		date: '17-08-1990',
		choice: '1',
		nik: NIK,
		kk: '3577010101150003',
		year: '2015',
		money: '1,5 juta',
		phone: '081234567890',
		number: String(rules.min ?? 2),
	};
	if (byType[field.type]) return byType[field.type]!;
	if (rules.pattern === '[0-9]{1,3}') return '5';
	if (rules.pattern?.includes('[0-9 .]')) return NIK;
	if (rules.pattern) return '197001011995031001';
	return 'Isian contoh yang cukup panjang'.slice(0, rules.maxLength ?? 100);
}

/** Records the inbound messages of one resident's full conversation for a service (2 records per list). */
function script(serviceKey: string, waId: string): InboundMessage[] {
	const service = catalog.services.find((s) => s.key === serviceKey)!;
	const messages: InboundMessage[] = [];
	let session: Session | null = null;
	const now = new Date('2026-05-05T02:00:00Z');
	const send = (m: Partial<InboundMessage>) => {
		const full = {
			provider: 'b',
			businessNumber: '1',
			from: waId,
			name: 'Budi',
			messageId: `m${messages.length}`,
			timestamp: '',
			type: 'text',
			text: '',
			...m,
		} as InboundMessage;
		messages.push(full);
		session = step(session, full, catalog, now).session;
	};
	send({ text: 'halo' });
	send({ type: 'list_reply', replyId: 'menu:request', text: 'Ajukan surat' });
	send({ type: 'list_reply', replyId: serviceKey, text: service.title });
	send({ type: 'button_reply', replyId: 'continue', text: 'Lanjut' });
	for (let guard = 0; guard < 400 && session!.state !== 'summary'; guard++) {
		const s: Session = session!;
		if (s.state === 'field') send({ text: answer(currentField(service, s)!.field) });
		else if (s.state === 'record_more') send({ text: s.pos!.record! < 2 ? 'tambah' : 'selesai' });
		else if (s.state === 'document') {
			const d = s.pos!.document;
			send({ type: 'image', media: { id: `media${messages.length}`, mimeType: 'image/jpeg' } });
			if (session!.state === 'document' && session!.pos!.document === d) send({ text: 'selesai' });
		} else throw new Error(`unexpected state ${s.state}`);
	}
	send({ text: 'kirim' });
	return messages;
}

const scripts = catalog.services.map((s, i) => script(s.key, `62812000000${i}`));
const totalSteps = scripts.reduce((n, s) => n + s.length, 0);

let largest = 0;
let largestService = '';
function replay(measureSize: boolean): number {
	let steps = 0;
	const now = new Date('2026-05-05T02:00:00Z');
	scripts.forEach((messages, i) => {
		let stored = 'null';
		for (const message of messages) {
			const result = step(JSON.parse(stored), message, catalog, now);
			stored = JSON.stringify(result.session);
			if (measureSize && stored.length > largest) {
				largest = Buffer.byteLength(stored);
				largestService = catalog.services[i].key;
			}
			steps++;
		}
	});
	return steps;
}

replay(true);
for (let i = 0; i < 20; i++) replay(false); // warm up
const rounds = 200;
const started = performance.now();
let steps = 0;
for (let i = 0; i < rounds; i++) steps += replay(false);
const seconds = (performance.now() - started) / 1000;

console.log(
	`conversations: ${scripts.length} services, ${totalSteps} steps per round (${(totalSteps / scripts.length).toFixed(0)} per conversation), ${rounds} rounds`,
);
console.log(
	`steps per second (one core, incl. JSON load/save of the session): ${Math.round(steps / seconds).toLocaleString('en')}`,
);
console.log(`mean step: ${((seconds / steps) * 1e6).toFixed(1)} µs`);
console.log(
	`largest stored session: ${largest.toLocaleString('en')} bytes (JSON, ${largestService})`,
);
