// Queue mode only (the e2e-queue project): a worker dies in the middle of a conversation. Its
// runs get no 200, the sandbox delivers those messages again as Meta does, another worker
// applies them, and the resident's photos are all there; a reply saved but not yet sent when its
// worker died reaches the resident once. (The e2e-queue stack has three workers: each test here
// stops one and needs another alive.)
import { faultClient, residentClient } from '../support/clients';
import { groupWithLocalPort, isAlive } from '../support/processes';
import {
	catalog,
	fillRequestUntil,
	photoOf,
	Resident,
	said,
	templatePattern,
	word,
} from '../support/resident';
import { useStack } from '../support/use-stack';
import { waitFor } from '../support/wait';

const stack = useStack();
const sku = catalog.services.find((s) => s.key === 'sku-kur')!;

/** The sandbox's delivery attempts of one message, oldest first. */
async function deliveries(
	messageId: string,
): Promise<Array<{ attempt: number; webhookStatus: number }>> {
	const url = `${stack().sandboxUrl}/api/webhooks/deliveries?messageId=${encodeURIComponent(messageId)}`;
	return (await (await fetch(url)).json()) as Array<{ attempt: number; webhookStatus: number }>;
}

async function answered200(messageId: string): Promise<boolean> {
	return (await deliveries(messageId)).some((a) => a.webhookStatus === 200);
}

describe('a worker killed mid-conversation', () => {
	it('loses none of the photos it was handling', async () => {
		const alive = stack().workerPids.filter(isAlive);
		expect(alive.length).toBeGreaterThanOrEqual(2);
		const ktp = sku.documents.find((d) => d.key === 'ktp')!;
		const resident = new Resident(stack(), '6281377770201', 'Yanti');
		await resident.say('halo');
		await resident.tap(catalog.messages['menu.request']);
		await resident.choose(sku.key);
		await fillRequestUntil(resident, sku, (text) => templatePattern('document.ask').test(text));
		await resident.photo(photoOf('pengantar'));
		await resident.say(word('command.done'));
		expect(resident.lastText).toContain(ktp.label);

		// The first reply to these photos is held on its way to Meta: the worker waiting on it is
		// in the middle of handling a photo (its step saved, its reply not sent). End that worker
		// and all it runs.
		const faults = faultClient(stack());
		const armed = await faults.arm({
			service: 'whatsapp',
			operation: 'sendMessage',
			hold: true,
			bodyContains: resident.waId,
		});
		const client = residentClient(stack());
		const sends = [
			client.sendImage(resident.waId, photoOf('KTP depan')),
			client.sendImage(resident.waId, photoOf('KTP belakang')),
		];
		const port = await waitFor(
			async () => (await faults.list()).find((f) => f.id === armed.id)?.heldFrom?.[0],
			{ timeoutMs: 90000, description: 'the reply to a photo held on its way to Meta' },
		);
		const holder = groupWithLocalPort(port, alive);
		expect(holder).toBeDefined();
		process.kill(-holder!, 'SIGKILL');
		const photoIds = (await Promise.all(sends)).map((sent) => sent.messageId);

		const ids = (await resident.chat()).filter((m) => m.direction === 'in').map((m) => m.id);
		await waitFor(
			async () => {
				for (const id of ids) if (!(await answered200(id))) return false;
				return true;
			},
			{ timeoutMs: 150000, description: 'every message answered 200, redelivered if need be' },
		);
		// The photo the killed worker held got no 200 from it, and was delivered again and applied.
		const redelivered: string[] = [];
		for (const id of photoIds) {
			const attempts = await deliveries(id);
			if (
				attempts[0]?.webhookStatus !== 200 &&
				attempts.some((a) => a.attempt > 1 && a.webhookStatus === 200)
			)
				redelivered.push(id);
		}
		expect(redelivered.length).toBeGreaterThan(0);
		await faults.clear();
		// Both KTP photos applied: the bot asks for the KK, and the summary counts two KTP files.
		await resident.photo(photoOf('KK'));
		if (said('document.received', resident.lastText)) await resident.say(word('command.done'));
		expect(resident.lastText).toMatch(new RegExp(`${ktp.label}: 2 file`));
	});
});

/** The resident's session row (Data Table `pecelan_sessions`), through n8n's public API. */
async function sessionRow(waId: string): Promise<{ version: number; pendingFor: string | null }> {
	const headers = { 'x-n8n-api-key': stack().apiKey };
	const api = `${stack().n8nUrl}/api/v1/data-tables`;
	const tables = (await (await fetch(`${api}?limit=100`, { headers })).json()) as {
		data: Array<{ id: string; name: string }>;
	};
	const table = tables.data.find((t) => t.name === 'pecelan_sessions')!;
	const filter = JSON.stringify({
		type: 'and',
		filters: [{ columnName: 'waId', condition: 'eq', value: waId }],
	});
	const rows = (await (
		await fetch(`${api}/${table.id}/rows?filter=${encodeURIComponent(filter)}`, { headers })
	).json()) as { data: Array<{ version: number; pendingFor: string | null }> };
	return rows.data[0];
}

describe('a worker killed between saving a step and sending its reply', () => {
	it('the resident gets the reply once, when the message is delivered again', async () => {
		const alive = stack().workerPids.filter(isAlive);
		expect(alive.length).toBeGreaterThanOrEqual(2);
		const resident = new Resident(stack(), '6281377770202', 'Joko');
		await resident.say('halo');
		const faults = faultClient(stack());
		// Meta takes the reply's send and never answers: the step is saved, the reply not sent.
		const armed = await faults.arm({
			service: 'whatsapp',
			operation: 'sendMessage',
			status: 504,
			hold: true,
			bodyContains: resident.waId,
		});
		const client = residentClient(stack());
		const chatBefore = (await resident.chat()).length;
		const sending = client.send(resident.waId, { text: word('command.help'), name: resident.name });
		const port = await waitFor(
			async () => (await faults.list()).find((f) => f.id === armed.id)?.heldFrom?.[0],
			{ timeoutMs: 90000, description: 'the reply held on its way to Meta' },
		);
		const saved = await sessionRow(resident.waId);
		expect(saved.pendingFor).toBeTruthy();
		// Stop the worker that is waiting on that send, and everything it runs.
		const holder = groupWithLocalPort(port, alive);
		expect(holder).toBeDefined();
		process.kill(-holder!, 'SIGKILL');
		const sent = await sending;

		await waitFor(async () => answered200(sent.messageId), {
			timeoutMs: 150000,
			description: 'the message delivered again and answered 200',
		});
		const helps = await waitFor(
			async () => {
				const found = (await resident.chat())
					.slice(chatBefore)
					.filter((m) => m.direction === 'out' && said('help', m.text));
				return found.length ? found : undefined;
			},
			{ timeoutMs: 60000, description: 'the help answer' },
		);
		expect(helps).toHaveLength(1);
		// Nothing is left pending, so no later delivery of that message can send it again.
		expect((await sessionRow(resident.waId)).pendingFor || '').toBe('');
		await faults.clear();
	});
});
