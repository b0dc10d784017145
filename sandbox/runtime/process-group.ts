// n8n runs in its own process group with its task runner: these helpers look at and end the
// whole group, so nothing it started outlives it.
import { readdirSync, readFileSync } from 'node:fs';

/** PIDs whose process group is `pgid` (n8n, its task runner, anything they spawned). */
export function groupMembers(pgid: number): number[] {
	const members: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command name, which is in parentheses and may hold spaces.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) members.push(Number(entry));
		} catch {
			// The process ended while we looked.
		}
	}
	return members;
}

export function rssOf(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return check();
}

/** SIGTERM to the group, SIGKILL to whatever is left after the deadline. */
export async function stopProcessGroup(pgid: number, graceMs = 15000): Promise<void> {
	if (!groupAlive(pgid)) return;
	try {
		process.kill(-pgid, 'SIGTERM');
	} catch {
		return;
	}
	if (await waitUntil(() => !groupAlive(pgid), graceMs)) return;
	try {
		process.kill(-pgid, 'SIGKILL');
	} catch {
		// Already gone.
	}
	await waitUntil(() => !groupAlive(pgid), 5000);
}

export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
