// The batch-signing (TTE) form as a signer uses it: open the page behind the signatory's form
// login, choose who signs, type the passphrase once, read what the page answers.
import { SANDBOX_SIGNATORY_LOGIN } from '../../../sandbox/runtime/stack';
import type { StackInfo } from './stack-info';

const basicAuth = `Basic ${Buffer.from(`${SANDBOX_SIGNATORY_LOGIN.user}:${SANDBOX_SIGNATORY_LOGIN.password}`).toString('base64')}`;

/** The form's field names in page order (`field-0`, …), read from its HTML as a browser would. */
const fieldNames = (html: string) => [
	...new Set([...html.matchAll(/name=['"](field-\d+)['"]/g)].map((m) => m[1])),
];

/**
 * The signatory signs every waiting letter: the form's one page asks who signs (the dropdown's
 * option for `signingAs`, the word Setup put before the signer's name) and takes the passphrase;
 * n8n answers when the run has finished (Answer Signatory: the text the form shows,
 * `formSubmittedText`).
 */
export async function signAll(
	formUrl: string,
	passphrase: string,
	expectedStatus = 200,
	signingAs = 'Lurah',
): Promise<{ page: string; answer: string; shown: string }> {
	const page = await (await fetch(formUrl, { headers: { authorization: basicAuth } })).text();
	const [who, field] = fieldNames(page);
	const option = [...page.matchAll(/<option value='([^']+)'/g)]
		.map((m) => m[1])
		.find((o) => o.split(' — ')[0] === signingAs);
	expect(option).toBeDefined();
	const form = new FormData();
	form.append(who, option!);
	form.append(field, passphrase);
	const posted = await fetch(formUrl, {
		method: 'POST',
		body: form,
		headers: { authorization: basicAuth },
	});
	const answer = await posted.text();
	expect(posted.status).toBe(expectedStatus);
	let shown = '';
	try {
		shown = String((JSON.parse(answer) as { formSubmittedText?: string }).formSubmittedText ?? '');
	} catch {
		// An empty answer: the form shows its own closing text.
	}
	return { page, answer, shown };
}

/** Signing calls the BSrE stand-in has answered so far. */
export const bsreCalls = async (info: StackInfo): Promise<number> =>
	((await (await fetch(`${info.sandboxUrl}/bsre/calls`)).json()) as { sign: number }).sign;
