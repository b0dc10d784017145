/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a unit test (jest, never packed into dist) reading the workflow files from disk. */
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
	.filter((f) => f.endsWith('.json') && f !== 'setup.json')
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
