// Queue mode only (the e2e-queue project): a worker dies in the middle of a conversation. Its
// runs get no 200, the sandbox delivers those messages again as Meta does, the other worker
// applies them, and the resident's photos are all there.
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

async function answered200(messageId: string): Promise<boolean> {
	const url = `${stack().sandboxUrl}/api/webhooks/deliveries?messageId=${encodeURIComponent(messageId)}`;
	const attempts = (await (await fetch(url)).json()) as Array<{ webhookStatus: number }>;
	return attempts.some((a) => a.webhookStatus === 200);
}

describe('a worker killed mid-conversation', () => {
	it('loses none of the photos it was handling', async () => {
		const [victim] = stack().workerPids;
		expect(stack().workerPids.length).toBeGreaterThanOrEqual(2);
		const ktp = sku.documents.find((d) => d.key === 'ktp')!;
		const resident = new Resident(stack(), '6281377770201', 'Yanti');
		await resident.say('halo');
		await resident.tap(catalog.messages['menu.request']);
		await resident.choose(sku.key);
		await fillRequestUntil(resident, sku, (text) => templatePattern('document.ask').test(text));
		await resident.photo(photoOf('pengantar'));
		await resident.say(word('command.done'));
		expect(resident.lastText).toContain(ktp.label);

		const sends = [
			resident.sendOnly(photoOf('KTP depan')),
			resident.sendOnly(photoOf('KTP belakang')),
		];
		// Both photos are on their way (queued or running): end one worker and all it runs.
		await new Promise((resolve) => setTimeout(resolve, 300));
		process.kill(-victim, 'SIGKILL');
		await Promise.allSettled(sends);

		const ids = (await resident.chat()).filter((m) => m.direction === 'in').map((m) => m.id);
		await waitFor(
			async () => {
				for (const id of ids) if (!(await answered200(id))) return false;
				return true;
			},
			{ timeoutMs: 150000, description: 'every message answered 200, redelivered if need be' },
		);
		// Both KTP photos applied: the bot asks for the KK, and the summary counts two KTP files.
		await resident.photo(photoOf('KK'));
		if (said('document.received', resident.lastText)) await resident.say(word('command.done'));
		expect(resident.lastText).toMatch(new RegExp(`${ktp.label}: 2 file`));
	});
});
