// Through the ready intake workflow: several messages in one webhook delivery (Meta batches
// them), and a resident erasing what the office's chat remembers ("hapus data").
import type { ChatMessage } from '../../sandbox/server';
import { residentClient, staffClient } from './support/clients';
import { catalog, Resident, said, submitRequest } from './support/resident';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { readPdf, squash } from '../support/pdfText';
import { decodeApplicationCell } from '../../nodes/domain/sheet/applicationCell';
import { pruningOf } from './support/retention';
import { sessionRows } from './support/sessions';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;

/** The session JSON n8n holds for a resident (Data Table `pecelan_sessions`), or undefined. */
async function storedSession(waId: string): Promise<Record<string, unknown> | undefined> {
	const [row] = await sessionRows(stack(), waId);
	return row ? (JSON.parse(row.session) as Record<string, unknown>) : undefined;
}

/** POSTs one webhook body carrying all `messages`, as Meta does under load. */
async function deliverTogether(
	messages: Array<{ waId: string; text: string; name: string }>,
): Promise<{ webhookStatus: number; messageIds: string[] }> {
	const response = await fetch(`${stack().sandboxUrl}/api/deliveries`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ messages }),
	});
	return (await response.json()) as { webhookStatus: number; messageIds: string[] };
}

const outTexts = (chat: ChatMessage[]) =>
	chat.filter((msg) => msg.direction === 'out').map((msg) => msg.text);

describe('several messages in one webhook delivery', () => {
	it("a newcomer's message beside a known resident's is answered, and one resident's two messages run in order", async () => {
		const known = new Resident(stack(), '6281388880201', 'Lastri');
		await known.say('halo');
		expect(said('menu.text', known.lastText)).toBe(true);
		const newcomer = '6281388880202';
		const client = residentClient(stack());
		const before = (await known.chat()).length;

		// "1" (Ajukan surat) then "2": the second means "the second service" only if it starts from
		// the session the first saved; from the menu it would mean "Info persyaratan".
		const result = await deliverTogether([
			{ waId: known.waId, text: '1', name: known.name },
			{ waId: newcomer, text: 'halo', name: 'Darto' },
			{ waId: known.waId, text: '2', name: known.name },
		]);
		expect(result.webhookStatus).toBe(200);
		expect(result.messageIds).toHaveLength(3);

		const second = catalog.services[1];
		await waitFor(
			async () => {
				const texts = outTexts((await known.chat()).slice(before));
				return texts.some((t) => t.includes(second.title)) &&
					said('requirements.ask', texts.at(-1)!)
					? texts
					: undefined;
			},
			{ timeoutMs: 60000, description: `the requirements of ${second.title}` },
		);
		const texts = outTexts((await known.chat()).slice(before));
		// In order: the services list, then the requirements of the second service.
		expect(texts.findIndex((t) => said('services.request', t))).toBeGreaterThanOrEqual(0);
		expect(texts.findIndex((t) => said('services.request', t))).toBeLessThan(
			texts.findIndex((t) => t.includes(second.title) && !said('services.request', t)),
		);
		expect(texts.some((t) => said('services.info', t))).toBe(false);
		const session = await storedSession(known.waId);
		expect(session).toMatchObject({ state: 'requirements', service: second.key });

		const newcomerTexts = await waitFor(
			async () => {
				const out = outTexts(await client.messages(newcomer));
				return out.some((t) => said('menu.text', t)) ? out : undefined;
			},
			{ timeoutMs: 60000, description: "the newcomer's greeting and menu" },
		);
		expect(newcomerTexts.some((t) => said('greeting', t))).toBe(true);
		expect(await storedSession(newcomer)).toMatchObject({ state: 'menu' });
	});
});

