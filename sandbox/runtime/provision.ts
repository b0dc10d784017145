// Brings a running n8n to the office's state, idempotently: an API key, the credentials, the
// data tables of templates/resources.json, every workflows/*.json imported (by name) and
// activated, and their production webhooks answering.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { internalCall, login, N8nApiError, PublicApi } from './api';
import {
	CredentialSpec,
	ensureApiKey,
	ensureCredentials,
	ensureDataTables,
	readResources,
	type OfficeResources,
} from './provision-resources';
import { fillDataTableIds } from '../../nodes/shared/setup/dataTableIds';
import { withSandboxOffice } from './office';
import { defaultLog, Log, seconds } from './run';

import { OwnerLogin, readState, writeState } from './secrets';
import {
	asksForSecret,
	KnownCredential,
	prepareWorkflow,
	WebhookDescription,
	WebhookEndpoint,
	webhookEndpoints,
	WorkflowFile,
	WorkflowNode,
} from './workflow-file';

export type { CredentialSpec, OfficeResources } from './provision-resources';

export interface ProvisionOptions {
	n8n: { url: string; userFolder: string; owner: OwnerLogin };
	/** Folder with the workflow files. */
	workflowsDir: string;
	/** What the workflows need besides themselves (data tables); default templates/resources.json. */
	resourcesFile?: string;
	credentials: CredentialSpec[];
	log?: Log;
	webhookTimeoutMs?: number;
	/**
	 * Save successful executions in full, overriding the workflows' own "none": for the e2e
	 * tests only, which wait on and read intake executions through n8n's API. Never for a
	 * workflow that asks for a secret (asksForSecret).
	 */
	keepSuccessfulExecutions?: boolean;
}

export interface ProvisionedWorkflow {
	id: string;
	name: string;
	file: string;
	active: boolean;
	webhooks: WebhookEndpoint[];
	/** Node name → node type. */
	nodeTypes: Record<string, string>;
}

export interface Provisioned {
	apiKey: string;
	credentials: KnownCredential[];
	dataTables: Record<string, string>;
	workflows: ProvisionedWorkflow[];
	setup: OfficeResources;
	seconds: number;
}

interface NodeTypeDescription {
	name: string;
	version: number | number[];
	webhooks?: WebhookDescription[];
	properties?: Array<{ name: string; default?: unknown }>;
}

interface ExistingWorkflow {
	id: string;
	name: string;
	active: boolean;
}

const HASHES = 'pecelan-workflow-hashes.json';

/**
 * Creates the workflow, or updates it when its file changed since the last import (a workflow
 * edited only in the editor is left as it is), and makes sure it is active. An active workflow
 * is deactivated before the update, so its webhooks are registered again from scratch and the
 * readiness probe cannot mistake the old registration for the new one.
 */
async function upsertWorkflow(
	api: PublicApi,
	body: WorkflowFile,
	hash: string,
	found: ExistingWorkflow | undefined,
	previous: { id: string; hash: string } | undefined,
): Promise<{ id: string; active: boolean }> {
	if (!found) {
		const created = await api.call<{ id: string }>('POST', '/workflows', body);
		return { id: created.id, active: await activate(api, created.id, body) };
	}
	const unchanged = previous?.id === found.id && previous.hash === hash;
	if (!unchanged) {
		if (found.active) await api.call('POST', `/workflows/${found.id}/deactivate`, {});
		await api.call('PUT', `/workflows/${found.id}`, body);
	}
	if (unchanged && found.active) return { id: found.id, active: true };
	return { id: found.id, active: await activate(api, found.id, body) };
}

/**
 * Publishing makes the saved version the live one (n8n 2.x keeps drafts apart). A workflow
 * without a trigger (a sub-workflow run by others) cannot be published and need not be.
 */
async function activate(api: PublicApi, id: string, body: WorkflowFile): Promise<boolean> {
	try {
		await api.call('POST', `/workflows/${id}/activate`, {});
		return true;
	} catch (error) {
		const hasTrigger = body.nodes.some(
			(n) => /trigger|webhook/i.test(n.type) && !/executeWorkflowTrigger/i.test(n.type),
		);
		if (error instanceof N8nApiError && error.status === 400 && !hasTrigger) return false;
		throw error;
	}
}

function descriptionOf(
	types: NodeTypeDescription[],
	node: WorkflowNode,
): NodeTypeDescription | undefined {
	const ofType = types.filter((t) => t.name === node.type);
	return (
		ofType.find((t) =>
			(Array.isArray(t.version) ? t.version : [t.version]).includes(node.typeVersion ?? 1),
		) ?? ofType[0]
	);
}

