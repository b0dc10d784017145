/**
 * What the ready workflows keep and expose: no successful execution saved (they carry messages,
 * NIKs and the requests sheet), failures kept for debugging, every public webhook protected or
 * harmless and listed in docs/privacy.md.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { setupTables } from './support/setupTables';

import {
	asksForSecret,
	prepareWorkflow,
	type WorkflowFile,
} from '../sandbox/runtime/workflow-file';

const dir = join(__dirname, '..', 'workflows');
const ready = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, wf: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowFile }));

describe('executions of the ready workflows keep no personal data', () => {
	const takesNoSecret = ready.filter((r) => !asksForSecret(r.wf));
	it.each(takesNoSecret.map((r) => [r.file, r.wf]))('%s saves failures only', (_, wf) => {
		expect(wf.settings).toMatchObject({
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
		});
	});

	it('a workflow that asks for a secret (the TTE passphrase), or is handed it, saves nothing, not even failures', () => {
		const secretive = ready.filter((r) => asksForSecret(r.wf)).map((r) => r.file);
		expect(secretive.sort()).toEqual(['deliver-letter.json', 'signing.json']);
		for (const { wf } of ready.filter((r) => asksForSecret(r.wf)))
			expect(wf.settings).toMatchObject({
				saveDataSuccessExecution: 'none',
				saveDataErrorExecution: 'none',
				saveManualExecutions: false,
				saveExecutionProgress: false,
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
	const privacy = readFileSync(join(__dirname, '..', 'docs', 'privacy.md'), 'utf8');
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
				// A sub-workflow's trigger answers only the workflows that call it, not the public.
				const calledOnly = node.type === 'n8n-nodes-base.executeWorkflowTrigger';
				if (/webhook|Trigger$/.test(node.type) && !node.type.includes('schedule') && !calledOnly)
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

describe('verification records and request folders', () => {
	type Node = {
		name: string;
		type: string;
		parameters: Record<string, any>;
		onError?: string;
	};
	const nodesOf = (file: string) => ready.find((r) => r.file === file)!.wf.nodes as Node[];
	const letters = setupTables().find((t) => t.name === 'pecelan_letters');

	it('the QR page reads one record by code, never the sheet', () => {
		const nodes = nodesOf('verify.json');
		expect(nodes.filter((n) => n.type === 'n8n-nodes-base.googleSheets')).toEqual([]);
		const lookup = nodes.find((n) => n.type === 'n8n-nodes-base.dataTable')!;
		expect(lookup.parameters).toMatchObject({
			operation: 'get',
			dataTableId: { value: 'pecelan_letters' },
			filters: { conditions: [{ keyName: 'code', condition: 'eq' }] },
			limit: 1,
		});
		expect(
			nodes.find((n) => n.parameters.operation === 'verificationPage')!.parameters.source,
		).toBe('record');
	});

	it('approvals and the nightly run write records to the table the Setup workflow creates', () => {
		expect(letters?.columns.map((c) => c.name)).toEqual(
			expect.arrayContaining(['code', 'number', 'name', 'nik', 'service', 'issuedAt', 'status']),
		);
		// A letter's record is written when it is printed (Sign and send a letter); Approvals and
		// Retention keep the records in step through Update letter records.
		for (const file of ['deliver-letter.json', 'letter-records.json']) {
			const upsert = nodesOf(file).find(
				(n) =>
					n.parameters.operation === 'upsert' &&
					n.parameters.dataTableId?.value === 'pecelan_letters',
			)!;
			expect(upsert.parameters.filters.conditions[0].keyName).toBe('code');
			expect(Object.keys(upsert.parameters.columns.value).sort()).toEqual(
				letters!.columns.map((c) => c.name).sort(),
			);
		}
		const ops = (file: string) => nodesOf(file).map((n) => n.parameters.operation);
		expect(ops('deliver-letter.json')).toContain('letterRecord');
		expect(ops('letter-records.json')).toContain('letterRecordChanges');
		const scope = (file: string) =>
			nodesOf(file).find((n) => n.name === 'Update Letter Records')!.parameters.workflowInputs.value
				.scope;
		expect([scope('approvals.json'), scope('retention.json')]).toEqual(['revocations', 'all']);
	});

	it("uploads go to the request's own folder, never the Drive root", () => {
		// Request documents and complaint photos alike are filed by one sub-workflow.
		const nodes = nodesOf('file-documents.json');
		for (const [upload, folder] of [['Upload File', 'Ticket Folder']]) {
			expect(nodes.find((n) => n.name === upload)!.parameters.folderId.value).toContain(
				`$('${folder}')`,
			);
			const made = nodes.find((n) => n.name === folder)!.parameters;
			expect(made).toMatchObject({ resource: 'folder', operation: 'create' });
			expect(made.name).toContain('ticket');
			expect(made.folderId.value).not.toBe('root');
		}
	});

	it("the nightly run deletes finished requests' folders for good after fileDays (30 by default)", () => {
		const nodes = nodesOf('retention.json');
		const periods = nodes.find((n) => n.type === 'n8n-nodes-base.set')!.parameters.assignments
			.assignments as Array<{ name: string; value: unknown }>;
		expect(periods.find((p) => p.name === 'fileDays')?.value).toBe(30);
		const expired = nodes.filter((n) => n.parameters.operation === 'expiredFolders');
		expect(expired.map((n) => n.parameters.kind).sort()).toEqual(['complaints', 'requests']);
		for (const n of expired) expect(n.parameters.days).toContain('fileDays');
		const deletes = nodes.filter((n) => n.parameters.operation === 'deleteFolder');
		expect(deletes).toHaveLength(2);
		for (const n of deletes) {
			expect(n.parameters.options.deletePermanently).toBe(true);
			// A folder that cannot be deleted is skipped (its row keeps its links), not the whole run.
			expect(n.onError).toBe('continueErrorOutput');
		}
	});
});
