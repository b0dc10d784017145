// The stack the end-to-end suite starts is what `npm start` brings up for a newcomer (fresh n8n
// user folder, this package built and installed as a community package, credentials, table and
// the ready workflows provisioned): healthy, configured, and the real intake answers "halo".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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
		// Every ready workflow of workflows/ (templates/resources.json is the tables they need).
		const ready = readdirSync(join(__dirname, '..', '..', 'workflows'))
			.filter((f) => f.endsWith('.json'))
			.sort();
		expect(stack().workflows.map((w) => w.file).sort()).toEqual(ready);
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