function readWorkflowFiles(dir: string): Array<{ file: string; workflow: WorkflowFile }> {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowFile,
		}));
}

/** Production webhooks are registered a moment after activation: probe them without running them. */
async function waitForWebhooks(endpoints: WebhookEndpoint[], timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const endpoint of endpoints) {
		for (;;) {
			// With an Origin header, OPTIONS looks the webhook up and runs nothing: 204 once it is
			// registered; an unknown one answers 404 or, right after an update, 500.
			const response = await fetch(endpoint.url, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': endpoint.method },
			});
			if (response.ok) break;
			if (Date.now() > deadline) {
				throw new Error(
					`webhook ${endpoint.method} ${endpoint.url} not registered after ${timeoutMs} ms (OPTIONS answers ${response.status})`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

export async function provision(options: ProvisionOptions): Promise<Provisioned> {
	const log = options.log ?? defaultLog;
	const started = Date.now();
	const { url, userFolder, owner } = options.n8n;
	const session = await login(url, owner);
	const api = await ensureApiKey(url, userFolder, session);
	// The Setup workflow installs the others through n8n's own API: a credential with this n8n's key.
	const n8nApi: CredentialSpec = {
		name: 'n8n API',
		type: 'n8nApi',
		data: { apiKey: api.apiKey, baseUrl: `${url.replace(/\/$/, '')}/api/v1` },
	};
	const credentials = await ensureCredentials(api, [...options.credentials, n8nApi], log);
	const setup = readResources(options.resourcesFile);
	const dataTables = await ensureDataTables(api, setup, log);

	const files = readWorkflowFiles(options.workflowsDir);
	const types = files.length
		? await internalCall<NodeTypeDescription[]>(url, session, 'GET', '/types/nodes.json')
		: [];
	const existing = await api.list<ExistingWorkflow>('/workflows');
	const previous =
		readState<Record<string, { id: string; hash: string }>>(userFolder, HASHES) ?? {};
	const hashes: Record<string, { id: string; hash: string }> = {};
	const workflows: ProvisionedWorkflow[] = [];
	for (const { file, workflow } of files) {
		const unknownTypes = workflow.nodes.filter((n) => !descriptionOf(types, n)).map((n) => n.type);
		if (unknownTypes.length)
			log(
				`provision: ${file} uses node types n8n does not know: ${[...new Set(unknownTypes)].join(', ')}`,
			);
		const { body, missing } = prepareWorkflow(
			fillDataTableIds(withSandboxOffice(workflow), dataTables),
			credentials,
			(n) => Boolean(descriptionOf(types, n)?.webhooks?.length),
			options.keepSuccessfulExecutions && !asksForSecret(workflow)
				? { saveDataSuccessExecution: 'all' }
				: {},
		);
		if (missing.length) log(`provision: ${file}: no credential for ${missing.join('; ')}`);
		const found = existing.find((w) => w.name === workflow.name);
		const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
		const { id, active } = await upsertWorkflow(api, body, hash, found, previous[workflow.name]);
		hashes[workflow.name] = { id, hash };
		const webhooks = body.nodes.flatMap((node) => {
			const description = descriptionOf(types, node);
			const defaults = Object.fromEntries(
				(description?.properties ?? []).map((p) => [p.name, p.default]),
			);
			return description?.webhooks && !node.disabled
				? webhookEndpoints(url, node, description.webhooks, defaults)
				: [];
		});
		const nodeTypes = Object.fromEntries(body.nodes.map((n) => [n.name, n.type]));
		workflows.push({ id, name: workflow.name, file, active, webhooks, nodeTypes });
		const state = active ? 'active' : 'saved (no trigger: not activated)';
		const urls = webhooks.map((w) => `\n    ${w.method} ${w.url}`).join('');
		log(`provision: ${workflow.name} (${file}) ${state}${urls}`);
	}
	await waitForWebhooks(
		workflows.filter((w) => w.active).flatMap((w) => w.webhooks),
		options.webhookTimeoutMs ?? 60000,
	);
	const result: Provisioned = {
		apiKey: api.apiKey,
		credentials,
		dataTables,
		workflows,
		setup,
		seconds: (Date.now() - started) / 1000,
	};
	writeState(userFolder, HASHES, { ...previous, ...hashes });
	writeState(userFolder, 'pecelan-provisioned.json', { ...result, apiKey: undefined });
	log(`provision: done in ${seconds(started)}`);
	return result;
}
