import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { properties } from '../actions/description';
import { operations } from '../actions/router';

type Options = Array<{ value: string }>;

const workflowsDir = join(__dirname, '..', '..', '..', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => f.endsWith('.json'));

/** The operations each resource offers. */
const byResource = new Map(
	properties
		.filter((p) => p.name === 'operation')
		.map((p) => [
			String(p.displayOptions?.show?.resource?.[0]),
			(p.options as Options).map((o) => o.value),
		]),
);

describe('Service Desk operations', () => {
	it('offers every operation the router runs under one resource, and nothing else', () => {
		const resources = (properties.find((p) => p.name === 'resource')!.options as Options).map(
			(o) => o.value,
		);
		expect([...byResource.keys()].sort()).toEqual([...resources].sort());
		const offered = [...byResource.values()].flat().sort();
		expect(offered).toEqual(Object.keys(operations).sort());
	});

	it.each(workflowFiles)(
		'%s sets every Service Desk node to a resource offering its operation',
		(file) => {
			const workflow = JSON.parse(readFileSync(join(workflowsDir, file), 'utf8'));
			const desks = workflow.nodes.filter(
				(n: { type: string }) => n.type === 'n8n-nodes-pecelan.serviceDesk',
			);
			if (['intake.json', 'approvals.json', 'verify.json', 'retention.json'].includes(file))
				expect(desks.length).toBeGreaterThan(0);
			for (const node of desks as Array<{ parameters: { resource: string; operation: string } }>)
				expect(byResource.get(node.parameters.resource)).toContain(node.parameters.operation);
		},
	);
});

describe('the Message parameter', () => {
	const defaultFor = (operation: string) =>
		properties.find(
			(p) => p.name === 'message' && p.displayOptions?.show?.operation?.includes(operation),
		)?.default;

	it.each(workflowFiles)(
		'%s passes each step its message as the default does (a fresh node needs no edit)',
		(file) => {
			const workflow = JSON.parse(readFileSync(join(workflowsDir, file), 'utf8'));
			for (const node of workflow.nodes as Array<{
				type: string;
				parameters: { operation: string; message?: string };
			}>) {
				if (node.type !== 'n8n-nodes-pecelan.serviceDesk' || node.parameters.message === undefined)
					continue;
				expect(defaultFor(node.parameters.operation)).toBe(node.parameters.message);
			}
		},
	);

	it('Handle Message takes the item it is given (the trigger right before it)', () => {
		expect(defaultFor('handleMessage')).toBe('={{ $json }}');
	});
});
