/**
 * What the ready workflows keep and expose: no successful execution saved (they carry messages,
 * NIKs and the requests sheet), failures kept for debugging, every public webhook protected or
 * harmless and listed in the README.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { prepareWorkflow, type WorkflowFile } from '../sandbox/runtime/workflow-file';

const dir = join(__dirname, '..', 'workflows');
const ready = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, wf: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowFile }));

describe('executions of the ready workflows keep no personal data', () => {
	it.each(ready.map((r) => [r.file, r.wf]))('%s saves failures only', (_, wf) => {
		expect(wf.settings).toMatchObject({
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
		});
	});

	it('the e2e stack alone may keep successes, by an explicit override', () => {
		const { wf } = ready.find((r) => r.file === 'intake.json')!;
		expect(prepareWorkflow(wf, [], () => false).body.settings?.saveDataSuccessExecution).toBe(
			'none',
		);
		const kept = prepareWorkflow(wf, [], () => false, { saveDataSuccessExecution: 'all' });
		expect(kept.body.settings?.saveDataSuccessExecution).toBe('all');
	});
});

describe('the public surface', () => {
	const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
	const privacy = readme.slice(readme.indexOf('## Privacy'), readme.indexOf('## Development'));
	const nodesOf = (file: string) =>
		ready.find((r) => r.file === file)!.wf.nodes as Array<{
			name: string;
			type: string;
			parameters: Record<string, unknown>;
			credentials?: Record<string, unknown>;
		}>;

	it('every webhook of a ready workflow is listed in the privacy section with its workflow', () => {
		for (const { file, wf } of ready) {
			for (const node of wf.nodes) {
				const path = (node.parameters as { path?: string } | undefined)?.path;
				if (node.type === 'n8n-nodes-base.webhook') expect(privacy).toContain(`/webhook/${path}`);
				if (/webhook|Trigger$/.test(node.type) && !node.type.includes('schedule'))
					expect(privacy).toContain(`| ${file.replace('.json', '')} |`);
			}
		}
	});

	it('the report webhook requires n8n header authentication', () => {
		const hook = nodesOf('report.json').find((n) => n.type === 'n8n-nodes-base.webhook')!;
		expect(hook.parameters.authentication).toBe('headerAuth');
		expect(hook.credentials).toHaveProperty('httpHeaderAuth');
	});

	it('the verification page is sent with nosniff and no-referrer (n8n sets its own CSP)', () => {
		const answer = nodesOf('verify.json').find(
			(n) => n.type === 'n8n-nodes-base.respondToWebhook',
		)!;
		const entries = (
			answer.parameters.options as {
				responseHeaders: { entries: Array<{ name: string; value: string }> };
			}
		).responseHeaders.entries;
		const header = (name: string) => entries.find((e) => e.name === name)?.value;
		// n8n 2.x drops a workflow's Content-Security-Policy (a protected header) and sends its own.
		expect(header('Content-Security-Policy')).toBeUndefined();
		expect(header('X-Content-Type-Options')).toBe('nosniff');
		expect(header('Referrer-Policy')).toBe('no-referrer');
	});
});

describe('retention', () => {
	it('a nightly run deletes sessions not updated within the configured days (90 by default)', () => {
		const nodes = ready.find((r) => r.file === 'retention.json')!.wf.nodes as Array<{
			type: string;
			parameters: Record<string, unknown>;
		}>;
		const params = (type: string) =>
			nodes.find((n) => n.type === type)?.parameters as Record<string, unknown>;
		expect(nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')?.parameters.rule).toEqual(
			{
				interval: [expect.objectContaining({ field: 'days', daysInterval: 1 })],
			},
		);
		const set = params('n8n-nodes-base.set') as { assignments: { assignments: unknown[] } };
		const days = set.assignments.assignments[0];
		expect(days).toMatchObject({ name: 'sessionDays', value: 90 });
		const purge = params('n8n-nodes-base.dataTable');
		expect(purge).toMatchObject({
			operation: 'deleteRows',
			dataTableId: { value: 'pecelan_sessions' },
			filters: {
				conditions: [
					{
						keyName: 'updatedAt',
						condition: 'lt',
						keyValue: expect.stringContaining('$json.sessionDays'),
					},
				],
			},
		});
	});
});