describe('"hapus data"', () => {
	it('erases the remembered identity and the conversation; the submitted request stays in the sheet', async () => {
		const resident = new Resident(stack(), '6281388880203', 'Sari');
		const ticket = await submitRequest(resident, 'domisili');
		expect(await storedSession(resident.waId)).toHaveProperty('remembered');

		await resident.say('tolong hapus data saya');
		expect(said('erase.ask', resident.lastText)).toBe(true);
		await resident.tap(m['button.erase']);
		expect(said('erase.done', resident.lastText)).toBe(true);
		expect(resident.lastText).toContain(m['erase.item.identity']);

		const session = (await storedSession(resident.waId))!;
		expect(session).not.toHaveProperty('remembered');
		expect(session).not.toHaveProperty('lastTicket');
		expect(session).toMatchObject({ state: 'idle', name: '' });
		expect(JSON.stringify(session)).not.toContain('3577011708900001');

		// What the office keeps by law: the request row.
		const sheet = await staffClient(stack()).sheet();
		expect(sheet.rows.some((row) => Object.values(row.values).includes(ticket))).toBe(true);

		// The next request asks the identity again: nothing is offered.
		await resident.say('halo');
		await resident.tap(m['menu.request']);
		await resident.choose('domisili');
		await resident.tap(m['button.continue']);
		expect(said('reuse.ask', resident.lastText)).toBe(false);
		expect(resident.lastText).toContain(
			catalog.services.find((s) => s.key === 'domisili')!.fields[0].question,
		);
	});
});

describe("the largest heirs' statement the catalog takes", () => {
	it('30 heirs typed in the chat are kept in the row and named in the letter', async () => {
		const HEIRS = 30;
		const heir = new Resident(stack(), '6281388880204', 'Bambang');
		const names = Array.from(
			{ length: HEIRS },
			(_, i) => `Ahli Waris Nomor ${i + 1} bin Almarhum Hadi Suwito Kusumo Wardoyo`,
		);
		// 17-08-1990 as in the NIK, each heir with a number of their own.
		const niks = names.map((_, i) => `357701170890${String(i + 2).padStart(4, '0')}`);
		const ticket = await submitRequest(
			heir,
			'ahli-waris',
			(field, record) => {
				// "👤 *ahli waris ke-2*": a question about an heir, not a witness.
				if (record === undefined || !/ahli waris ke-/.test(heir.lastText)) return undefined;
				return field.key === 'nama'
					? names[record]
					: field.key === 'nik'
						? niks[record]
						: undefined;
			},
			{ ahli_waris: HEIRS, saksi: 2 },
		);
		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		expect(row.values[c.problem] ?? '').toBe('');
		const kept = decodeApplicationCell(row.values[c.application]) as {
			data: { ahli_waris: Array<{ nama: string; nik: string }> };
		};
		expect(kept.data.ahli_waris.map((h) => [h.nama, h.nik])).toEqual(
			names.map((name, i) => [name, niks[i]]),
		);

		const before = (await heir.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		// The statement's first step: the draft the heirs sign in front of the Lurah (heirs.test.ts).
		const letter = await nextUnpromptedMessage(heir, before, (msg) => !!msg.document, 'the draft');
		const waiting = await rowOf(
			stack(),
			ticket,
			(r) => r.values[c.status] === statuses.awaitingHeirs,
		);
		expect(waiting.values[c.problem] ?? '').toBe('');
		const pdf = squash(
			(await readPdf(await heir.download(letter.document!.url))).map((p) => p.text).join(' '),
		);
		expect(pdf).toContain('SURAT PERNYATAAN AHLI WARIS');
		for (const nik of niks) expect(pdf).toContain(nik);
	});
});

describe('failed runs keep their data for less than three days', () => {
	it('n8n, and every worker, reads a pruning of 69 hours, erased within the next 2', () => {
		for (const pid of [stack().n8nPid, ...stack().workerPids]) {
			const read = pruningOf(pid);
			expect(read).toMatchObject({
				pruneData: true,
				pruneDataMaxAge: 69,
				pruneDataHardDeleteBuffer: 1,
				pruneDataIntervals: { softDelete: 30, hardDelete: 15 },
				saveDataOnError: 'all',
			});
			const hours =
				read.pruneDataMaxAge +
				read.pruneDataIntervals.softDelete / 60 +
				read.pruneDataHardDeleteBuffer +
				read.pruneDataIntervals.hardDelete / 60;
			expect(hours).toBeLessThanOrEqual(72);
		}
	});
});
