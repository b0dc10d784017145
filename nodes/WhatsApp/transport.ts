/**
 * Every call to a provider goes through here: n8n's authenticated request helper, provider
 * errors turned into NodeApiErrors that say what to do, and bounded exponential backoff on rate
 * limits.
 */
import type { IExecuteFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { describeMetaError } from './providers/meta/errors';
import { describeFonnteFailure } from './providers/fonnte/requests';
import type { ApiProblem } from './providers/problem';
import { isObject } from '../domain/values';

export type Provider = 'meta' | 'fonnte';

export const CREDENTIAL_OF: Record<Provider, string> = {
	meta: 'whatsAppCloudApi',
	fonnte: 'fonnteApi',
};

export interface RetryPolicy {
	/** Extra attempts after a rate-limit answer. */
	retries: number;
	/** First wait; doubles each time. */
	baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000 };

export interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

function decodeIfBuffer(body: unknown): unknown {
	if (!Buffer.isBuffer(body)) return body;
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		return { message: body.toString('utf8').slice(0, 500) };
	}
}

function problemOf(
	provider: Provider,
	body: unknown,
	status: number,
	binary: boolean,
): ApiProblem | null {
	if (provider === 'meta') {
		if (status < 400 && !(isObject(body) && isObject(body.error))) return null;
		return describeMetaError(decodeIfBuffer(body), status);
	}
	if (binary) return status < 400 ? null : describeFonnteFailure(decodeIfBuffer(body), status);
	return describeFonnteFailure(body, status);
}

/** Sends one request with the provider's credential; returns the full response on success. */
export async function providerRequest(
	ctx: IExecuteFunctions,
	provider: Provider,
	options: IHttpRequestOptions,
	itemIndex: number,
	retry: RetryPolicy = DEFAULT_RETRY,
): Promise<FullResponse> {
	const binary = options.encoding === 'arraybuffer';
	for (let attempt = 0; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_OF[provider],
				{
					...options,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				},
			)) as FullResponse;
		} catch (error) {
			throw new NodeApiError(ctx.getNode(), error as JsonObject, {
				message: `Could not reach ${provider === 'meta' ? 'the WhatsApp Cloud API' : 'Fonnte'}: ${(error as Error).message}`,
				description: 'Check the base URL in the credential and the network connection of n8n.',
				itemIndex,
			});
		}
		const problem = problemOf(provider, response.body, response.statusCode, binary);
		if (!problem) return response;
		if (problem.retryable && attempt < retry.retries) {
			await sleep(retry.baseDelayMs * 2 ** attempt);
			continue;
		}
		const body = decodeIfBuffer(response.body);
		const tried = problem.retryable ? ` (gave up after ${attempt + 1} attempts)` : '';
		throw new NodeApiError(ctx.getNode(), (isObject(body) ? body : { body }) as JsonObject, {
			message: problem.message + tried,
			description: problem.description,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
}
