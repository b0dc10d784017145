import type { IWebhookFunctions } from 'n8n-workflow';
import { credentialsThatPass, KEEP_CREDENTIAL_MS } from '../webhookCredentials';

/** A webhook context whose credential store holds `secret` and counts the reads. */
function context(id: string | undefined, store: { secret: string; reads: number }) {
	return {
		getNode: () => ({
			credentials: id ? { whatsAppCloudApi: { id, name: 'WhatsApp Cloud API' } } : undefined,
		}),
		getCredentials: async () => {
			store.reads++;
			return { appSecret: store.secret };
		},
	} as unknown as IWebhookFunctions;
}

const signedWith = (secret: string) => (c: { appSecret?: unknown }) => c.appSecret === secret;

describe('the trigger keeps its credential a minute', () => {
	it('reads the credential once for messages within the minute', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context('c-keep', store);
		for (let i = 0; i < 3; i++)
			expect(
				(await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('s1'), 1000 + i)).passed,
			).toBe(true);
		expect(store.reads).toBe(1);
	});

	it('reads it again at once when the kept secret no longer verifies (a rotated App Secret)', async () => {
		const store = { secret: 'old', reads: 0 };
		const ctx = context('c-rotate', store);
		await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('old'), 1000);
		store.secret = 'new';
		const result = await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('new'), 2000);
		expect(result).toEqual({ credentials: { appSecret: 'new' }, passed: true });
		expect(store.reads).toBe(2);
	});

	it('still rejects a forged signature after reading the credential again', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context('c-forged', store);
		const result = await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('forged'), 1000);
		expect(result.passed).toBe(false);
	});

	it('stops accepting an old secret once the minute is over', async () => {
		const store = { secret: 'old', reads: 0 };
		const ctx = context('c-expire', store);
		await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('old'), 1000);
		store.secret = 'new';
		const later = 1000 + KEEP_CREDENTIAL_MS;
		expect(
			(await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('old'), later)).passed,
		).toBe(false);
	});

	it('keeps nothing for a node without a saved credential id', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context(undefined, store);
		await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('s1'), 1000);
		await credentialsThatPass(ctx, 'whatsAppCloudApi', signedWith('s1'), 1001);
		expect(store.reads).toBe(2);
	});
});
