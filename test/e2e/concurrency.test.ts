// A resident's messages run at the same time (no concurrency limit of one): photos sent
// in one go, a brand-new resident's first messages, the same message delivered twice at once,
// and a webhook not answered in time that the sandbox delivers again as Meta does. Each message
// is applied once and none is lost.
import type { ChatMessage } from '../../sandbox/server';
import { executionsSince, faultClient, residentClient, staffClient } from './support/clients';
import { columns, decide, rowOf, statuses } from './support/office';
import {
	catalog,
	fillRequest,
	fillRequestUntil,
	photoOf,
	Resident,
	said,
	submitRequest,
	templatePattern,
	word,
} from './support/resident';
import { sessionRows } from './support/sessions';
import { intakeWorkflow } from './support/stack-info';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;
const sku = catalog.services.find((s) => s.key === 'sku-kur')!;

interface Attempt {
	messageId: string;
	attempt: number;
	webhookStatus: number;
}

async function deliveries(messageId: string): Promise<Attempt[]> {
	const url = `${stack().sandboxUrl}/api/webhooks/deliveries?messageId=${encodeURIComponent(messageId)}`;
	return (await (await fetch(url)).json()) as Attempt[];
}

const outTexts = (chat: ChatMessage[]) =>
	chat.filter((msg) => msg.direction === 'out').map((msg) => msg.text);

/** Waits until every message the resident sent has had its delivery answered 200. */
async function allDelivered(resident: Resident): Promise<void> {
	const ids = (await resident.chat()).filter((msg) => msg.direction === 'in').map((msg) => msg.id);
	await waitFor(
		async () => {
			for (const id of ids)
				if (!(await deliveries(id)).some((a) => a.webhookStatus === 200)) return false;
			return true;
		},
		{ timeoutMs: 120000, description: 'every message delivered and answered 200' },
	);
}

