/**
 * Where an intake reply's time goes: one resident sends PECELAN_NODES_MESSAGES (default 30) help
 * questions one after another to the intake and to the bare workflow (Webhook → HTTP Request);
 * n8n's execution data gives each node's time. Prints per node the median ms and its share of the
 * median execution, so what the intake costs beyond the bare reply is counted, not guessed.
 */
import { loadavg } from 'node:os';
import {
	BARE_WORKFLOW,
	FLOOR_BY_NAME_WORKFLOW,
	FLOOR_WORKFLOW,
	INTAKE_WORKFLOW,
	PADDED_FLOOR_WORKFLOW,
	STOCK_FLOOR_WORKFLOW,
	startOffice,
	type Office,
} from './load/office';
import type { Channel } from './load/channel';
import { catalog, sendTimed } from './load/resident';
import { runBench } from './stack';

const MESSAGES = Number(process.env.PECELAN_NODES_MESSAGES ?? 30);

interface RunData {
	executionTime?: number;
}
interface Execution {
	startedAt: string;
	stoppedAt?: string;
	data?: { resultData?: { runData?: Record<string, RunData[]> } };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

/** The 95th percentile (nearest rank). */
const p95 = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.ceil(sorted.length * 0.95) - 1] : NaN;
};

async function executions(office: Office, workflowName: string): Promise<Execution[]> {
	const workflow = office.stack.provisioned.workflows.find((w) => w.name === workflowName)!;
	const url = `${office.stack.n8n.url}/api/v1/executions?workflowId=${workflow.id}&includeData=true&limit=${MESSAGES + 5}`;
	const response = await fetch(url, {
		headers: { 'x-n8n-api-key': office.stack.provisioned.apiKey },
	});
	return ((await response.json()) as { data: Execution[] }).data;
}

function perNode(all: Execution[]): void {
	// The help questions only (the resident's first message creates the session row, through
	// the save sub-workflow: Save Session Safely).
	const list = all.filter((e) => !e.data?.resultData?.runData?.['Save Session Safely']);
	const totals = list
		.filter((e) => e.stoppedAt)
		.map((e) => Date.parse(e.stoppedAt!) - Date.parse(e.startedAt));
	const nodes = new Map<string, number[]>();
	for (const execution of list) {
		for (const [node, runs] of Object.entries(execution.data?.resultData?.runData ?? {})) {
			const ms = runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0);
			nodes.set(node, [...(nodes.get(node) ?? []), ms]);
		}
	}
	const whole = median(totals);
	console.log(`  execution (start → stop): median ${whole} ms over ${list.length}`);
	let sum = 0;
	for (const [node, times] of [...nodes].sort((a, b) => median(b[1]) - median(a[1]))) {
		sum += median(times);
		const share = ((median(times) / whole) * 100).toFixed(0);
		console.log(`  ${node}: ${median(times)} ms (${share} %)`);
	}
	console.log(`  between the nodes (n8n's own work): ${whole - sum} ms`);
}

async function measure(office: Office, channel: Channel, waId: string): Promise<number[]> {
	const help = catalog.messages['command.help'].split('|')[0];
	const latencies: number[] = [];
	for (let i = 0; i < MESSAGES; i++) {
		const ms = await sendTimed(channel, waId, { text: help });
		if (ms !== undefined) latencies.push(ms);
	}
	return latencies;
}

async function main() {
	const office = await startOffice('default', true);
	try {
		const waId = '6281366660001';
		await sendTimed(office.intake, waId, { text: 'halo' });
		const intake = await measure(office, office.intake, waId);
		const floor = await measure(office, office.floor, waId);
		const byName = await measure(office, office.floorByName, waId);
		const padded = await measure(office, office.paddedFloor, waId);
		const stock = await measure(office, office.stockFloor, waId);
		const bare = await measure(office, office.bare, waId);
		console.log(
			`load average ${loadavg()
				.map((v) => v.toFixed(1))
				.join(' ')}`,
		);
		console.log(`intake: reply median ${median(intake)} ms, p95 ${p95(intake)} ms`);
		perNode(await executions(office, INTAKE_WORKFLOW));
		console.log(`floor: reply median ${median(floor)} ms, p95 ${p95(floor)} ms`);
		perNode(await executions(office, FLOOR_WORKFLOW));
		console.log(`floor, tables by name: reply median ${median(byName)} ms, p95 ${p95(byName)} ms`);
		perNode(await executions(office, FLOOR_BY_NAME_WORKFLOW));
		console.log(`floor + 40 idle nodes: reply median ${median(padded)} ms, p95 ${p95(padded)} ms`);
		perNode(await executions(office, PADDED_FLOOR_WORKFLOW));
		console.log(`stock floor: reply median ${median(stock)} ms, p95 ${p95(stock)} ms`);
		perNode(await executions(office, STOCK_FLOOR_WORKFLOW));
		console.log(`bare: reply median ${median(bare)} ms, p95 ${p95(bare)} ms`);
		perNode(await executions(office, BARE_WORKFLOW));
	} finally {
		await office.stop();
	}
}

runBench(main);
