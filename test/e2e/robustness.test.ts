// What arrives from outside is untrusted: two residents at once never see each other's data, a
// redelivered webhook is answered once, a forged or malformed payload changes nothing.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { executionsSince } from './support/clients';
import {
	catalog,
	submitRequest,
	fillRequestUntil,
	photoOf,
	Resident,
	said,
	templatePattern,
	word,
} from './support/resident';
import { nextUnpromptedMessage, rowOf } from './support/office';
import { sessionRows } from './support/sessions';
import { intakeWorkflow } from './support/stack-info';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;

async function deliverRaw(body: string, signature?: string): Promise<number> {
	const response = await fetch(`${stack().sandboxUrl}/api/webhooks/raw`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ body, signature }),
	});
	return ((await response.json()) as { webhookStatus: number }).webhookStatus;
}

const intakeId = () => intakeWorkflow(stack()).id;

describe('untrusted input', () => {
	it('two residents chatting at once each see only their own data, in their chats and rows', async () => {
		const people = [
			new Resident(stack(), '6281355551105', 'Ani'),
			new Resident(stack(), '6281366661106', 'Eko'),
		];
		const marks = (person: Resident) => [`${person.name} Khusus`, `Toko ${person.name}`];
		const tickets = await Promise.all(
			people.map((person) =>
				submitRequest(person, 'sku-kur', (field) =>
					field.key === 'nama'
						? marks(person)[0]
						: field.key === 'usaha_nama'
							? marks(person)[1]
							: undefined,
				),
			),
		);
		for (const [i, person] of people.entries()) {
			const other = people[1 - i];
			// The whole chat, every message both ways: the resident's own answers, none of the other's.
			const chat = JSON.stringify(await person.chat());
			for (const mark of marks(person)) expect(chat).toContain(mark);
			for (const mark of [...marks(other), tickets[1 - i], other.waId])
				expect(chat).not.toContain(mark);
			// The request's row in the sheet and the conversation's session row likewise.
			const row = JSON.stringify((await rowOf(stack(), tickets[i])).values);
			for (const mark of [...marks(person), person.waId]) expect(row).toContain(mark);
			for (const mark of [...marks(other), other.waId]) expect(row).not.toContain(mark);
			const sessions = JSON.stringify(await sessionRows(stack(), person.waId));
			expect(sessions).toContain(person.waId);
			for (const mark of [...marks(other), other.waId]) expect(sessions).not.toContain(mark);
		}
	});

	it('the same webhook delivered twice is answered once', async () => {
		const resident = new Resident(stack(), '6281377771107', 'Sari');
		await resident.say('halo');
		const first = await resident.say('bantuan');
		expect(first.length).toBeGreaterThan(0);
		const chat = await resident.chat();
		const helpId = chat.filter((msg) => msg.direction === 'in').at(-1)!.id;
		// Meta redelivers the very same message (same id) when it misses our 200.
		const again = await resident.send({ text: 'bantuan', messageId: helpId });
		expect(again).toHaveLength(0);
		const helps = (await resident.chat()).filter((msg) => said('help', msg.text));
		expect(helps).toHaveLength(1);
	});

	it('a forged signature is refused and runs nothing; a malformed body gets 400; a sender that is not a phone number runs nothing', async () => {
		const since = new Date();
		const payload = JSON.stringify({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: '1',
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: {
									display_phone_number: '1',
									phone_number_id: stack().config.phoneNumberId,
								},
								contacts: [{ profile: { name: 'Penipu' }, wa_id: '6281388881108' }],
								messages: [
									{
										from: '6281388881108',
										id: 'wamid.forged',
										timestamp: '1767225600',
										type: 'text',
										text: { body: 'halo' },
									},
								],
							},
						},
					],
				},
			],
		});
		const forged = createHmac('sha256', 'not-the-app-secret').update(payload).digest('hex');
		expect(await deliverRaw(payload, `sha256=${forged}`)).toBe(401);
		// No signature header at all.
		expect(await deliverRaw(payload, '')).toBe(401);

		// Correctly signed (the sandbox signs when no signature is given) but not a WhatsApp payload.
		expect(await deliverRaw('{"object": "whatsapp_business_account", "entry": "not a list"}')).toBe(
			400,
		);
		// Not JSON at all: n8n's own body parser refuses it before any workflow runs.
		expect(await deliverRaw('{"object": "whatsapp_business_acc')).toBe(422);

		// Correctly signed, from a sender that is not a phone number: answered (Meta would redeliver
		// anything else), refused with the reason in n8n's log, and no resident is made of it.
		const shortSender = payload
			.replace(/6281388881108/g, '12')
			.replace('wamid.forged', 'wamid.short');
		expect(await deliverRaw(shortSender)).toBe(200);
		await waitFor(
			() =>
				/WhatsApp trigger: refused a message from "12": a sender must be a phone number/.test(
					readFileSync(stack().n8nLogFile, 'utf8'),
				),
			{ timeoutMs: 30000, description: 'the refused sender logged with its reason' },
		);

		// A genuine message afterwards is the barrier: runs are not handled one at a time, so wait
		// until its run is listed and every run since `since` is over; a run a forgery had started
		// (before the genuine message was sent) is then listed too.
		const genuine = new Resident(stack(), '6281388880009', 'Warga Asli');
		await genuine.say('halo');
		const runs = await waitFor(
			async () => {
				const started = await executionsSince(stack(), {
					workflowId: intakeId(),
					since,
					includeData: true,
				});
				return started.some((r) => JSON.stringify(r.data).includes('6281388880009')) &&
					started.every((r) => !!r.stoppedAt)
					? started
					: undefined;
			},
			{ timeoutMs: 60000, description: "the genuine message's run listed, every run over" },
		);
		expect(runs).toHaveLength(1);
		expect(JSON.stringify(runs[0].data)).toContain('6281388880009');
		expect(JSON.stringify(runs[0].data)).not.toContain('wamid.forged');
		expect(JSON.stringify(runs[0].data)).not.toContain('wamid.short');
		const chat = (await (
			await fetch(`${stack().sandboxUrl}/api/residents/6281388881108/messages`)
		).json()) as unknown[];
		expect(chat.filter((msg) => (msg as { direction: string }).direction === 'out')).toHaveLength(
			0,
		);
	});
});

