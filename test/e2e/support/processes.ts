// Which of the stack's process groups holds a TCP connection from a given local port (Linux:
// /proc), so a test can stop exactly the n8n worker that is in the middle of a call.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { groupAlive, groupMembers } from '../../../sandbox/runtime/process-group';

/** Socket inodes of the TCP connections whose local port is `port`. */
function socketInodes(port: number): Set<string> {
	const inodes = new Set<string>();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields.length < 10) continue;
			const localPort = parseInt(fields[1].split(':')[1], 16);
			if (localPort === port) inodes.add(fields[9]);
		}
	}
	return inodes;
}

function holdsSocket(pid: number, inodes: Set<string>): boolean {
	let fds: string[] = [];
	try {
		fds = readdirSync(`/proc/${pid}/fd`);
	} catch {
		return false;
	}
	return fds.some((fd) => {
		try {
			const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
			return !!match && inodes.has(match[1]);
		} catch {
			return false;
		}
	});
}

/** The process group among `groups` with a process whose connection's local port is `port`. */
export function groupWithLocalPort(port: number, groups: number[]): number | undefined {
	const inodes = socketInodes(port);
	if (inodes.size === 0) return undefined;
	return groups.find((group) => groupMembers(group).some((pid) => holdsSocket(pid, inodes)));
}

/** Whether a process group still has a process in it. */
export const isAlive = groupAlive;
