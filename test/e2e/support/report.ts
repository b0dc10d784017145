// The monthly report as the Lurah gets it: its webhook opened with the office's key, and its PDF
// read the way the Lurah reads it: the indicator table, row by row.
import type { PageText, TextItem } from '../../support/pdfText';
import { SANDBOX_REPORT_KEY } from '../../../sandbox/runtime/stack';
import type { StackInfo } from './stack-info';
import { waitFor } from './wait';

/** Text items that share a baseline, left to right; lines from the top of the page down. */
function linesOf(page: PageText): TextItem[][] {
	const byBaseline = new Map<number, TextItem[]>();
	for (const item of page.items) {
		const key = Math.round(item.y * 2) / 2;
		byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
	}
	return [...byBaseline.entries()]
		.sort(([a], [b]) => b - a)
		.map(([, items]) => items.sort((a, b) => a.x - b.x));
}

/**
 * The table whose header row starts with `header` ("Indikator"): each row's label and the texts
 * of its figure cells, as printed. The table ends at the first line that is not a row of it.
 */
export function reportTableRows(pages: PageText[], header: string): Map<string, string[]> {
	for (const page of pages) {
		const lines = linesOf(page);
		const start = lines.findIndex((line) => line[0]?.str === header);
		if (start < 0) continue;
		const columns = lines[start].length;
		const labelX = lines[start + 1]?.[0]?.x;
		const rows = new Map<string, string[]>();
		for (const line of lines.slice(start + 1)) {
			if (line.length !== columns || Math.abs(line[0].x - labelX) > 1) break;
			rows.set(
				line[0].str.trim(),
				line.slice(1).map((item) => item.str.trim()),
			);
		}
		return rows;
	}
	throw new Error(`no table headed "${header}" in the report`);
}

/**
 * Opens an office webhook behind the report key (`/laporan`, `/buku-agenda`) with `?bulan=`, as
 * an admin does: first without the key (n8n refuses it, 403, nothing runs), then with it, and
 * returns n8n's answer (200: the run started). 503 is n8n's "not started, try again" (SQLite busy
 * on a loaded machine).
 */
export async function openReportWebhook(info: StackInfo, path: string, month: string) {
	const hook = info.workflows.flatMap((w) => w.webhooks).find((h) => h.url.endsWith(`/${path}`))!;
	const refused = (await fetch(`${hook.url}?bulan=${month}`)).status;
	const headers = { [SANDBOX_REPORT_KEY.name]: SANDBOX_REPORT_KEY.value };
	const answered = await waitFor(
		async () => {
			const status = (await fetch(`${hook.url}?bulan=${month}`, { headers })).status;
			return status === 503 ? undefined : status;
		},
		{ timeoutMs: 120000, intervalMs: 2000, description: `the ${path} webhook to start a run` },
	);
	return { refused, answered };
}
