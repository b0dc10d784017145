/**
 * The load run's office: a stack (default or queue mode) with the repository's workflows plus a
 * bare workflow (Webhook → HTTP Request) as the cheapest possible reply, and the ways the run
 * talks to it: the sandbox's resident API, its sheet, its delivery log.
 */
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type ChatMessage } from '../../sandbox/server';
import { startStack, type Stack, type StackMode } from '../../sandbox/runtime/stack';
import type { Body, Channel, Sent } from './channel';

export const BARE_WORKFLOW = 'Bench · Bare reply (Webhook → HTTP Request)';
export const INTAKE_WORKFLOW = 'Pecelan · Intake (WhatsApp conversation)';
/** The least the reply needs on n8n: trigger → Load Session → Take Step → Save Session → Route Step → Send Replies. */
export const FLOOR_WORKFLOW = 'Bench · Floor reply (load, step, conditional save, reply)';
/** The floor with its tables looked up by name on every call, as n8n's "By Name" mode does. */
export const FLOOR_BY_NAME_WORKFLOW = 'Bench · Floor reply, tables by name';
/** The floor on stock nodes only: the webhook unchecked, the reply by HTTP Request as the bare one. */
export const STOCK_FLOOR_WORKFLOW =
	'Bench · Stock floor (Webhook, load, step, conditional save, HTTP Request)';
/** The floor plus 40 nodes that never run: does n8n's time before the first node grow with node count? */
export const PADDED_FLOOR_WORKFLOW = 'Bench · Floor reply + 40 idle nodes';

export interface Office {
	stack: Stack;
	intake: Channel;
	bare: Channel;
	floor: Channel;
	paddedFloor: Channel;
	stockFloor: Channel;
	floorByName: Channel;
	sheet(): Promise<Array<{ rowNumber: number; values: Record<string, string> }>>;
	setCells(rowNumber: number, values: Record<string, string>): Promise<void>;
	stop(): Promise<void>;
}

async function call<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	const response = await fetch(url, {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status}`);
	return (await response.json()) as T;
}

interface BenchWorkflow {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
}

/** `workflow` plus a chain of `count` No Op nodes no trigger reaches. */
function padded(workflow: BenchWorkflow, count: number): BenchWorkflow {
	const idle = Array.from({ length: count }, (_, i) => ({
		parameters: {},
		name: `Idle ${i}`,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [220 * i, 400],
		id: `f2000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
	}));
	const connections = { ...workflow.connections };
	for (let i = 0; i + 1 < count; i++)
		connections[`Idle ${i}`] = { main: [[{ node: `Idle ${i + 1}`, type: 'main', index: 0 }]] };
	return {
		...workflow,
		name: PADDED_FLOOR_WORKFLOW,
		nodes: [...workflow.nodes, ...idle],
		connections,
	};
}

export async function startOffice(
	mode: StackMode,
	keepSuccessfulExecutions = false,
	extraEnv: Record<string, string> = {},
): Promise<Office> {
	const dir = mkdtempSync(join(tmpdir(), `pecelan-load-${mode}-`));
	const workflowsDir = join(dir, 'workflows');
	mkdirSync(workflowsDir);
	for (const file of readdirSync('workflows').filter((f) => f.endsWith('.json')))
		copyFileSync(join('workflows', file), join(workflowsDir, file));
	// The bare workflow answers Meta's webhook as the intake does, with the sandbox's fixed token.
	const bareFile = readFileSync(join('bench', 'load', 'bare-reply.json'), 'utf8');
	writeFileSync(
		join(workflowsDir, 'bench-bare.json'),
		bareFile.replace('{{ACCESS_TOKEN}}', DEFAULT_SETTINGS.accessToken),
	);
	// The floor: the same nodes as the intake's message path, nothing else (a throwaway, not shipped).
	const floor = JSON.parse(readFileSync(join('bench', 'load', 'floor-reply.json'), 'utf8'));
	writeFileSync(join(workflowsDir, 'bench-floor.json'), JSON.stringify(floor));
	writeFileSync(join(workflowsDir, 'bench-floor-padded.json'), JSON.stringify(padded(floor, 40)));
	// Provisioning points tables named in a file at their ids; an expression keeps these by name.
	const byName = JSON.parse(
		JSON.stringify(floor).replace(
			/"value":"pecelan_sessions"/g,
			`"value":"={{ 'pecelan_sessions' }}"`,
		),
	);
	writeFileSync(
		join(workflowsDir, 'bench-floor-by-name.json'),
		JSON.stringify({ ...byName, name: FLOOR_BY_NAME_WORKFLOW }),
	);
	writeFileSync(
		join(workflowsDir, 'bench-floor-stock.json'),
		readFileSync(join('bench', 'load', 'floor-stock.json'), 'utf8').replace(
			'{{ACCESS_TOKEN}}',
			DEFAULT_SETTINGS.accessToken,
		),
	);
	const stack = await startStack({
		mode,
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		n8nPort: 0,
		workflowsDir,
		keepSuccessfulExecutions,
		extraEnv,
		log: (line) => {
			if (/error|fail|ready/i.test(line)) process.stderr.write(`[${mode}] ${line}\n`);
		},
	});
	const base = stack.sandbox.url;
	const chat = (waId: string) =>
		call<ChatMessage[]>(`${base}/api/residents/${encodeURIComponent(waId)}/messages`);
	const delivered = async (messageId: string) =>
		(
			await call<Array<{ webhookStatus: number }>>(
				`${base}/api/webhooks/deliveries?messageId=${encodeURIComponent(messageId)}`,
			)
		).some((a) => a.webhookStatus === 200);
	// Both workflows get their messages the same way: the sandbox delivers Meta's signed webhook,
	// to the bare workflow's URL while it is measured.
	const intakeUrl = stack.webhookUrl(INTAKE_WORKFLOW);
	const bareUrl = stack.webhookUrl(BARE_WORKFLOW);
	const through = (url: string): Channel => ({
		send: (waId: string, body: Body) => {
			stack.sandbox.setIntakeWebhookUrl(url);
			return call<Sent>(`${base}/api/residents/${encodeURIComponent(waId)}/messages`, {
				method: 'POST',
				body,
			});
		},
		chat,
		delivered,
	});
	const intake = through(intakeUrl);
	const bare = through(bareUrl);
	return {
		stack,
		intake,
		bare,
		floor: through(stack.webhookUrl(FLOOR_WORKFLOW, 'WhatsApp Trigger')),
		paddedFloor: through(stack.webhookUrl(PADDED_FLOOR_WORKFLOW, 'WhatsApp Trigger')),
		stockFloor: through(stack.webhookUrl(STOCK_FLOOR_WORKFLOW)),
		floorByName: through(stack.webhookUrl(FLOOR_BY_NAME_WORKFLOW, 'WhatsApp Trigger')),
		sheet: async () =>
			(
				await call<{ rows: Array<{ rowNumber: number; values: Record<string, string> }> }>(
					`${base}/api/sheet`,
				)
			).rows,
		setCells: async (rowNumber, values) => {
			await call(`${base}/api/sheet/rows/${rowNumber}`, { method: 'PATCH', body: values });
		},
		stop: async () => {
			await stack.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
