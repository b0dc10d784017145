/**
 * Approvals at an office's scale: a real n8n (the package, the ready workflows) with the sandbox,
 * the requests sheet at 5,000 rows. Prints
 *  - staff decision → letter in the resident's chat, p50/p95 over 20 approvals (goal p95 ≤ 10 s):
 *    staff set Status on the sandbox page's API, the sandbox runs the sheet's onEdit script, its
 *    signed post starts the approvals run;
 *  - n8n's CPU (main process group: n8n and its task runner, /proc utime+stime) per minute with
 *    nothing to do, at 2 rows and at 5,000 rows, against the anchor measured in the same run:
 *    the CPU of one approvals round at 2 rows, which the old workflow spent every 15 s
 *    (goal: idle per minute ≤ 1/20 of that, and flat as rows grow).
 * Run: npm run bench -- approvals (about 15 minutes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signSheetEdit } from '../nodes/shared/sheet/sheetEdit';
import { groupMembers } from '../sandbox/runtime/process-group';
import { startStack, type Stack } from '../sandbox/runtime/stack';
import { api, appendRows, approveAndWait, requestRow } from './approvals/sheet';

const ROWS = 5000;
const APPROVALS = 20;
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 4 * 60 * 1000);
/** The safety net's period (workflows/approvals.json, "Every 2 Minutes (Safety Net)"). */
const NET_MS = 2 * 60 * 1000;
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

/**
 * CPU per minute with nothing to do. Our own writes and the edit-started rounds leave the sheet's
 * version ahead of the one the net last saw, so the net's next tick runs one round: waited out
 * first, then nothing changes in the sheet.
 */
async function idlePerMinute(pgid: number): Promise<number> {
	await sleep(NET_MS + 20000);
	const before = cpuSeconds(pgid);
	await sleep(IDLE_MS);
	return ((cpuSeconds(pgid) - before) * 60000) / IDLE_MS;
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'pecelan-bench-approvals-'));
	const stack = await startStack({
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		n8nPort: 0,
		log: () => {},
	});
	try {
		const pgid = stack.n8n.process.pid as number;
		const { header } = await api<{ header: string[] }>(stack, '/api/sheet');
		await appendRows(stack, [requestRow(header, 0, false), requestRow(header, 1, false)]);
		await sleep(20000); // n8n settles after start-up
		const anchor = await cpuPerRound(stack, pgid, 5, 6000);
		console.log(
			`anchor: one approvals round at 2 rows (the old 15 s poll's work): ${anchor.toFixed(2)} s CPU (${load()})`,
		);
		const idleSmall = await idlePerMinute(pgid);
		const idleSmallLoad = load();

		const rows = Array.from({ length: ROWS }, (_, i) =>
			requestRow(header, i, i >= ROWS - APPROVALS),
		);
		await appendRows(stack, rows.slice(2));
		const roundLarge = await cpuPerRound(stack, pgid, 2, 30000);
		const idleLarge = await idlePerMinute(pgid);
		const idleLargeLoad = load();

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
		console.log(
			`idle n8n CPU per minute, 2 rows: ${idleSmall.toFixed(2)} s (${ratio(idleSmall)}; goal ≤ 5 %; ${idleSmallLoad})`,
		);
		console.log(
			`idle n8n CPU per minute, ${ROWS} rows: ${idleLarge.toFixed(2)} s (${ratio(idleLarge)}; ${idleLargeLoad})`,
		);
		console.log(
			`(idle windows of ${IDLE_MS / 60000} min; the safety net asks Drive for the sheet's version every 2 min and runs a round only when it moved; old poll: 4 rounds a minute = ${(4 * anchor).toFixed(2)} s/min at 2 rows)`,
		);
	} finally {
		await stack.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