describe('one resident, several messages at the same time', () => {
	it('a brand-new resident whose first two messages arrive together gets both answered, in one session', async () => {
		const resident = new Resident(stack(), '6281377770101', 'Tono');
		const client = residentClient(stack());
		await Promise.all([
			client.send(resident.waId, { text: 'halo', name: resident.name }),
			client.send(resident.waId, { text: word('command.help'), name: resident.name }),
		]);
		await allDelivered(resident);
		const texts = outTexts(await resident.chat());
		expect(texts.filter((t) => said('help', t))).toHaveLength(1);
		expect(texts.filter((t) => said('greeting', t))).toHaveLength(1);
		const rows = await sessionRows(stack(), resident.waId);
		expect(rows).toHaveLength(1);
		expect(rows[0].version).toBe(2);
		// The conversation goes on from that one session.
		const replies = await resident.say(word('command.menu'));
		expect(replies.some((r) => r.list)).toBe(true);
		expect((await sessionRows(stack(), resident.waId))[0].version).toBe(3);
	});

	it('three photos sent in one go are all kept, and the request is filed once with all of them', async () => {
		const ktp = sku.documents.find((d) => d.key === 'ktp')!;
		const kk = sku.documents.find((d) => d.key === 'kk')!;
		const resident = new Resident(stack(), '6281377770102', 'Rina');
		await resident.say('halo');
		await resident.tap(m['menu.request']);
		await resident.choose(sku.key);
		await fillRequestUntil(resident, sku, (text) => templatePattern('document.ask').test(text));
		await resident.photo(photoOf('pengantar'));
		await resident.say(word('command.done'));
		expect(resident.lastText).toContain(ktp.label);
		// KTP takes at most two files: whichever two arrive first are the KTP, the third the KK.
		await Promise.all([
			resident.sendOnly(photoOf('foto 1')),
			resident.sendOnly(photoOf('foto 2')),
			resident.sendOnly(photoOf('foto 3')),
		]);
		await allDelivered(resident);
		await resident.say(word('command.done'));
		await fillRequest(resident, sku);
		const summary = resident.lastText;
		expect(summary).toMatch(new RegExp(`${ktp.label}: 2 file`));
		expect(summary).toMatch(new RegExp(`${kk.label}: 1 file`));
		await resident.tap(m['button.confirm']);
		const ticket = templatePattern('submitted').exec(resident.lastText)?.[2];
		expect(ticket).toBeTruthy();
		const row = await waitFor(
			async () => {
				const rows = (await staffClient(stack()).sheet()).rows.filter(
					(r) => r.values.Tiket === ticket,
				);
				return rows.length === 1 && rows[0].values.Dokumen ? rows : undefined;
			},
			{ timeoutMs: 90000, description: "the request row with its folder's link" },
		);
		expect(row).toHaveLength(1);
		// One line saying what the folder holds, one link to the folder: the four photos are in it.
		const [holds, link, ...more] = row[0].values.Dokumen.split('\n');
		expect(more).toEqual([]);
		expect(holds).toBe(
			m['sheet.files.summary']
				.replace('{count}', '4')
				.replace('{labels}', sku.documents.map((d) => d.label).join(', ')),
		);
		const folder = (await (await fetch(link)).json()) as { files: Array<{ name: string }> };
		const names = folder.files.map((f) => f.name.replace(/\.[a-z]+$/, '')).sort();
		const labels = [sku.documents[0].label, `${ktp.label} 1`, `${ktp.label} 2`, kk.label];
		expect(names).toEqual(labels.map((label) => `${ticket} ${label}`).sort());
	});

	it('the same message delivered twice at the same moment is applied once', async () => {
		// Several residents at once, so that one copy often loses the race and is delivered again
		// while the other run is still sending and clearing its replies.
		const residents = ['6281377770103', '6281377770113', '6281377770123', '6281377770133'].map(
			(waId, i) => new Resident(stack(), waId, `Dedi ${i + 1}`),
		);
		for (const resident of residents) await resident.say('halo');
		const client = residentClient(stack());
		const sentAt = new Date();
		const ids = residents.map((_, i) => `wamid.twice.${Date.now()}.${i}`);
		await Promise.all(
			residents.flatMap((resident, i) => [
				client.send(resident.waId, { text: word('command.help'), messageId: ids[i] }),
				client.send(resident.waId, { text: word('command.help'), messageId: ids[i] }),
			]),
		);
		// Both copies answered 200 (a copy answered otherwise would be delivered again later), and
		// every run they started is over: whatever either copy would send has been sent.
		for (const id of ids)
			await waitFor(
				async () => (await deliveries(id)).filter((a) => a.webhookStatus === 200).length >= 2,
				{ timeoutMs: 120000, description: 'both copies of the message answered 200' },
			);
		await waitFor(
			async () => {
				const runs = (
					await executionsSince(stack(), { workflowId: intakeWorkflow(stack()).id, since: sentAt })
				).filter((r) => r.mode === 'webhook');
				return runs.length > 0 && runs.every((r) => !!r.stoppedAt);
			},
			{ timeoutMs: 120000, description: 'the runs the two copies started, over' },
		);
		for (const resident of residents) {
			const texts = outTexts(await resident.chat());
			expect(texts.filter((t) => said('help', t))).toHaveLength(1);
		}
	});

	it('a webhook not answered in time is delivered again, and answered once', async () => {
		const resident = new Resident(stack(), '6281377770104', 'Wati');
		await resident.say('halo');
		const client = residentClient(stack());
		// The sandbox stops waiting for n8n's answer after 30 ms, as Meta does after its timeout.
		const sent = await client.send(resident.waId, {
			text: word('command.help'),
			webhookTimeoutMs: 30,
		});
		expect(sent.webhookStatus).not.toBe(200);
		const attempts = await waitFor(
			async () => {
				const found = await deliveries(sent.messageId);
				return found.some((a) => a.webhookStatus === 200) ? found : undefined;
			},
			{ timeoutMs: 60000, description: 'the redelivery answered 200' },
		);
		expect(attempts.length).toBeGreaterThanOrEqual(2);
		expect(attempts.every((a) => a.messageId === sent.messageId)).toBe(true);
		const helps = await waitFor(
			async () => {
				const found = outTexts(await resident.chat()).filter((t) => said('help', t));
				return found.length > 0 ? found : undefined;
			},
			{ timeoutMs: 60000, description: 'the help answer' },
		);
		expect(helps).toHaveLength(1);
	});
});

