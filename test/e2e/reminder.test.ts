// A request left half-filled waits for the resident, with one reminder: through the ready intake
// workflow's scheduled branch (run every few seconds here instead of every 15 minutes), a draft
// whose resident went quiet half its waiting time ago gets exactly one reminder, and the
// resident then finishes the same draft. The quiet hours are made by writing an older `at` into
// the stored session row, as an admin could in the table view; nothing of the office is mocked.
import type { ChatMessage } from '../../sandbox/server';
import {
	catalog,
	fillRequest,
	fillRequestUntil,
	Resident,
	said,
	templatePattern,
} from './support/resident';
import { sessionRows, updateSessionRow } from './support/sessions';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import { editWorkflow } from './support/workflow-edit';

const stack = useStack();
const m = catalog.messages;
const domisili = catalog.services.find((s) => s.key === 'domisili')!;
const HOUR = 3_600_000;

/** Asks for a domisili letter by name, answers two questions and leaves one unanswered. */
async function leaveDraft(resident: Resident): Promise<void> {
	await resident.say('mau buat surat domisili');
	expect(said('requirements.ask', resident.lastText)).toBe(true);
	let turns = 0;
	await fillRequestUntil(resident, domisili, () => ++turns > 3);
}

/** Makes the resident's last message `hours` older in the stored session; returns its draft. */
async function quietFor(resident: Resident, hours: number): Promise<string> {
	const [row] = await sessionRows(stack(), resident.waId);
	const session = JSON.parse(row.session) as { at: string; draft?: string };
	expect(session.draft).toBeTruthy();
	session.at = new Date(Date.now() - hours * HOUR).toISOString();
	await updateSessionRow(stack(), row.id, {
		session: JSON.stringify(session),
		version: row.version + 1,
	});
	return session.draft!;
}

async function reminders(resident: Resident): Promise<ChatMessage[]> {
	return (await resident.chat()).filter(
		(msg) => msg.direction === 'out' && said('draft.reminder', msg.text ?? ''),
	);
}

async function firstReminder(resident: Resident): Promise<ChatMessage> {
	const [reminder] = await waitFor(
		async () => {
			const found = await reminders(resident);
			return found.length > 0 && found;
		},
		{ timeoutMs: 120000, intervalMs: 500, description: `a reminder for ${resident.name}` },
	);
	return reminder;
}

describe('a draft that waits', () => {
	it('gets one reminder from the scheduled run, and the resident finishes it afterwards', async () => {
		const sari = new Resident(stack(), '6281377779501', 'Sari');
		const budi = new Resident(stack(), '6281377779502', 'Budi');
		await leaveDraft(sari);
		await leaveDraft(budi);
		const restore = await editWorkflow(stack(), /Intake/, {
			'Every 15 Minutes': () => ({
				rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] },
			}),
		});
		try {
			// Sari went quiet 13 hours ago: past half of the 24 hours her draft waits.
			const draft = await quietFor(sari, 13);
			const reminder = await firstReminder(sari);
			const [, title, hours] = templatePattern('draft.reminder').exec(reminder.text)!;
			expect(title).toBe(domisili.title);
			expect(Number(hours)).toBeGreaterThanOrEqual(10);
			expect(Number(hours)).toBeLessThanOrEqual(11);
			const [row] = await sessionRows(stack(), sari.waId);
			expect(JSON.parse(row.session)).toMatchObject({ draft, reminded: draft });

			// Budi's draft goes quiet only now, so the run that reminds him started after Sari's
			// reminder was saved: it read her draft too and sent her nothing more.
			expect(await reminders(budi)).toEqual([]);
			await quietFor(budi, 13);
			await firstReminder(budi);
			expect(await reminders(sari)).toHaveLength(1);
			expect(await reminders(budi)).toHaveLength(1);

			// Sari answers the question she left: the same draft goes on to a submitted request.
			await fillRequest(sari, domisili);
			await sari.tap(m['button.confirm']);
			expect(templatePattern('submitted').exec(sari.lastText)?.[2]).toBeTruthy();
			expect(await reminders(sari)).toHaveLength(1);
		} finally {
			await restore();
		}
	});
});