describe('talking to staff', () => {
	it('lists the resident for staff and keeps the bot quiet for them', async () => {
		const resident = new Resident(stack(), '6281377770013', 'Joko');
		await resident.say('halo');
		await resident.tap(m['menu.staff']);
		await resident.say('Saya ingin bertanya soal surat ahli waris ayah saya');
		expect(said('handoff.sent', resident.lastText)).toBe(true);
		const row = await waitFor(
			async () => {
				const response = await fetch(
					`${stack().sandboxUrl}/api/sheet?sheet=${encodeURIComponent('Bicara Petugas')}`,
				);
				const rows = (
					(await response.json()) as {
						rows: Array<{ rowNumber: number; values: Record<string, string> }>;
					}
				).rows;
				return rows.find((r) => r.values.WhatsApp === '6281377770013');
			},
			{ timeoutMs: 30000, description: 'the hand-off row' },
		);
		expect(row.values.Pesan).toContain('ahli waris');
		// While staff take over, the bot does not answer.
		expect(await resident.say('halo?')).toHaveLength(0);

		// Staff mark the conversation finished in the sheet: the bot is back, and says so.
		const before = (await resident.chat()).length;
		await fetch(
			`${stack().sandboxUrl}/api/sheet/rows/${row.rowNumber}?sheet=${encodeURIComponent('Bicara Petugas')}`,
			{
				method: 'PATCH',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ Status: 'Selesai' }),
			},
		);
		await nextUnpromptedMessage(
			resident,
			before,
			(msg) => said('handoff.resumed', msg.text),
			'the bot resuming',
		);
		const replies = await resident.say('halo');
		expect(replies.some((r) => r.list)).toBe(true);
	});
});

describe('several photos at once', () => {
	it('keeps every photo a resident sends in one go', async () => {
		const sku = catalog.services.find((s) => s.key === 'sku-kur')!;
		const ktp = sku.documents.find((d) => d.key === 'ktp')!;
		const resident = new Resident(stack(), '6281377770015', 'Rani');
		await resident.say('halo');
		await resident.tap(m['menu.request']);
		await resident.choose(sku.key);
		// Answer everything up to the first document question.
		await fillRequestUntil(resident, sku, (text) => templatePattern('document.ask').test(text));
		const kk = sku.documents.find((d) => d.key === 'kk')!;
		// The cover letter asked first: send it, then the KTP and KK pages all at once, as people do.
		await resident.photo(photoOf('pengantar'));
		await resident.say(word('command.done'));
		expect(resident.lastText).toContain(ktp.label);
		await Promise.all([
			resident.sendOnly(photoOf('KTP depan')),
			resident.sendOnly(photoOf('KTP belakang')),
		]);
		await waitFor(
			async () =>
				(await resident.chat()).filter(
					(msg) => msg.direction === 'out' && msg.text.includes(ktp.label),
				).length >= 3,
			{ timeoutMs: 60000, description: 'the answers to both photos' },
		);
		await resident.say(word('command.done'));
		expect(resident.lastText).toContain(kk.label);
		await resident.photo(photoOf('KK'));
		if (said('document.received', resident.lastText)) await resident.say(word('command.done'));
		const summary = resident.replies.map((r) => r.text).join('\n');
		expect(summary).toMatch(new RegExp(`${ktp.label}: 2 file`));
	});
});
