/** Parameter helpers shared by the operations. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toWhatsAppId } from '../../domain/validation/phone';
import { DEFAULT_RETRY, type RetryPolicy } from '../transport';

/** Which gateway the office uses: the gateway node and its trigger both ask. */
export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	default: 'meta',
	options: [
		{ name: 'WhatsApp Cloud API (Meta)', value: 'meta' },
		{ name: 'Fonnte', value: 'fonnte' },
	],
};

/** The "To" parameter, shown on the operations that name one recipient. */
export function recipientProperty(operations: string[], resource: string): INodeProperties {
	return {
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '={{ $json.from }}',
		placeholder: '0812 3456 7890',
		description:
			'Phone number or WhatsApp ID of the recipient; 0812…, +62 812… and 62812… are the same person',
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}

/** A phone number as written → WhatsApp id, or an error naming the value. */
export function whatsAppIdOrFail(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	what: string,
): string {
	const id = toWhatsAppId(String(value ?? ''));
	if (!id) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${what} "${String(value ?? '')}" is not a valid phone number`,
			{
				description:
					'Use an Indonesian mobile (0812…, +62 812…, 62812…) or an international number with its country code (+…).',
				itemIndex,
			},
		);
	}
	return id;
}

export function recipient(ctx: IExecuteFunctions, itemIndex: number): string {
	return whatsAppIdOrFail(ctx, ctx.getNodeParameter('to', itemIndex), itemIndex, 'Recipient');
}

export function retryPolicy(ctx: IExecuteFunctions, itemIndex: number): RetryPolicy {
	const o = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const retries = Number(o.rateLimitRetries ?? DEFAULT_RETRY.retries);
	const baseDelayMs = Number(o.retryDelayMs ?? DEFAULT_RETRY.baseDelayMs);
	return {
		retries: Number.isFinite(retries)
			? Math.min(Math.max(0, Math.floor(retries)), 10)
			: DEFAULT_RETRY.retries,
		baseDelayMs: Number.isFinite(baseDelayMs)
			? Math.max(0, baseDelayMs)
			: DEFAULT_RETRY.baseDelayMs,
	};
}

/** Reads `a.b.c` from an item's JSON. */
export function readPath(json: IDataObject, path: string): unknown {
	return path
		.split('.')
		.filter(Boolean)
		.reduce<unknown>(
			(v, key) => (v && typeof v === 'object' ? (v as IDataObject)[key] : undefined),
			json,
		);
}
