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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signSheetEdit } from '../nodes/shared/sheet/sheetEdit';
import { groupMembers } from '../sandbox/runtime/process-group';
import { startStack, type Stack } from '../sandbox/runtime/stack';
import { bearer, viaProxy } from '../test/sandbox/helpers';

const ROWS = 5000;
const APPROVALS = 20;
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 4 * 60 * 1000);
const TICKS = 100; // /proc clock ticks per second (USER_HZ) on Linux

const quantile = (xs: number[], q: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

async function api<T>(stack: Stack, path: string, init?: RequestInit): Promise<T> {
	const response = await fetch(`${stack.sandbox.url}${path}`, init);
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

function requestRow(header: string[], i: number, pending: boolean): string[] {
	const ticket = `SKCK-${String(i).padStart(6, '0')}`;
	const waId = `6281900${String(i).padStart(6, '0')}`;
	// An application as the intake files it (the size of a real row's JSON cell).
	const application = {
		ticket,
		serviceKey: 'pengantar-skck',
		serviceTitle: 'Surat Pengantar SKCK',
		waId,
		name: 'Siti Nurhaliza',
		submittedAt: '2026-05-04T08:15:00Z',
		data: {
			nama: 'Siti Nurhaliza',
			nik: '3577014107900001',
			tempat_lahir: 'Madiun',
			tanggal_lahir: '1990-07-01',
			jenis_kelamin: 'Perempuan',
			agama: 'Islam',
			status_perkawinan: 'Kawin',
			pekerjaan: 'Wiraswasta',
			kewarganegaraan: 'WNI',
			alamat: 'Jl. Salak III No. 17',
			rt: '004',
			rw: '002',
			pengantar_rt_nomor: '012/RT.004/RW.002/V/2026',
			pengantar_rt_tanggal: '2026-05-02',
			keperluan: 'untuk melamar pekerjaan',
		},
		documents: {},
		letter: {
			template: 'pengantar-skck',
			title: 'Surat Pengantar SKCK',
			classification: '400.12.2',
		},
	};
	const values: Record<string, string> = {
		Tiket: ticket,
		Status: pending ? 'Menunggu' : 'Selesai',
		Nama: String(application.name),
		Layanan: 'Surat Pengantar SKCK',
		Data: 'Keperluan: untuk melamar pekerjaan',
		NIK: '3577014107900001',
		WhatsApp: waId,
		Diterima: '2026-05-04T08:15:00Z',
		'Nomor Surat': pending ? '' : `400.12.2/${String(i + 1).padStart(3, '0')}/401.301.3/2025`,
		'Kode Verifikasi': pending ? '' : `CODE${i}`,
		'Selesai Pada': pending ? '' : '2025-06-01T10:00:00Z',
		'Kode Layanan': 'pengantar-skck',
		'Berkas (JSON)': JSON.stringify(application),
	};
	return header.map((column) => values[column] ?? '');
}

/** Appends rows to the requests tab through the Sheets API, as n8n's intake does. */
async function appendRows(stack: Stack, rows: string[][]): Promise<void> {
	const { spreadsheetId, accessToken, sheetName } = stack.sandbox.config();
	const t = {
		sandbox: stack.sandbox,
		ca: readFileSync(stack.sandbox.caCertPath, 'utf8'),
		stateDir: '',
		close: async () => {},
	};
	for (let from = 0; from < rows.length; from += 1000) {
		const reply = await viaProxy(
			t,
			'sheets.googleapis.com',
			'POST',
			`/v4/spreadsheets/${spreadsheetId}/values/${encodeURIComponent(`${sheetName}!A1`)}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
			{ headers: bearer(accessToken), body: { values: rows.slice(from, from + 1000) } },
		);
		if (reply.status !== 200) throw new Error(`filling the sheet: ${reply.status} ${reply.body}`);
	}
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

async function idlePerMinute(pgid: number): Promise<number> {
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
			`anchor: one approvals round at 2 rows (the old 15 s poll's work): ${anchor.toFixed(2)} s CPU`,
		);
		const idleSmall = await idlePerMinute(pgid);

		const rows = Array.from({ length: ROWS }, (_, i) =>
			requestRow(header, i, i >= ROWS - APPROVALS),
		);
		await appendRows(stack, rows.slice(2));
		const roundLarge = await cpuPerRound(stack, pgid, 2, 30000);
		const idleLarge = await idlePerMinute(pgid);

		const latencies: number[] = [];
		for (let i = ROWS - APPROVALS; i < ROWS; i++) {
			const waId = rows[i][header.indexOf('WhatsApp')];
			const started = Date.now();
			await api(stack, `/api/sheet/rows/${i + 2}`, {
				method: 'PATCH',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ Status: 'Disetujui' }),
			});
			for (;;) {
				const chat = await api<Array<{ document?: unknown }>>(
					stack,
					`/api/residents/${waId}/messages`,
				);
				if (chat.some((m) => m.document)) break;
				if (Date.now() - started > 300000) throw new Error(`no letter for row ${i + 2} in 300 s`);
				await sleep(100);
			}
			latencies.push((Date.now() - started) / 1000);
		}
		const ratio = (x: number) => `${((x / anchor) * 100).toFixed(1)} % of the anchor`;
		console.log(
			`decision → letter in the chat, ${APPROVALS} approvals at ${ROWS} rows: p50 ${quantile(latencies, 0.5).toFixed(1)} s, p95 ${quantile(latencies, 0.95).toFixed(1)} s (goal p95 ≤ 10 s)`,
		);
		console.log(
			`one approvals round at ${ROWS} rows: ${roundLarge.toFixed(2)} s CPU (${(roundLarge / anchor).toFixed(1)}× the anchor)`,
		);
		console.log(
			`idle n8n CPU per minute, 2 rows: ${idleSmall.toFixed(2)} s (${ratio(idleSmall)}; goal ≤ 5 %)`,
		);
		console.log(
			`idle n8n CPU per minute, ${ROWS} rows: ${idleLarge.toFixed(2)} s (${ratio(idleLarge)})`,
		);
		console.log(
			`(idle windows of ${IDLE_MS / 60000} min, safety-net round every 2 min; old poll: 4 rounds a minute = ${(4 * anchor).toFixed(2)} s/min at 2 rows)`,
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
