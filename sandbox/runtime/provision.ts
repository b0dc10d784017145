// Brings a running n8n to the office's state, idempotently: an API key, the credentials, the
// workflows and their production webhooks answering. A folder holding the Setup workflow (the
// repository's workflows/) is set up as an admin does it: Setup imported alone and its form
// submitted (./setup-form), which installs the ready workflows (any other file in it, such as a
// benchmark's workflow, is imported as it is); a folder without Setup (test fixtures) has every
// file imported and activated, with the data tables its resources file names.
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
import {
	BUNDLED_WORKFLOWS,
	SETUP_SUB_WORKFLOWS,
	SUB_WORKFLOWS,
} from '../../nodes/domain/setup/bundled';
import { API_SETTINGS } from '../../nodes/domain/setup/readyWorkflows';
import { defaultLog, Log, seconds } from './run';
import { isSetupWorkflow, keyValueTable, submitSetupForm } from './setup-form';

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
	/** Data tables a folder without the Setup workflow needs (test fixtures); default none. */
	resourcesFile?: string;
	credentials: CredentialSpec[];
	/**
	 * The Setup form's answers (field name → value) and its login, for a folder holding the Setup
	 * workflow; `answers: false` imports Setup without submitting it (the setup e2e submits its own).
	 */
	setup?: { answers: Record<string, string> | false; login: { user: string; password: string } };
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
	/** What the Setup form made (pecelan_office: spreadsheetId, folderId); empty without it. */
	office: Record<string, string>;
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
export async function waitForWebhooks(endpoints: WebhookEndpoint[], timeoutMs: number): Promise<void> {
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

/** A workflow's production webhooks, as its node types describe them. */
function webhooksOf(url: string, types: NodeTypeDescription[], body: WorkflowFile) {
	return body.nodes.flatMap((node) => {
		const description = descriptionOf(types, node);
		const defaults = Object.fromEntries(
			(description?.properties ?? []).map((p) => [p.name, p.default]),
		);
		return description?.webhooks && !node.disabled
			? webhookEndpoints(url, node, description.webhooks, defaults)
			: [];
	});
}

function described(
	url: string,
	types: NodeTypeDescription[],
	body: WorkflowFile,
	entry: { id: string; file: string; active: boolean },
	log: Log,
	how = '',
): ProvisionedWorkflow {
	const webhooks = webhooksOf(url, types, body);
	const nodeTypes = Object.fromEntries(body.nodes.map((n) => [n.name, n.type]));
	const state = entry.active ? 'active' : 'saved (no trigger: not activated)';
	const urls = webhooks.map((w) => `\n    ${w.method} ${w.url}`).join('');
	log(`provision: ${body.name} (${entry.file}${how}) ${state}${urls}`);
	return { ...entry, name: body.name, webhooks, nodeTypes };
}

interface Context {
	url: string;
	api: PublicApi;
	types: NodeTypeDescription[];
	credentials: KnownCredential[];
	options: ProvisionOptions;
	log: Log;
}

/** Imports the files (created, or updated when changed since the last import) and activates them. */
async function importFiles(
	ctx: Context,
	files: Array<{ file: string; workflow: WorkflowFile }>,
	previous: Record<string, { id: string; hash: string }>,
	hashes: Record<string, { id: string; hash: string }>,
): Promise<ProvisionedWorkflow[]> {
	const { api, types, log } = ctx;
	const existing = await api.list<ExistingWorkflow>('/workflows');
	const workflows: ProvisionedWorkflow[] = [];
	for (const { file, workflow } of files) {
		const unknownTypes = workflow.nodes.filter((n) => !descriptionOf(types, n)).map((n) => n.type);
		if (unknownTypes.length)
			log(
				`provision: ${file} uses node types n8n does not know: ${[...new Set(unknownTypes)].join(', ')}`,
			);
		const { body, missing } = prepareWorkflow(
			workflow,
			ctx.credentials,
			(n) => Boolean(descriptionOf(types, n)?.webhooks?.length),
			keepsSuccesses(ctx.options, workflow) ? { saveDataSuccessExecution: 'all' } : {},
		);
		if (missing.length) log(`provision: ${file}: no credential for ${missing.join('; ')}`);
		const found = existing.find((w) => w.name === workflow.name);
		const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
		const { id, active } = await upsertWorkflow(api, body, hash, found, previous[workflow.name]);
		hashes[workflow.name] = { id, hash };
		workflows.push(described(ctx.url, types, body, { id, file, active }, log));
	}
	return workflows;
}

const keepsSuccesses = (options: ProvisionOptions, workflow: WorkflowFile) =>
	Boolean(options.keepSuccessfulExecutions) && !asksForSecret(workflow);

/**
 * Saves the workflow again keeping its successful executions (tests read them), published again
 * if it was; the workflow as n8n holds it. True when it is active afterwards.
 */
export async function keepSuccessfulExecutions(
	api: PublicApi,
	id: string,
	body: WorkflowFile & { active: boolean },
): Promise<boolean> {
	if (body.settings?.saveDataSuccessExecution === 'all') return body.active;
	const settings = Object.fromEntries(
		API_SETTINGS.filter((k) => body.settings?.[k] !== undefined).map((k) => [
			k,
			body.settings?.[k],
		]),
	);
	const update = {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: { ...settings, saveDataSuccessExecution: 'all' },
	};
	if (body.active) await api.call('POST', `/workflows/${id}/deactivate`, {});
	await api.call('PUT', `/workflows/${id}`, update);
	return body.active && (await activate(api, id, update));
}

/**
 * The workflows the Setup run installed (those named like the folder's other files), described
 * like imported ones; with keepSuccessfulExecutions (tests only) each is saved again keeping
 * successful executions.
 */
async function adoptInstalled(
	ctx: Context,
	files: Array<{ file: string; workflow: WorkflowFile }>,
): Promise<ProvisionedWorkflow[]> {
	const { api } = ctx;
	const fileOf = new Map(files.map((f) => [f.workflow.name, f.file]));
	const installed = (await api.list<ExistingWorkflow>('/workflows')).filter((w) =>
		fileOf.has(w.name),
	);
	const workflows: ProvisionedWorkflow[] = [];
	for (const { id } of installed) {
		const body = await api.call<WorkflowFile & { active: boolean }>('GET', `/workflows/${id}`);
		const active = keepsSuccesses(ctx.options, body)
			? await keepSuccessfulExecutions(api, id, body)
			: body.active;
		const file = fileOf.get(body.name)!;
		const entry = { id, file, active };
		workflows.push(described(ctx.url, ctx.types, body, entry, ctx.log, ', installed by Setup'));
	}
	return workflows;
}

/**
 * Runs the Setup form unless it ran with the same answers and files and every workflow it
 * installs is still there (a workflow edited in the editor then stays as it is).
 */
async function runSetup(
	ctx: Context,
	setup: { file: string; workflow: WorkflowFile; id: string },
	others: Array<{ file: string; workflow: WorkflowFile }>,
	userFolder: string,
): Promise<void> {
	const given = ctx.options.setup;
	if (!given || given.answers === false) return;
	const hash = createHash('sha256')
		.update(JSON.stringify([given.answers, setup.workflow, others]))
		.digest('hex');
	const names = (await ctx.api.list<ExistingWorkflow>('/workflows')).map((w) => w.name);
	const complete = others.every(({ workflow }) => names.includes(workflow.name));
	if (readState<{ hash: string }>(userFolder, SETUP_STATE)?.hash === hash && complete) return;
	await submitSetupForm({
		url: ctx.url,
		api: ctx.api,
		workflowId: setup.id,
		workflow: setup.workflow,
		login: given.login,
		answers: given.answers,
		log: ctx.log,
	});
	writeState(userFolder, SETUP_STATE, { hash });
}

const SETUP_STATE = 'pecelan-setup-form.json';

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
	const resources = options.resourcesFile ? readResources(options.resourcesFile) : {};
	await ensureDataTables(api, resources, log);

	const files = readWorkflowFiles(options.workflowsDir);
	const types = files.length
		? await internalCall<NodeTypeDescription[]>(url, session, 'GET', '/types/nodes.json')
		: [];
	const ctx: Context = { url, api, types, credentials, options, log };
	const previous =
		readState<Record<string, { id: string; hash: string }>>(userFolder, HASHES) ?? {};
	const hashes: Record<string, { id: string; hash: string }> = {};
	const setupFile = files.find((f) => isSetupWorkflow(f.workflow));
	const workflows = await importFiles(ctx, setupFile ? [setupFile] : files, previous, hashes);
	const waitForActive = (list: ProvisionedWorkflow[]) =>
		waitForWebhooks(
			list.filter((w) => w.active).flatMap((w) => w.webhooks),
			options.webhookTimeoutMs ?? 60000,
		);
	await waitForActive(workflows);
	if (setupFile) {
		// The ready workflows come from the Setup run; any other file (a benchmark's) is imported.
		const readyNames = new Set(
			[...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS, ...SETUP_SUB_WORKFLOWS].map((w) => w.name),
		);
		const ready = files.filter((f) => readyNames.has(f.workflow.name));
		const extras = files.filter((f) => f !== setupFile && !ready.includes(f));
		await runSetup(ctx, { ...setupFile, id: workflows[0].id }, ready, userFolder);
		const installed = await adoptInstalled(ctx, ready);
		const missing = ready.filter((f) => !installed.some((w) => w.name === f.workflow.name));
		if (options.setup?.answers && missing.length)
			throw new Error(
				`provision: the Setup run did not install ${missing.map((f) => f.file).join(', ')}`,
			);
		installed.push(...(await importFiles(ctx, extras, previous, hashes)));
		await waitForActive(installed);
		workflows.push(...installed);
	}
	const tables = await api.list<{ id: string; name: string }>('/data-tables');
	const result: Provisioned = {
		apiKey: api.apiKey,
		credentials,
		dataTables: Object.fromEntries(tables.map((t) => [t.name, t.id])),
		workflows,
		setup: resources,
		office: await keyValueTable(api, 'pecelan_office'),
		seconds: (Date.now() - started) / 1000,
	};
	writeState(userFolder, HASHES, { ...previous, ...hashes });
	writeState(userFolder, 'pecelan-provisioned.json', { ...result, apiKey: undefined });
	log(`provision: done in ${seconds(started)}`);
	return result;
}
