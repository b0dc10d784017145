// The batch-signing workflow (workflows/signing.json): the same rules as the ready
// workflows, and the passphrase kept out of stored executions and of every node but the signer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const workflow = JSON.parse(
	readFileSync(join(__dirname, '..', '..', '..', 'workflows', 'signing.json'), 'utf8'),
) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	settings: Record<string, unknown>;
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
		expect(workflow.settings).toMatchObject({
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'none',
			saveManualExecutions: false,
			saveExecutionProgress: false,
		});
		const readers = workflow.nodes
			.filter((n) => JSON.stringify(n.parameters).includes("json['Passphrase TTE']"))
			.map((n) => n.name);
		expect(readers).toEqual(['Sign Letter']);
		const signer = workflow.nodes.find((n) => n.name === 'Sign Letter')!;
		expect(signer).toMatchObject({
			type: 'n8n-nodes-pecelan.letterSignature',
			parameters: { signWith: 'bsre' },
		});
	});
});
