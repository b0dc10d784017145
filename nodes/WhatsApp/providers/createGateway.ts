/** Which gateway a node gets: the provider's client, with the credential's settings. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { Provider, RetryPolicy } from '../transport';
import { CREDENTIAL_OF } from '../transport';
import type { Gateway } from './gateway';
import { MetaGateway, type MetaSettings } from './meta/client';
import { FonnteGateway } from './fonnte/client';
import { numberKey, paceOf } from './fonnte/sendPace';

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** A gateway for `provider`, bound to one item (errors name it) and the retry policy. */
export async function createGateway(
	ctx: IExecuteFunctions,
	provider: Provider,
	itemIndex: number,
	retry: RetryPolicy,
): Promise<Gateway> {
	const creds = await ctx.getCredentials(CREDENTIAL_OF[provider], itemIndex);
	if (provider === 'meta') {
		const settings: MetaSettings = {
			baseUrl: trimSlash(String(creds.baseUrl || 'https://graph.facebook.com')),
			version: String(creds.graphApiVersion || 'v26.0').replace(/^\/+|\/+$/g, ''),
			phoneNumberId: String(creds.phoneNumberId ?? '').trim(),
			businessAccountId: String(creds.businessAccountId ?? '').trim(),
		};
		return new MetaGateway(ctx, settings, itemIndex, retry);
	}
	return new FonnteGateway(
		ctx,
		trimSlash(String(creds.baseUrl || 'https://api.fonnte.com')),
		itemIndex,
		retry,
		{
			key: numberKey(String(creds.token ?? '')),
			pace: paceOf(creds.sendDelaySeconds, creds.sendJitterSeconds),
		},
	);
}
