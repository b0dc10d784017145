// The batch-signing workflow (workflows/signing.json) and the sub-workflow it hands the letters
// to (workflows/deliver-letter.json): the same rules as the ready workflows, and the passphrase
// kept out of stored executions and of every node but the call and the signer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

interface WorkflowFile {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	settings: Record<string, unknown>;
}
const read = (file: string) =>
	JSON.parse(
		readFileSync(join(__dirname, '..', '..', '..', 'workflows', file), 'utf8'),
	) as WorkflowFile;
const workflow = read('signing.json');
const deliver = read('deliver-letter.json');
const NEVER_SAVED = {
	saveDataSuccessExecution: 'none',
	saveDataErrorExecution: 'none',
	saveManualExecutions: false,
	saveExecutionProgress: false,
};

describe('batch signing workflow', () => {
	it('uses stock and package nodes only, wired to nodes that exist', () => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		for (const node of workflow.nodes)
			expect(node.type).toMatch(/^(n8n-nodes-base\.(?!code$|function)|n8n-nodes-pecelan\.)/);
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const branch of outputs.main)
				for (const link of branch) expect(names).toContain(link.node);
		}
	});

	it('stores no execution (the passphrase passes through memory only) and only the signer reads it', () => {
		expect(workflow.settings).toMatchObject(NEVER_SAVED);
		expect(deliver.settings).toMatchObject(NEVER_SAVED);
		const readers = (file: WorkflowFile, key: string) =>
			file.nodes.filter((n) => JSON.stringify(n.parameters).includes(key)).map((n) => n.name);
		// The form's passphrase goes to the sub-workflow only, whose signer alone signs with it (the
		// letters' reading only asks whether one was typed).
		expect(readers(workflow, "json['Passphrase TTE']")).toEqual(['Deliver Letters']);
		expect(readers(deliver, '.passphrase')).toEqual(['Letter to Deliver', 'Sign Letter (TTE)']);
		const signer = deliver.nodes.find((n) => n.name === 'Sign Letter (TTE)')!;
		expect(signer).toMatchObject({
			type: 'n8n-nodes-pecelan.letterSignature',
			parameters: {
				signWith: 'bsre',
				passphrase: "={{ $('When Called').first().json.passphrase }}",
			},
		});
		const letters = deliver.nodes.find((n) => n.name === 'Letter to Deliver')!;
		expect(letters.parameters.signedInBatch).toBe(
			"={{ !!$('When Called').first().json.passphrase }}",
		);
	});
});
