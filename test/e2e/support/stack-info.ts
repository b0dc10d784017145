// What the end-to-end tests need to know about a running stack, shareable through a JSON file
// (jest's globalSetup runs in another process than the test files).
import { readFileSync, writeFileSync } from 'node:fs';
import type { SandboxConfig } from '../../../sandbox/server';
import type { Stack } from '../../../sandbox/runtime/stack';
import type { ProvisionedWorkflow } from '../../../sandbox/runtime/provision';

export const STACK_FILE_ENV = 'PECELAN_E2E_STACK_FILE';

export interface StackInfo {
	sandboxUrl: string;
	n8nUrl: string;
	apiKey: string;
	owner: { email: string; password: string };
	config: SandboxConfig;
	workflows: ProvisionedWorkflow[];
	timings: Record<string, number>;
	/** Main n8n's process (its process group id). */
	n8nPid: number;
	/** Queue mode's worker processes (process group ids); empty in the default mode. */
	workerPids: number[];
	/** Main n8n's log (warnings and the reasons webhooks refuse calls). */
	n8nLogFile: string;
	/** n8n's user folder: its database, binary data and logs (searched for secrets). */
	userFolder: string;
}

export function stackInfo(stack: Stack): StackInfo {
	return {
		sandboxUrl: stack.sandbox.url,
		n8nUrl: stack.n8n.url,
		apiKey: stack.provisioned.apiKey,
		owner: { email: stack.n8n.owner.email, password: stack.n8n.owner.password },
		config: stack.sandbox.config(),
		workflows: stack.provisioned.workflows,
		timings: stack.timings,
		n8nPid: stack.n8n.process.pid as number,
		workerPids: stack.workers.map((w) => w.process.pid as number),
		n8nLogFile: stack.n8n.logFile,
		userFolder: stack.n8n.userFolder,
	};
}

export function writeStackInfo(file: string, info: StackInfo): void {
	writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function readStackInfo(file: string): StackInfo {
	return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}

/** The production URL of a workflow's webhook, by workflow name (and node name). */
export function webhookUrl(info: StackInfo, workflowName: string, nodeName?: string): string {
	const hook = info.workflows
		.find((w) => w.name === workflowName)
		?.webhooks.find((w) => !nodeName || w.node === nodeName);
	if (!hook)
		throw new Error(
			`no webhook for workflow "${workflowName}"; have: ${info.workflows.map((w) => w.name).join(', ')}`,
		);
	return hook.url;
}

/** The intake workflow: the one whose WhatsApp trigger receives residents' messages. */
export function intakeWorkflow(info: StackInfo): ProvisionedWorkflow {
	const intake = info.workflows.find((w) =>
		w.webhooks.some(
			(h) =>
				h.method === 'POST' && w.nodeTypes[h.node] === 'n8n-nodes-pecelan.whatsAppGatewayTrigger',
		),
	);
	if (!intake) throw new Error('the intake workflow is not provisioned');
	return intake;
}
