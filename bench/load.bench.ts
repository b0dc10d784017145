/**
 * Load run (`npm run bench -- load`): N residents at once (PECELAN_LOAD_RESIDENTS, default 50),
 * each a whole request with three photos sent in the same second and status questions, staff
 * approving every row, in the default mode and in queue mode (PECELAN_LOAD_MODES=default,queue).
 * Prints messages/s, reply p50/p95 and the counts that must be 0, read from the sandbox's state;
 * then reply latency of the intake against a bare workflow (Webhook → HTTP Request) at 1 and at
 * 20 residents at once, measured in the same run.
 */
import type { StackMode } from '../sandbox/runtime/stack';
import { countProblems } from './load/counts';
import { startOffice, type Office } from './load/office';
import { loadAverage, reportProgress } from './load/progress';
import { catalog, imagesIn, playScript, poll, requestScript, sendTimed } from './load/resident';
import type { Channel } from './load/channel';
import { DEFAULT_SHEET_LAYOUT } from '../nodes/domain/sheet/requestRow';
import { runBench } from './stack';

const RESIDENTS = Number(process.env.PECELAN_LOAD_RESIDENTS ?? 50);
const MODES = (process.env.PECELAN_LOAD_MODES ?? 'default,queue').split(',') as StackMode[];
/** A resident reads each reply and types the next message for this long (0: at once). */
const TYPING_MS = Number(process.env.PECELAN_LOAD_TYPING_MS ?? 0);
const LATENCY_MESSAGES = Number(process.env.PECELAN_LOAD_LATENCY_MESSAGES ?? 15);
const { columns: c, statuses } = DEFAULT_SHEET_LAYOUT;
const help = catalog.messages['command.help'].split('|')[0];

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
		: NaN;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

