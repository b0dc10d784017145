// A tap on an older message does what it says, through the real workflows: after the letter
// arrives the resident first asks "status", then scrolls up and taps *Isi survei* on the
// invitation; the survey runs to the end and its row lands in the sheet.
import { approveUntilSurveyInvitation, nextUnpromptedMessage } from './support/office';
import { catalog, Resident, said, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;

async function surveyRows() {
	const response = await fetch(
		`${stack().sandboxUrl}/api/sheet?sheet=${encodeURIComponent('Survei IKM')}`,
	);
	return ((await response.json()) as { rows: Array<{ values: Record<string, string> }> }).rows;
}

describe('buttons of older messages', () => {
	it(
		'starts the survey from the invitation tapped after a status question',
		async () => {
			const sari = new Resident(stack(), '6281400000031', 'Sari');
			const ticket = await submitRequest(sari, 'pengantar-skck');
			const invite = await approveUntilSurveyInvitation(stack(), sari, ticket);

			// Another message first: the status answer comes back, the invitation is now further up.
			const asked = (await sari.chat()).length;
			await sari.say('status');
			const status = await nextUnpromptedMessage(
				sari,
				asked,
				(msg) => msg.text.includes(ticket) && said('status.header', msg.text),
				'the status answer',
			);
			expect(status.text).toContain(ticket);

			const start = invite.buttons!.find((b) => b.title === m['button.survey'])!;
			await sari.send({ reply: { id: start.id, title: start.title } });
			expect(said('greeting', sari.lastText)).toBe(false);
			expect(sari.lastText).toContain(m['survey.u1']);

			const scores = [4, 4, 3, 4, 4, 3, 4, 3, 4];
			for (const score of scores) await sari.choose(`score:${score}`);
			expect(said('survey.suggestion', sari.lastText)).toBe(true);
			await sari.tap(m['button.skip']);
			expect(said('survey.thanks', sari.lastText)).toBe(true);

			const row = await waitFor(
				async () =>
					(await surveyRows()).find(
						(r) => r.values.Tiket === ticket && r.values.u9 === String(scores[8]),
					),
				{ timeoutMs: 30000, description: 'the Survei IKM row of the ticket' },
			);
			expect(scores.map((_, i) => Number(row.values[`u${i + 1}`]))).toEqual(scores);
			// A whole request, the approvals poll and a 9-question survey: longer than one exchange.
		},
		10 * 60_000,
	);
});
