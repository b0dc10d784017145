/**
 * The trigger's credential, kept a minute per credential id. n8n 2.41.1 reads a credential in the
 * webhook phase (before the run starts) slowly: 90–220 ms per message on a 2-core machine, a third
 * to half of an intake reply. A kept credential that fails the check (a rotated App Secret or
 * webhook secret) is read again at once, so a new secret works immediately; an old one is still
 * accepted for at most the minute.
 */
import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

export const KEEP_CREDENTIAL_MS = 60_000;

const kept = new Map<string, { at: number; credentials: ICredentialDataDecryptedObject }>();

/**
 * The credential of `type`, kept or read afresh, and whether it passes `check`. A node without a
 * saved credential id (a test, a credential resolved per user) is always read afresh.
 */
export async function credentialsThatPass(
	ctx: IWebhookFunctions,
	type: string,
	check: (credentials: ICredentialDataDecryptedObject) => boolean,
	now = Date.now(),
): Promise<{ credentials: ICredentialDataDecryptedObject; passed: boolean }> {
	const id = ctx.getNode().credentials?.[type]?.id;
	const key = id ? `${type}:${id}` : undefined;
	const hit = key ? kept.get(key) : undefined;
	if (hit && now - hit.at < KEEP_CREDENTIAL_MS && check(hit.credentials))
		return { credentials: hit.credentials, passed: true };
	const credentials = await ctx.getCredentials(type);
	if (key) kept.set(key, { at: now, credentials });
	return { credentials, passed: check(credentials) };
}
