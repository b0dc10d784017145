/**
 * What a long load run prints every 30 s, so a run that takes long shows where it is: residents
 * through their script, messages sent and answered, Meta's deliveries (timeouts, redeliveries
 * waiting), requests filed, letters out, and the machine's load average.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { DeliveryTotals } from '../../sandbox/server/redelivery';
import type { Office } from './office';

/** Counted by the residents as they play (resident.ts). */
export interface Tally {
	/** Residents through their whole script. */
	finished: number;
	sent: number;
	/** Messages that waited for a reply and got one. */
	replied: number;
	/** Messages that waited for a reply and got none before the deadline. */
	noReply: number;
}

export const tally: Tally = { finished: 0, sent: 0, replied: 0, noReply: 0 };

export const loadAverage = () =>
	loadavg()
		.map((v) => v.toFixed(1))
		.join(' ');

/** CPU seconds a process has used (user + system), from /proc; 0 where there is no /proc. */
export function cpuSeconds(pid: number | undefined): number {
	try {
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

async function snapshot(
	office: Office,
	waIds: Set<string>,
	letterStatus: string,
	waIdColumn: string,
	statusColumn: string,
) {
	const rows = (await office.sheet()).filter((r) =>
		waIds.has(r.values[waIdColumn]?.replace(/\D/g, '') ?? ''),
	);
	const totals = (await (
		await fetch(`${office.stack.sandbox.url}/api/webhooks/deliveries/totals`)
	).json()) as DeliveryTotals;
	return {
		filed: rows.length,
		letters: rows.filter((r) => r.values[statusColumn] === letterStatus).length,
		totals,
	};
}

/** Deliveries attempted but none answered 200 for this long: the office has fallen behind. */
const STALL_MS = 180_000;

/**
 * Prints a progress line every `everyMs` until the returned stop() is called. `onStall` is called
 * once if webhooks keep being delivered but none is answered 200 for 3 minutes: replies are later
 * than Meta's timeout, every copy delivered again queues behind the first, and the run would
 * otherwise wait out every resident's deadlines for hours before printing anything.
 */
export function reportProgress(
	office: Office,
	label: string,
	waIds: string[],
	columns: { waId: string; status: string; done: string },
	onStall: (why: string) => void,
	everyMs = 30_000,
	stallMs = STALL_MS,
): () => void {
	Object.assign(tally, { finished: 0, sent: 0, replied: 0, noReply: 0 });
	const own = new Set(waIds);
	const started = Date.now();
	let busy = false;
	let lastAnswer = { answered: 0, attempts: 0, at: started };
	let stalled = false;
	const timer = setInterval(() => {
		if (busy) return;
		busy = true;
		snapshot(office, own, columns.done, columns.waId, columns.status)
			.then(({ filed, letters, totals: d }) => {
				const at = Math.round((Date.now() - started) / 1000);
				const { n8n, workers } = office.stack;
				const rss = [n8n, ...workers].map((p) => `${Math.round(p.rssBytes() / 2 ** 20)} MB`);
				const cpu = [n8n, ...workers].map((p) => `${Math.round(cpuSeconds(p.process.pid))} s`);
				console.log(
					`  [${label} +${at} s, load ${loadAverage()}] residents done ${tally.finished}/${own.size}; ` +
						`sent ${tally.sent}, replied ${tally.replied}, no reply ${tally.noReply}; ` +
						`deliveries ${d.attempts} (200: ${d.answered}, no answer: ${d.unanswered}, error: ${d.failed}, waiting to retry: ${d.waiting}); ` +
						`filed ${filed}, letters ${letters}; n8n memory ${rss.join(' + ')}, CPU ${cpu.join(' + ')}`,
				);
				if (d.answered > lastAnswer.answered)
					lastAnswer = { answered: d.answered, attempts: d.attempts, at: Date.now() };
				else if (
					!stalled &&
					d.attempts > lastAnswer.attempts &&
					Date.now() - lastAnswer.at > stallMs
				) {
					stalled = true;
					onStall(
						`${d.attempts - lastAnswer.attempts} webhook deliveries in the last ${Math.round((Date.now() - lastAnswer.at) / 1000)} s, none answered 200`,
					);
				}
			})
			.catch((error: Error) => console.log(`  [${label}] progress unavailable: ${error.message}`))
			.finally(() => (busy = false));
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
