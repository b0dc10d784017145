// Pure helpers for importing a workflow file into another n8n instance: point its credential
// references at this instance's credentials, give webhook nodes stable ids, work out the
// production webhook URLs. No I/O, unit-tested alone.
import { createHash } from 'node:crypto';

import { API_SETTINGS } from '../../nodes/domain/setup/readyWorkflows';

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion?: number;
	webhookId?: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name?: string }>;
	[key: string]: unknown;
}

export interface WorkflowFile {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	[key: string]: unknown;
}

export interface KnownCredential {
	id: string;
	name: string;
	type: string;
}

/** The webhooks a node type declares (from n8n's node descriptions). */
export interface WebhookDescription {
	httpMethod: string;
	path: string;
	isFullPath?: boolean;
	name?: string;
	/** A Wait node's resume URL: per execution, never registered as a production webhook. */
	restartWebhook?: boolean;
	/** `form`: n8n serves it under /form/ instead of /webhook/ (the Form Trigger). */
	nodeType?: string;
}

export interface WebhookEndpoint {
	node: string;
	name: string;
	method: string;
	url: string;
}

/** A UUID-shaped id derived from stable names: the same webhook URL on every instance and run. */
export function stableUuid(...parts: string[]): string {
	const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The body for POST/PUT /api/v1/workflows: credential references replaced by the credential of
 * the same type (preferring the same name), webhook ids filled in. `missing` lists references
 * no credential could satisfy.
 */
export function prepareWorkflow(
	file: WorkflowFile,
	credentials: KnownCredential[],
	hasWebhooks: (node: WorkflowNode) => boolean,
	/** Settings that replace the file's (the e2e stack keeps successful executions to observe runs). */
	settingsOverride: Record<string, unknown> = {},
): { body: WorkflowFile; missing: string[] } {
	const missing: string[] = [];
	const nodes = file.nodes.map((node) => {
		const copy: WorkflowNode = { ...node };
		if (node.credentials) {
			copy.credentials = {};
			for (const [type, ref] of Object.entries(node.credentials)) {
				const ofType = credentials.filter((c) => c.type === type);
				const chosen = ofType.find((c) => c.name === ref?.name) ?? ofType[0];
				if (chosen) copy.credentials[type] = { id: chosen.id, name: chosen.name };
				else {
					copy.credentials[type] = ref;
					missing.push(`${node.name}: ${type}`);
				}
			}
		}
		if (!copy.webhookId && hasWebhooks(node)) copy.webhookId = stableUuid(file.name, node.name);
		return copy;
	});
	const settings: Record<string, unknown> = { executionOrder: 'v1' };
	for (const key of API_SETTINGS) {
		if (file.settings?.[key] !== undefined) settings[key] = file.settings[key];
	}
	Object.assign(settings, settingsOverride);
	const body: WorkflowFile = { name: file.name, nodes, connections: file.connections, settings };
	if (file.staticData) body.staticData = file.staticData;
	return { body, missing };
}

/**
 * A workflow with a password field in a form (the batch-signing passphrase), or a sub-workflow
 * handed that passphrase (an input named `passphrase`), keeps no execution, whatever a test stack
 * would like: the secret would otherwise sit in the stored execution data.
 */
export function asksForSecret(file: WorkflowFile): boolean {
	return file.nodes.some(
		(node) =>
			JSON.stringify(node.parameters?.formFields ?? {}).includes('"fieldType":"password"') ||
			(node.type === 'n8n-nodes-base.executeWorkflowTrigger' &&
				JSON.stringify(node.parameters?.workflowInputs ?? {}).includes('"name":"passphrase"')),
	);
}

/** Resolves `={{$parameter["x"]}}`, `={{$parameter.x || "d"}}`; literals as they are. */
function resolveValue(value: string, parameters: Record<string, unknown>): string | undefined {
	if (!value.startsWith('=')) return value;
	const match =
		/^=\{\{\s*\$parameter(?:\["([^"]+)"\]|\['([^']+)'\]|\.(\w+))\s*(?:\|\|\s*["']([^"']*)["'])?\s*\}\}$/.exec(
			value,
		);
	if (!match) {
		// The Form Trigger's `$parameter["path"] || $parameter["options"]?.path || $webhookId`.
		const alternatives = /^=\{\{(.*)\}\}$/.exec(value)?.[1].split('||') ?? [];
		for (const alternative of alternatives) {
			const m = /^\s*\$parameter\["(\w+)"\](?:\?\.(\w+))?\s*$/.exec(alternative);
			const found =
				m && (m[2] ? (parameters[m[1]] as Record<string, unknown>)?.[m[2]] : parameters[m[1]]);
			if (typeof found === 'string' && found) return found;
		}
		return undefined;
	}
	const found = parameters[match[1] ?? match[2] ?? match[3]];
	return typeof found === 'string' && found ? found : match[4];
}

/** Production webhook URLs, computed as n8n does (NodeHelpers.getNodeWebhookPath). */
export function webhookEndpoints(
	baseUrl: string,
	node: WorkflowNode,
	descriptions: WebhookDescription[],
	defaults: Record<string, unknown> = {},
): WebhookEndpoint[] {
	const parameters = { ...defaults, ...(node.parameters ?? {}) };
	const endpoints: WebhookEndpoint[] = [];
	for (const description of descriptions.filter((d) => !d.restartWebhook)) {
		const path = resolveValue(description.path, parameters) ?? '';
		const method = resolveValue(description.httpMethod, parameters) ?? 'GET';
		const full = description.isFullPath === true;
		// n8n serves paths with parameters (`verifikasi/:code`) under the node's webhook id.
		const dynamic = path.startsWith(':') || path.includes('/:');
		const webhookPath =
			full && !dynamic ? path || node.webhookId : `${node.webhookId}/${path.replace(/^\/+/, '')}`;
		endpoints.push({
			node: node.name,
			name: description.name ?? 'default',
			method,
			url: `${baseUrl}/${description.nodeType === 'form' ? 'form' : 'webhook'}/${String(webhookPath).replace(/^\/+/, '')}`,
		});
	}
	return endpoints;
}
