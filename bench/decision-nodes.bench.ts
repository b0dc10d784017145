/**
 * Where a staff decision's seconds go at an office's scale: the requests sheet at 5,000 rows,
 * PECELAN_DECISIONS (default 5) approvals one after another, each timed from the staff edit to
 * the letter in the chat; n8n's execution data of the rounds that sent them gives each node's
 * time. Prints per node the median ms and its share of the median round, and the load average.
 * Run: npm run bench -- decision-nodes (keeps successful executions' data, so its CPU is not the
 * approvals bench's).
 */
import { loadavg } from 'node:os';
import type { Stack } from '../sandbox/runtime/stack';
import { runBench, withBenchStack } from './stack';
import { api, appendRows, approveAndWait, requestRow } from './approvals/sheet';

const ROWS = 5000;
const DECISIONS = Number(process.env.PECELAN_DECISIONS ?? 5);

interface Execution {
	startedAt: string;
	stoppedAt?: string;
	data?: { resultData?: { runData?: Record<string, Array<{ executionTime?: number }>> } };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

async function letterRounds(stack: Stack): Promise<Execution[]> {
	const workflow = stack.provisioned.workflows.find((w) => /approvals/i.test(w.name))!;
	const url = `${stack.n8n.url}/api/v1/executions?workflowId=${workflow.id}&includeData=true&limit=50`;
	const response = await fetch(url, { headers: { 'x-n8n-api-key': stack.provisioned.apiKey } });
	const { data } = (await response.json()) as { data: Execution[] };
	return data.filter((e) => e.stoppedAt && e.data?.resultData?.runData?.['Send Letter']);
}

async function main(): Promise<void> {
	await withBenchStack('decisions', { keepSuccessfulExecutions: true }, async (stack) => {
		const { header } = await api<{ header: string[] }>(stack, '/api/sheet');
		const rows = Array.from({ length: ROWS }, (_, i) =>
			requestRow(header, i, i >= ROWS - DECISIONS),
		);
		await appendRows(stack, rows);
		const latencies: number[] = [];
		for (let i = ROWS - DECISIONS; i < ROWS; i++)
			latencies.push(await approveAndWait(stack, header, rows[i], i + 2));
		console.log(
			`decision → letter, ${DECISIONS} approvals at ${ROWS} rows: median ${median(latencies).toFixed(1)} s (load ${loadavg()[0].toFixed(1)})`,
		);
		const rounds = await letterRounds(stack);
		const whole = median(rounds.map((e) => Date.parse(e.stoppedAt!) - Date.parse(e.startedAt)));
		console.log(`  round (start → stop): median ${whole} ms over ${rounds.length}`);
		const nodes = new Map<string, number[]>();
		for (const round of rounds)
			for (const [node, runs] of Object.entries(round.data?.resultData?.runData ?? {}))
				nodes.set(node, [
					...(nodes.get(node) ?? []),
					runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0),
				]);
		for (const [node, times] of [...nodes].sort((a, b) => median(b[1]) - median(a[1]))) {
			if (median(times) < 5) continue;
			console.log(
				`  ${node}: ${median(times)} ms (${((median(times) / whole) * 100).toFixed(0)} %)`,
			);
		}
		// Per round: its time start → stop less the time of all its nodes (Wait for Lock included).
		const between = rounds.map(
			(e) =>
				Date.parse(e.stoppedAt!) -
				Date.parse(e.startedAt) -
				Object.values(e.data?.resultData?.runData ?? {})
					.flat()
					.reduce((sum, run) => sum + (run.executionTime ?? 0), 0),
		);
		console.log(`  n8n between the nodes: median ${median(between)} ms a round`);
	});
}

runBench(main);
