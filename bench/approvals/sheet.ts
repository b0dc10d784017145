// The requests sheet of an office at scale, for the approvals benches: rows as the intake files
// them, appended through the Sheets API, and one staff approval timed to the letter in the chat.
import { readFileSync } from 'node:fs';
import type { Stack } from '../../sandbox/runtime/stack';
import { IDENTITY } from '../../test/support/letterSamples';
import { bearer, viaProxy } from '../../test/support/sandbox';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function api<T>(stack: Stack, path: string, init?: RequestInit): Promise<T> {
	const response = await fetch(`${stack.sandbox.url}${path}`, init);
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

export function requestRow(header: string[], i: number, pending: boolean): string[] {
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
			...IDENTITY,
			nama: 'Siti Nurhaliza',
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
export async function appendRows(stack: Stack, rows: string[][]): Promise<void> {
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

/**
 * Staff set row `rowNumber` (holding `row`) to Disetujui on the sandbox's page API (the sandbox
 * plays the sheet's onEdit script); seconds until the letter is in the resident's chat.
 */
export async function approveAndWait(
	stack: Stack,
	header: string[],
	row: string[],
	rowNumber: number,
): Promise<number> {
	const waId = row[header.indexOf('WhatsApp')];
	const started = Date.now();
	await api(stack, `/api/sheet/rows/${rowNumber}`, {
		method: 'PATCH',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ Status: 'Disetujui' }),
	});
	for (;;) {
		const chat = await api<Array<{ document?: unknown }>>(stack, `/api/residents/${waId}/messages`);
		if (chat.some((m) => m.document)) return (Date.now() - started) / 1000;
		if (Date.now() - started > 300000) throw new Error(`no letter for row ${rowNumber} in 300 s`);
		await sleep(100);
	}
}
