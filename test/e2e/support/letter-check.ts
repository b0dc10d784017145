// The verification page's upload form (workflows/verify.json, Check a Letter) as a bank clerk
// uses it: the PDF posted as the browser posts it, the answer page read once the run reached it.
import { waitFor } from './wait';

/**
 * Posts an n8n form; when n8n answers with the next page's URL (a Form node follows), waits as
 * the browser polls and returns that page (its URL, then its HTML); otherwise the answer itself.
 */
export async function submitForm(
	url: string,
	form: FormData,
	headers: Record<string, string> = {},
): Promise<string> {
	const posted = await fetch(url, { method: 'POST', body: form, headers });
	const text = await posted.text();
	if (!posted.ok) throw new Error(`form POST ${url}: ${posted.status} ${text.slice(0, 300)}`);
	let next: string | undefined;
	try {
		next = (JSON.parse(text) as { formWaitingUrl?: string }).formWaitingUrl;
	} catch {
		return text;
	}
	if (!next) return text;
	const waiting = new URL(next);
	const status = new URL(waiting);
	status.pathname += '/n8n-execution-status';
	// The browser polls until the execution reached the next page (or finished).
	await waitFor(
		async () => {
			const answer = (await (await fetch(status)).text()).trim();
			return answer === 'form-waiting' || answer === 'success' ? answer : undefined;
		},
		{ timeoutMs: 240000, intervalMs: 500, description: `the form page after ${url}` },
	);
	const page = await fetch(waiting, { headers });
	return `${page.url}\n${await page.text()}`;
}

/** What the upload form answers about `pdf` (the result page's HTML). */
export async function checkLetter(n8nUrl: string, pdf: Buffer): Promise<string> {
	const form = new FormData();
	form.append('field-0', new Blob([pdf], { type: 'application/pdf' }), 'surat.pdf');
	return submitForm(`${n8nUrl}/form/periksa-surat`, form);
}
