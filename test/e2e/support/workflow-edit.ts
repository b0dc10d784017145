// Changing a provisioned workflow for one test and putting it back, through n8n's public API (as
// the provisioning does: deactivate, update, activate, so its triggers are registered afresh).
import { waitForWebhooks } from '../../../sandbox/runtime/provision';
import { n8nExecutions } from './clients';
import type { StackInfo } from './stack-info';
import { waitFor } from './wait';

interface ApiNode {
	name: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

interface ApiWorkflow {
	id?: string;
	active?: boolean;
	name: string;
	nodes: ApiNode[];
	connections: unknown;
	settings?: Record<string, unknown>;
}

/** The settings the public API accepts back. */
const SETTINGS = [
	'executionOrder',
	'timezone',
	'saveDataSuccessExecution',
	'saveDataErrorExecution',
	'saveManualExecutions',
	'executionTimeout',
];

/** One call of the public API. */
async function call<T>(info: StackInfo, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${info.n8nUrl}/api/v1${path}`, {
		method,
		headers: { 'x-n8n-api-key': info.apiKey, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

async function replace(
	info: StackInfo,
	id: string,
	workflow: ApiWorkflow,
	active = true,
): Promise<void> {
	const settings = Object.fromEntries(
		Object.entries(workflow.settings ?? {}).filter(([key]) => SETTINGS.includes(key)),
	);
	await call(info, 'POST', `/workflows/${id}/deactivate`, {});
	await call(info, 'PUT', `/workflows/${id}`, {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings,
	});
	if (!active) return;
	await call(info, 'POST', `/workflows/${id}/activate`, {});
	// Live once its webhooks are registered again (a message sent before that gets a 404).
	await waitForWebhooks(info.workflows.find((w) => w.id === id)?.webhooks ?? [], 60000);
}

/**
 * Runs the workflow whose name matches `name` with `change` applied to its nodes (by node name:
 * new parameters) and returns how to restore it.
 */
export async function editWorkflow(
	info: StackInfo,
	name: RegExp,
	change: Record<string, (parameters: Record<string, unknown>) => Record<string, unknown>>,
): Promise<() => Promise<void>> {
	const id = info.workflows.find((w) => name.test(w.name))?.id;
	if (!id) throw new Error(`no workflow named ${name}`);
	const original = await call<ApiWorkflow>(info, 'GET', `/workflows/${id}`);
	const nodes = original.nodes.map((node) =>
		change[node.name]
			? { ...node, parameters: change[node.name](structuredClone(node.parameters)) }
			: node,
	);
	await replace(info, id, { ...original, nodes });
	return () => replace(info, id, original);
}

/**
 * Deactivates the workflow whose name matches `name` and waits until none of its runs is still
 * going (nothing it does can then interfere); returns how to activate it again.
 */
export async function pauseWorkflow(info: StackInfo, name: RegExp): Promise<() => Promise<void>> {
	const id = info.workflows.find((w) => name.test(w.name))?.id;
	if (!id) throw new Error(`no workflow named ${name}`);
	await call(info, 'POST', `/workflows/${id}/deactivate`, {});
	await waitFor(
		async () => (await n8nExecutions(info, { workflowId: id, status: 'running' })).length === 0,
		{ timeoutMs: 120000, intervalMs: 500, description: `no run of ${name} still going` },
	);
	return async () => {
		await call(info, 'POST', `/workflows/${id}/activate`, {});
	};
}

/** A node of an installed workflow, as the public API gives it (`disabled`: deactivated in the editor). */
export type InstalledNode = ApiNode & { type: string; disabled?: boolean };

/** Every installed workflow whose name starts with `prefix` (sub-workflows included), in full. */
export async function installedWorkflows(
	info: StackInfo,
	prefix = 'Pecelan',
): Promise<ApiWorkflow[]> {
	const listed: Array<{ id: string; name: string }> = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
		const page = await call<{
			data: Array<{ id: string; name: string }>;
			nextCursor?: string | null;
		}>(info, 'GET', `/workflows?${query}`);
		listed.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	const ours = listed.filter((w) => w.name.startsWith(prefix));
	return Promise.all(ours.map((w) => call<ApiWorkflow>(info, 'GET', `/workflows/${w.id}`)));
}

/**
 * What an admin does in the editor: in every installed Pecelan workflow (however the canvases
 * are split), each node `change` returns a new version of is replaced by it; each workflow touched
 * is saved and published again (if it was active). Returns the names of the nodes changed, per
 * workflow, and how to put everything back.
 */
export async function editInstalledNodes(
	info: StackInfo,
	change: (node: InstalledNode, workflow: string) => InstalledNode | undefined,
): Promise<{ changed: Record<string, string[]>; restore: () => Promise<void> }> {
	const changed: Record<string, string[]> = {};
	const originals: ApiWorkflow[] = [];
	for (const workflow of await installedWorkflows(info)) {
		const names: string[] = [];
		const nodes = workflow.nodes.map((node) => {
			const next = change(structuredClone(node) as InstalledNode, workflow.name);
			if (!next) return node;
			names.push(node.name);
			return next;
		});
		if (!names.length) continue;
		changed[workflow.name] = names;
		originals.push(workflow);
		await replace(info, workflow.id!, { ...workflow, nodes }, workflow.active !== false);
	}
	return {
		changed,
		restore: async () => {
			for (const workflow of originals)
				await replace(info, workflow.id!, workflow, workflow.active !== false);
		},
	};
}