async function wholeRequests(office: Office, mode: StackMode, prefix: string) {
	const residents = Array.from({ length: RESIDENTS }, (_, i) => {
		const waId = `${prefix}${String(i).padStart(4, '0')}`;
		const script = requestScript('sku-kur', waId);
		return { waId, script, photos: imagesIn(script) };
	});
	const messages = residents.reduce(
		(n, r) => n + r.script.reduce((k, t) => k + ('burst' in t ? t.burst.length : 1), 0) + 2,
		0,
	);
	// A run that falls behind Meta's timeout does not catch up: stop it and say so.
	let stall: (error: Error) => void = () => {};
	const stalled = new Promise<never>((_, reject) => (stall = reject));
	const stopProgress = reportProgress(
		office,
		`${mode}, ${RESIDENTS} residents`,
		residents.map((r) => r.waId),
		{ waId: c.waId, status: c.status, done: statuses.done },
		(why) =>
			stall(
				new Error(
					`${mode}, ${RESIDENTS} residents: stopped (load average ${loadAverage()}), ${why}: the replies are later than Meta's timeout and the office does not catch up (docs/scaling.md)`,
				),
			),
	);
	const run = async () => {
		const started = Date.now();
		const latencies = (
			await Promise.all(
				residents.map(async (r) => {
					const own = await playScript(office.intake, r.waId, r.script, TYPING_MS);
					const status = await sendTimed(office.intake, r.waId, { text: 'status' });
					return status === undefined ? own : [...own, status];
				}),
			)
		).flat();
		const seconds = (Date.now() - started) / 1000;
		// Staff approve every request; each resident then asks for the status once more.
		const rows = (await office.sheet()).filter((r) =>
			residents.some((x) => r.values[c.waId]?.replace(/\D/g, '') === x.waId),
		);
		console.log(
			`  [${mode}] every script played in ${seconds.toFixed(0)} s; staff approve ${rows.length} rows`,
		);
		for (const row of rows) await office.setCells(row.rowNumber, { [c.status]: statuses.approved });
		const done = await poll(async () => {
			const now = await office.sheet();
			const finished = now.filter((r) =>
				rows.some((x) => x.rowNumber === r.rowNumber && r.values[c.status] === statuses.done),
			);
			return finished.length === rows.length ? true : undefined;
		}, 20 * 60000);
		await Promise.all(residents.map((r) => sendTimed(office.intake, r.waId, { text: 'status' })));
		const counts = await countProblems(office, residents);
		// A resident whose request was never filed: where their conversation stopped, to see why.
		for (const r of residents.filter(
			(x) => !rows.some((row) => row.values[c.waId]?.replace(/\D/g, '') === x.waId),
		)) {
			const chat = await office.intake.chat(r.waId);
			const tail = chat
				.slice(-6)
				.map((m) => `${m.direction} ${(m.text || m.type).slice(0, 70).replace(/\n/g, ' ')}`);
			console.error(`${mode}: no request from ${r.waId}; the chat ends:\n  ${tail.join('\n  ')}`);
		}
		console.log(
			`${mode} (load average ${loadAverage()}): ${RESIDENTS} residents${TYPING_MS ? ` (each typing ${TYPING_MS / 1000} s before a message)` : ''}, ${messages} messages in ${seconds.toFixed(1)} s: ${(messages / seconds).toFixed(1)} messages/s; reply p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
		);
		console.log(
			`${mode}: lost messages ${counts.lostMessages}, lost photos ${counts.lostPhotos}, duplicate rows ${counts.duplicateRows}, duplicate letters ${counts.duplicateLetters}` +
				` (requests filed ${rows.length}/${RESIDENTS}, all letters out: ${done ? 'yes' : 'no'}, without a letter ${counts.missingLetters})`,
		);
	};
	try {
		await Promise.race([run(), stalled]);
	} finally {
		stopProgress();
	}
}

/** `at` residents at once, each sending LATENCY_MESSAGES messages one after another. */
async function latencyRun(channel: Channel, waIds: string[]): Promise<number[]> {
	const all = await Promise.all(
		waIds.map(async (waId) => {
			const out: number[] = [];
			for (let i = 0; i < LATENCY_MESSAGES; i++) {
				const latency = await sendTimed(channel, waId, { text: help });
				if (latency !== undefined) out.push(latency);
			}
			return out;
		}),
	);
	return all.flat();
}

async function againstBare(office: Office, mode: StackMode, prefix: string) {
	for (const at of [1, 20]) {
		const waIds = Array.from(
			{ length: at },
			(_, i) => `${prefix}${at}${String(i).padStart(3, '0')}`,
		);
		// Each resident writes first (a session exists, and Meta's 24-hour window is open).
		await Promise.all(waIds.map((waId) => sendTimed(office.intake, waId, { text: 'halo' })));
		const intake = await latencyRun(office.intake, waIds);
		const floor = await latencyRun(office.floor, waIds);
		const bare = await latencyRun(office.bare, waIds);
		const [i95, f95, b95] = [intake, floor, bare].map((v) => percentile(v, 95));
		console.log(
			`${mode}, ${at} at once (load average ${loadAverage()}): bare p50 ${ms(percentile(bare, 50))} p95 ${ms(b95)}; intake p50 ${ms(percentile(intake, 50))} p95 ${ms(i95)}; ratio ${(i95 / b95).toFixed(2)}× (goal ≤ 1.5×; ${intake.length}/${bare.length} replies)`,
		);
		console.log(
			`${mode}, ${at} at once: floor (load, step, conditional save, reply; nothing else) p50 ${ms(percentile(floor, 50))} p95 ${ms(f95)}: ${(f95 / b95).toFixed(2)}× bare; intake ${(i95 / f95).toFixed(2)}× floor`,
		);
	}
}

async function main() {
	for (const [index, mode] of MODES.entries()) {
		const office = await startOffice(mode);
		try {
			if (RESIDENTS > 0) await wholeRequests(office, mode, `62813${index}5`);
			if (LATENCY_MESSAGES > 0) await againstBare(office, mode, `62814${index}5`);
		} catch (error) {
			// One mode that fell behind still lets the next one be measured.
			console.log((error as Error).message);
			process.exitCode = 1;
		} finally {
			await office.stop();
		}
	}
	// Residents of a stopped run may still be waiting on their deadlines.
	process.exit();
}

runBench(main);
