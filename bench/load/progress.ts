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

/** Prints a progress line every `everyMs` until the returned stop() is called. */
export function reportProgress(
	office: Office,
	label: string,
	waIds: string[],
	columns: { waId: string; status: string; done: string },
	everyMs = 30_000,
): () => void {
	Object.assign(tally, { finished: 0, sent: 0, replied: 0, noReply: 0 });
	const own = new Set(waIds);
	const started = Date.now();
	let busy = false;
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
			})
			.catch((error: Error) => console.log(`  [${label}] progress unavailable: ${error.message}`))
			.finally(() => (busy = false));
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