describe('a reply that fails to leave', () => {
	it('a status answer Meta refuses is sent once, when the message is delivered again', async () => {
		const resident = new Resident(stack(), '6281377770106', 'Rini');
		await resident.say('halo');
		const faults = faultClient(stack());
		// The session is saved with the status question pending; the answer's send then fails,
		// so the run fails and its delivery is not answered 200.
		await faults.arm({
			service: 'whatsapp',
			operation: 'sendMessage',
			status: 500,
			bodyContains: resident.waId,
		});
		const chatBefore = (await resident.chat()).length;
		const sent = await residentClient(stack()).send(resident.waId, {
			text: 'status',
			name: resident.name,
		});
		expect(sent.webhookStatus).not.toBe(200);
		await waitFor(
			async () => (await deliveries(sent.messageId)).some((a) => a.webhookStatus === 200),
			{ timeoutMs: 150000, description: 'the message delivered again and answered 200' },
		);
		const answers = await waitFor(
			async () => {
				const found = outTexts((await resident.chat()).slice(chatBefore)).filter(
					(t) => said('status.none', t) || said('status.header', t),
				);
				return found.length ? found : undefined;
			},
			{ timeoutMs: 60000, description: 'the status answer' },
		);
		expect(answers).toHaveLength(1);
		await faults.clear();
	});
});

describe('staff and a resident at the same time', () => {
	it("a fix request racing the resident's messages: the request reopens and every message counts", async () => {
		const resident = new Resident(stack(), '6281377770105', 'Sari');
		const ticket = await submitRequest(resident, 'pengantar-skck');
		await rowOf(stack(), ticket, (r) => !!r.values[columns.documents]);
		const [before] = await sessionRows(stack(), resident.waId);
		const chatBefore = (await resident.chat()).length;
		const fixAsked = async () =>
			(await resident.chat()).slice(chatBefore).some((msg) => said('fix.intro', msg.text));

		await decide(stack(), ticket, statuses.fix, 'Foto KTP buram, mohon kirim ulang');
		// The resident keeps writing, two messages at a time, until the fix request arrives: the
		// approvals workflow saves the session while the intake saves it too.
		const client = residentClient(stack());
		const deadline = Date.now() + 150000;
		let sent = 0;
		while (!(await fixAsked()) && Date.now() < deadline) {
			const pair = await Promise.all([
				client.send(resident.waId, { text: word('command.help'), name: resident.name }),
				client.send(resident.waId, { text: word('command.help'), name: resident.name }),
			]);
			sent += pair.length;
		}
		expect(await fixAsked()).toBe(true);
		await allDelivered(resident);
		await rowOf(stack(), ticket, (r) => !!r.values[columns.notifiedAt]);

		// Every message was answered once, and the fix request was sent once.
		const texts = outTexts((await resident.chat()).slice(chatBefore));
		expect(texts.filter((t) => said('help', t))).toHaveLength(sent);
		expect(texts.filter((t) => said('fix.intro', t))).toHaveLength(1);
		// Every save counted: each message once, the approval once, none written over another.
		const [after] = await sessionRows(stack(), resident.waId);
		expect(after.version).toBe(before.version + sent + 1);

		// The reopened request is still there to finish: the new photo, then confirm.
		await resident.photo(photoOf('KTP baru'));
		if (said('document.received', resident.lastText)) await resident.say(word('command.done'));
		await resident.tap(catalog.messages['button.confirm']);
		expect(said('resubmitted', resident.lastText)).toBe(true);
		expect(resident.lastText).toContain(ticket);
	});
});
