/**
 * Approvals at an office's scale: a real n8n (the package, the ready workflows) with the sandbox,
 * the requests sheet at 5,000 rows. Prints
 *  - staff decision → letter in the resident's chat, p50/p95 over 20 approvals (goal p95 ≤ 10 s):
 *    staff set Status on the sandbox page's API, the sandbox runs the sheet's onEdit script, its
 *    signed post starts the approvals run;
 *  - n8n's CPU (main process group: n8n and its task runner, /proc utime+stime) with nothing to
 *    do, against the anchor measured in the same run: the CPU of one approvals round at 2 rows,
 *    which a 15-second poll would spend every 15 s (goal: idle per minute ≤ 1/20 of that, and flat as
 *    rows grow). Parted in two: n8n's own idle (the approvals workflow off) and one tick of the
 *    safety net (measured with the net set to every minute for the window, at 2 and 5,000 rows),
 *    which at the shipped period (every 10 minutes) costs a tenth of that per minute.
 * Run: npm run bench -- approvals (about 15 minutes).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { signSheetEdit } from '../nodes/domain/sheet/sheetEdit';
import { groupMembers } from '../sandbox/runtime/process-group';
import type { Stack } from '../sandbox/runtime/stack';
import { editWorkflow, pauseWorkflow } from '../test/e2e/support/workflow-edit';
import { stackInfo, type StackInfo } from '../test/e2e/support/stack-info';
import { runBench, withBenchStack } from './stack';
import { api, appendRows, approveAndWait, requestRow } from './approvals/sheet';

const ROWS = 5000;
const APPROVALS = 20;
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 3 * 60 * 1000);
/** The safety net (workflows/approvals.json) and its shipped period in minutes. */
const NET = 'Every 10 Minutes (Safety Net)';
const NET_MINUTES = 10;
const APPROVALS_WORKFLOW = /approvals/i;
const TICKS = 100; // /proc clock ticks per second (USER_HZ) on Linux

const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The machine's 1-minute load average, printed beside each figure (the cores are shared). */
const load = () => `load ${loadavg()[0].toFixed(1)}`;

/** CPU seconds used so far by every process of n8n's group. */
function cpuSeconds(pgid: number): number {
	let ticks = 0;
	for (const pid of groupMembers(pgid)) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// Ended meanwhile.
		}
	}
	return ticks / TICKS;
}

/** One approvals round started by a signed edit post, waited for by its end (the lock freed). */
async function oneRound(stack: Stack): Promise<void> {
	const { sheetEditWebhookUrl, sheetEditSecret, sheetName } = stack.sandbox.config();
	const body = JSON.stringify({ sheetName, rows: [], editedAt: new Date().toISOString() });
	const response = await fetch(sheetEditWebhookUrl!, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			'X-Pecelan-Signature': signSheetEdit(body, sheetEditSecret),
		},
		body,
	});
	if (response.status !== 200) throw new Error(`sheet edit webhook: ${response.status}`);
}

/** CPU per round: `rounds` rounds one after the other, each given time to finish. */
async function cpuPerRound(stack: Stack, pgid: number, rounds: number, settleMs: number) {
	const before = cpuSeconds(pgid);
	for (let i = 0; i < rounds; i++) {
		await oneRound(stack);
		await sleep(settleMs);
	}
	return (cpuSeconds(pgid) - before) / rounds;
}

async function perMinute(pgid: number): Promise<number> {
	const before = cpuSeconds(pgid);
	await sleep(IDLE_MS);
	return ((cpuSeconds(pgid) - before) * 60000) / IDLE_MS;
}

/** n8n's own CPU per minute with nothing to do: the approvals workflow off. */
async function n8nOwnIdle(info: StackInfo, pgid: number): Promise<number> {
	const resume = await pauseWorkflow(info, APPROVALS_WORKFLOW);
	await sleep(10000);
	const idle = await perMinute(pgid);
	await resume();
	return idle;
}

/**
 * CPU of one safety-net tick with nothing changed: the net set to every minute for a window,
 * minus n8n's own idle. The first tick after our writes and the edit-started rounds runs the one
 * catch-up round (the sheet's version moved): waited out first.
 */
async function netTick(info: StackInfo, pgid: number, ownIdle: number): Promise<number> {
	const restore = await editWorkflow(info, APPROVALS_WORKFLOW, {
		[NET]: (parameters) => ({
			...parameters,
			rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] },
		}),
	});
	try {
		await sleep(150000);
		return (await perMinute(pgid)) - ownIdle;
	} finally {
		await restore();
	}
}

async function main(): Promise<void> {
	await withBenchStack('approvals', {}, async (stack) => {
		const pgid = stack.n8n.process.pid as number;
		const info = stackInfo(stack);
		const { header } = await api<{ header: string[] }>(stack, '/api/sheet');
		await appendRows(stack, [requestRow(header, 0, false), requestRow(header, 1, false)]);
		await sleep(20000); // n8n settles after start-up
		const anchor = await cpuPerRound(stack, pgid, 5, 6000);
		console.log(
			`anchor: one approvals round at 2 rows (the old 15 s poll's work): ${anchor.toFixed(2)} s CPU (${load()})`,
		);
		const ownIdle = await n8nOwnIdle(info, pgid);
		const ownIdleLoad = load();
		const tickSmall = await netTick(info, pgid, ownIdle);
		const tickSmallLoad = load();

		const rows = Array.from({ length: ROWS }, (_, i) =>
			requestRow(header, i, i >= ROWS - APPROVALS),
		);
		await appendRows(stack, rows.slice(2));
		const roundLarge = await cpuPerRound(stack, pgid, 2, 30000);
		const tickLarge = await netTick(info, pgid, ownIdle);
		const tickLargeLoad = load();

		const latencies: number[] = [];
		for (let i = ROWS - APPROVALS; i < ROWS; i++)
			latencies.push(await approveAndWait(stack, header, rows[i], i + 2));
		const ratio = (x: number) => `${((x / anchor) * 100).toFixed(1)} % of the anchor`;
		console.log(
			`decision → letter in the chat, ${APPROVALS} approvals at ${ROWS} rows: p50 ${quantile(latencies, 0.5).toFixed(1)} s, p95 ${quantile(latencies, 0.95).toFixed(1)} s (goal p95 ≤ 10 s; ${load()})`,
		);
		console.log(
			`one approvals round at ${ROWS} rows: ${roundLarge.toFixed(2)} s CPU (${(roundLarge / anchor).toFixed(1)}× the anchor)`,
		);
		const net = (tick: number) => tick / NET_MINUTES;
		console.log(
			`n8n's own idle (approvals off): ${ownIdle.toFixed(2)} s CPU per minute (${ratio(ownIdle)}; ${ownIdleLoad})`,
		);
		for (const [rowsNow, tick, tickLoad] of [
			[2, tickSmall, tickSmallLoad],
			[ROWS, tickLarge, tickLargeLoad],
		] as const)
			console.log(
				`safety net at ${rowsNow} rows: one tick ${tick.toFixed(3)} s CPU; every ${NET_MINUTES} min: ${net(tick).toFixed(3)} s per minute (${ratio(net(tick))}; goal ≤ 5 %), idle in all ${(ownIdle + net(tick)).toFixed(2)} s per minute (${tickLoad})`,
			);
		console.log(
			`(windows of ${IDLE_MS / 60000} min; the net asks Drive for the sheet's version and runs a round only when it moved; a 15-second poll: 4 rounds a minute = ${(4 * anchor).toFixed(2)} s/min at 2 rows)`,
		);
	});
}

runBench(main);
