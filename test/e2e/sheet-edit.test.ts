// Decisions in seconds: a staff edit runs the sheet's Apps Script (the sandbox plays the shipped
// script), whose signed post starts the approvals run at once; forged and replayed posts are
// refused; runs started together still send one letter.
import { readFileSync } from 'node:fs';
import { signSheetEdit } from '../../nodes/domain/sheet/sheetEdit';
import type { ChatMessage } from '../../sandbox/server';
import { executionsSince } from './support/clients';
import { pdfText } from './support/letter';
import {
	approvalsWorkflowId,
	columns as c,
	decide,
	nextUnpromptedMessage,
	rowOf,
	statuses,
} from './support/office';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();

const sheetEditUrl = () => {
	const url = stack().config.sheetEditWebhookUrl;
	if (!url) throw new Error('the sandbox has no sheet edit webhook (Approvals → Sheet Edited)');
	return url;
};

const post = (body: string, signature?: string) =>
	fetch(sheetEditUrl(), {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			...(signature ? { 'X-Pecelan-Signature': signature } : {}),
		},
		body,
	});

const lettersOf = async (resident: Resident, after: number): Promise<ChatMessage[]> =>
	(await resident.chat()).slice(after).filter((m) => !!m.document);

describe('staff edits reach n8n at once', () => {
	it('an approval set in the sheet starts the run that sends the letter, without a poll', async () => {
		const dewi = new Resident(stack(), '6281366660301', 'Dewi Lestari');
		const ticket = await submitRequest(dewi, 'pengantar-skck');
		await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		const before = (await dewi.chat()).length;
		const decidedAt = new Date();
		await decide(stack(), ticket, statuses.approved);
		const letter = await nextUnpromptedMessage(dewi, before, (m) => !!m.document, 'the letter');
		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		expect(await pdfText(await dewi.download(letter.document!.url))).toContain(
			done.values[c.letterNumber],
		);
		// The script's post was accepted, and a run it started (mode webhook) came after the edit.
		const posts = (await (await fetch(`${stack().sandboxUrl}/api/sheet-edits`)).json()) as Array<{
			at: string;
			body: string;
			status: number;
		}>;
		const ours = posts.filter((p) => new Date(p.at) >= decidedAt && p.body.includes(ticket));
		expect(ours.length).toBeGreaterThan(0);
		expect(ours.every((p) => p.status === 200)).toBe(true);
		// n8n lists a run once it is over (the survey invitation comes after the letter).
		await waitFor(
			async () =>
				(
					await executionsSince(stack(), {
						workflowId: approvalsWorkflowId(stack()),
						since: decidedAt,
					})
				).some((r) => r.mode === 'webhook'),
			{ timeoutMs: 60000, description: 'the approvals run the edit started (mode webhook)' },
		);
	});

	it('refuses unsigned, forged and replayed posts, with the reason in n8n log', async () => {
		const body = JSON.stringify({
			sheetName: 'Permohonan',
			rows: [{ row: 2, ticket: 'X', status: 'Disetujui' }],
		});
		const since = new Date();
		expect((await post(body)).status).toBe(401);
		expect((await post(body, signSheetEdit(body, 'not the office secret'))).status).toBe(401);
		const log = () => readFileSync(stack().n8nLogFile, 'utf8');
		await waitFor(
			() => /Sheet edit trigger: refused a call: a wrong x-pecelan-signature/.test(log()),
			{
				timeoutMs: 30000,
				description: 'the forged call logged with its reason',
			},
		);
		expect(log()).toMatch(/Sheet edit trigger: refused a call: no x-pecelan-signature header/);
		// A genuine call recorded and replayed later: signed with the office secret, stamped 6 minutes ago.
		const replayed = JSON.stringify({
			spreadsheetId: stack().config.spreadsheetId,
			sheetName: stack().config.sheetName,
			column: c.status,
			rows: [{ row: 2, ticket: 'X', status: 'Disetujui' }],
			editedAt: new Date(Date.now() - 6 * 60_000).toISOString(),
		});
		expect(
			(await post(replayed, signSheetEdit(replayed, stack().config.sheetEditSecret))).status,
		).toBe(401);
		await waitFor(
			() =>
				/Sheet edit trigger: refused a signed call: the call was signed at .*, more than 5 minutes ago/.test(
					log(),
				),
			{ timeoutMs: 30000, description: 'the replayed call logged with its reason' },
		);
		// None of them started a run, whatever its status. A genuine post made after them is the
		// barrier: once its run is over, a run a refused post had started would be listed as well.
		const genuineAt = new Date();
		const genuine = JSON.stringify({ ...JSON.parse(replayed), editedAt: genuineAt.toISOString() });
		expect(
			(await post(genuine, signSheetEdit(genuine, stack().config.sheetEditSecret))).status,
		).toBe(200);
		const runs = await waitFor(
			async () => {
				const started = (
					await executionsSince(stack(), { workflowId: approvalsWorkflowId(stack()), since })
				).filter((r) => r.mode === 'webhook');
				return started.some((r) => new Date(r.startedAt) >= genuineAt) &&
					started.every((r) => !!r.stoppedAt)
					? started
					: undefined;
			},
			{ timeoutMs: 60000, description: 'the run the genuine post started, over' },
		);
		expect(runs).toHaveLength(1);
		expect(new Date(runs[0].startedAt).getTime()).toBeGreaterThanOrEqual(genuineAt.getTime());
	});

	it('several runs started together send one letter', async () => {
		const budi = new Resident(stack(), '6281366660302', 'Budi Santoso');
		const ticket = await submitRequest(budi, 'pengantar-skck');
		const row = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);
		const before = (await budi.chat()).length;
		const startedAt = new Date();
		// Staff approve (the script posts once) and the same edit arrives twice more at that moment.
		const body = JSON.stringify({
			spreadsheetId: stack().config.spreadsheetId,
			sheetName: stack().config.sheetName,
			column: c.status,
			rows: [{ row: row.rowNumber, ticket, status: statuses.approved }],
			editedAt: startedAt.toISOString(),
		});
		const signature = signSheetEdit(body, stack().config.sheetEditSecret);
		const answers = await Promise.all([
			decide(stack(), ticket, statuses.approved),
			post(body, signature),
			post(body, signature),
		]);
		expect(answers.slice(1).map((a) => (a as Response).status)).toEqual([200, 200]);
		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		// Every run started by then is over: whatever they would send has been sent.
		await waitFor(
			async () => {
				const runs = await executionsSince(stack(), {
					workflowId: approvalsWorkflowId(stack()),
					since: startedAt,
				});
				return (
					runs.filter((r) => r.mode === 'webhook').length >= 3 && runs.every((r) => !!r.stoppedAt)
				);
			},
			{ timeoutMs: 180000, description: 'the approvals runs started together to end' },
		);
		const letters = await lettersOf(budi, before);
		expect(letters).toHaveLength(1);
		expect(await pdfText(await budi.download(letters[0].document!.url))).toContain(
			done.values[c.letterNumber],
		);
	});
});
