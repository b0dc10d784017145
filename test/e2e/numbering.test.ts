// Letter numbers are the office's register: every approved letter gets the next number, none is
// given twice, whether staff approve several letters in one go or one after another.
import type { ChatMessage } from '../../sandbox/server';
import { defaultCatalog } from '../../nodes/domain/catalog';
import { pdfText, sequenceOf } from './support/letter';
import { columns as c, decide, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();

/** Waits until the resident holds `count` letters received after chat position `after`. */
async function lettersAfter(resident: Resident, after: number, count: number) {
	return waitFor(
		async () => {
			const letters = (await resident.chat()).slice(after).filter((m) => !!m.document);
			return letters.length >= count ? letters : undefined;
		},
		{ timeoutMs: 150000, intervalMs: 500, description: `${count} letter(s) for ${resident.name}` },
	);
}

const numberOf = async (ticket: string) =>
	(await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done)).values[
		c.letterNumber
	];

const textsOf = (resident: Resident, letters: ChatMessage[]) =>
	Promise.all(letters.map(async (l) => pdfText(await resident.download(l.document!.url))));

describe('letter numbers', () => {
	it('two letters approved together get consecutive numbers, and the next one the number after', async () => {
		const yani = new Resident(stack(), '6281355550101', 'Yani Kusuma');
		const first = await submitRequest(yani, 'pengantar-skck');
		const second = await submitRequest(yani, 'pengantar-skck');
		for (const ticket of [first, second])
			await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);

		const before = (await yani.chat()).length;
		await decide(stack(), first, statuses.approved);
		await decide(stack(), second, statuses.approved);
		const numbers = [await numberOf(first), await numberOf(second)];
		expect(numbers[0]).not.toBe(numbers[1]);
		const [low, high] = numbers.map(sequenceOf).sort((a, b) => a - b);
		expect(high).toBe(low + 1);
		// One register: the numbers differ in the sequence only.
		const register = (n: string) => n.replace(/^([\d.]+\/)\d+\//, '$1#/');
		expect(register(numbers[0])).toBe(register(numbers[1]));

		// Each letter prints its own number, and no letter prints the other's.
		const texts = await textsOf(yani, await lettersAfter(yani, before, 2));
		for (const n of numbers) expect(texts.filter((t) => t.includes(n))).toHaveLength(1);

		// Both letters left in one round: the first invites Yani to the survey, the second's
		// invitation waits in her session and is offered before the menu; she skips it.
		const catalogTexts = defaultCatalog().messages;
		await yani.say('halo');
		expect(yani.lastText).toContain(catalogTexts['survey.invite.pending'].split(':')[0]);
		await yani.tap(catalogTexts['button.skip']);

		// A letter approved later continues the register from the sheet.
		const third = await submitRequest(yani, 'pengantar-skck');
		await rowOf(stack(), third, (r) => !!r.values[c.documents]);
		await decide(stack(), third, statuses.approved);
		expect(sequenceOf(await numberOf(third))).toBe(high + 1);
	});
});
