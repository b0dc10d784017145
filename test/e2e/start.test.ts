// The stack the end-to-end suite starts is what `npm start` brings up for a newcomer (fresh n8n
// user folder, this package built and installed as a community package, credentials, and the
// Setup form submitted, which made the sheet and tables and installed the ready workflows):
// healthy, configured, and the real intake answers "halo".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../sandbox/server';
import { catalog, Resident, said } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();

describe('the office on one machine', () => {
	it('reports healthy and configured', async () => {
		const health = await fetch(`${stack().sandboxUrl}/api/health`);
		expect(health.status).toBe(200);
		const config = (await (await fetch(`${stack().sandboxUrl}/api/config`)).json()) as Record<
			string,
			string
		>;
		expect(config.intakeWebhookUrl).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[\w-]+\/webhook$/,
		);
		expect(config.n8nUrl).toBe(stack().n8nUrl);
		for (const key of ['verifyToken', 'appSecret', 'phoneNumberId', 'spreadsheetId', 'sheetName'])
			expect(config[key]).toBeTruthy();
		expect(stack().workflows.map((w) => w.active)).toEqual(stack().workflows.map(() => true));
		// Every workflow of workflows/: Setup imported, its form submitted, the others installed by it.
		const dir = join(__dirname, '..', '..', 'workflows');
		const ready = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string }).name)
			.sort();
		expect(
			stack()
				.workflows.map((w) => w.name)
				.sort(),
		).toEqual(ready);
		// The sheet staff see is the one the Setup form made, not the sandbox's spare one.
		expect(config.spreadsheetId).not.toBe(DEFAULT_SETTINGS.spreadsheetId);
	});

	it('answers a resident\'s "halo" with the greeting and the menu', async () => {
		const resident = new Resident(stack(), '6281300000010', 'Pak Warga');
		const replies = await resident.say('halo');
		expect(said('greeting', replies[0].text)).toBe(true);
		const menu = replies.find((r) => r.list)!;
		const rows = menu.list!.sections.flatMap((s) => s.rows.map((r) => r.title));
		expect(rows).toEqual(
			expect.arrayContaining([catalog.messages['menu.request'], catalog.messages['menu.status']]),
		);
	});
});
