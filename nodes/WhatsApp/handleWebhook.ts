/**
 * The trigger's request handling: Meta's verification GET, signature check, Fonnte's shared
 * secret, parsing into one item per message, and the HTTP answers for everything that must not
 * start the workflow (403 / 401 / 400 / 200 without items).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	metaChallenge,
	parseMetaWebhook,
	verifyMetaSignature,
	type ParsedWebhook,
} from './providers/meta/metaWebhook';
import { parseFonnteWebhook, verifyFonnteSecret } from './providers/fonnte/fonnteWebhook';
import { WebhookPayloadError } from './providers/payloadError';
import type { Provider } from './transport';
import { CREDENTIAL_OF } from './transport';
import { credentialsThatPass } from './webhookCredentials';

/** Query parameter / header that carry the Fonnte webhook secret. */
export const FONNTE_SECRET_QUERY = 'secret';
export const FONNTE_SECRET_HEADER = 'x-webhook-secret';

function reply(ctx: IWebhookFunctions, status: number, body: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).type('text/plain').send(body).end();
	return { noWebhookResponse: true };
}

async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject();
	if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
	return req.rawBody;
}

export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const provider = this.getNodeParameter('provider', 'meta') as Provider;
	const includeStatuses = this.getNodeParameter('includeStatuses', false) as boolean;
	const type = CREDENTIAL_OF[provider];
	const query = this.getQueryData() as IDataObject;
	const headers = this.getHeaderData();
	const isGet = this.getWebhookName() === 'setup';

	let parsed: ParsedWebhook;
	if (provider === 'meta') {
		if (isGet) {
			const creds = await this.getCredentials(type);
			const challenge = metaChallenge(query, String(creds.verifyToken ?? ''));
			if (challenge === null) {
				this.logger.warn(
					'WhatsApp trigger: verification request with a wrong or missing verify token',
				);
				return reply(this, 403, 'Forbidden');
			}
			return reply(this, 200, challenge);
		}
		const body = await rawBodyOf(this);
		const raw = body ?? Buffer.alloc(0);
		const { credentials: creds, passed } = await credentialsThatPass(
			this,
			type,
			(c) =>
				body !== undefined &&
				verifyMetaSignature(raw, headers['x-hub-signature-256'], String(c.appSecret ?? '')),
		);
		if (!passed) {
			this.logger.warn(
				creds.appSecret
					? 'WhatsApp trigger: rejected a POST with a missing or wrong X-Hub-Signature-256'
					: 'WhatsApp trigger: rejected a POST because the credential has no app secret to check its signature',
			);
			return reply(this, 401, 'Invalid signature');
		}
		const ownNumberOnly = this.getNodeParameter('ownNumberOnly', true) as boolean;
		const ownId = String(
			this.getNodeParameter('phoneNumberId', '') || creds.phoneNumberId || '',
		).trim();
		try {
			parsed = parseMetaWebhook(JSON.parse(raw.toString('utf8')), new Date(), {
				phoneNumberId: ownNumberOnly ? ownId : undefined,
			});
		} catch (error) {
			return malformed(this, error);
		}
	} else {
		const given = query[FONNTE_SECRET_QUERY] ?? headers[FONNTE_SECRET_HEADER];
		const { credentials: creds, passed } = await credentialsThatPass(this, type, (c) =>
			verifyFonnteSecret(given, String(c.webhookSecret ?? '')),
		);
		if (!passed) {
			this.logger.warn(
				creds.webhookSecret
					? 'WhatsApp trigger (Fonnte): rejected a request with a missing or wrong secret'
					: 'WhatsApp trigger (Fonnte): set a webhook secret in the Fonnte credential and add ?secret=… to the webhook URL',
			);
			return reply(this, 401, 'Invalid secret');
		}
		if (isGet) return reply(this, 200, 'OK');
		try {
			parsed = parseFonnteWebhook(await fonnteBody(this));
		} catch (error) {
			return malformed(this, error);
		}
	}

	for (const reason of parsed.skipped) this.logger.debug(`WhatsApp trigger: skipped ${reason}`);
	for (const reason of parsed.refused) this.logger.warn(`WhatsApp trigger: refused ${reason}`);
	if (provider === 'meta' && parsed.skipped.some((r) => r.includes('another number')))
		this.logger.info(
			'WhatsApp trigger: ignored messages for another phone number id (turn off "Only This Number" or set the phone number id to receive them)',
		);
	const items = [...parsed.messages, ...(includeStatuses ? parsed.statuses : [])];
	if (!items.length) return { webhookResponse: 'OK' };
	return { workflowData: [this.helpers.returnJsonArray(items as unknown as IDataObject[])] };
}

async function fonnteBody(ctx: IWebhookFunctions): Promise<unknown> {
	const body = ctx.getBodyData();
	if (body && Object.keys(body).length) return body;
	const raw = await rawBodyOf(ctx);
	if (!raw?.length) throw new WebhookPayloadError('Empty body');
	return JSON.parse(raw.toString('utf8'));
}

/**
 * 400 with the reason for any body the parser cannot read. Anything but a WebhookPayloadError is
 * a parser bug: still a 400 (a 500 makes Meta retry the same body forever), logged as an error.
 */
function malformed(ctx: IWebhookFunctions, error: unknown): IWebhookResponseData {
	let reason: string;
	if (error instanceof WebhookPayloadError) reason = error.message;
	else if (error instanceof SyntaxError) reason = `body is not JSON (${error.message})`;
	else {
		reason = 'the body could not be read';
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		ctx.logger.error(`WhatsApp trigger: unexpected error reading a webhook body: ${detail}`);
	}
	ctx.logger.warn(`WhatsApp trigger: malformed webhook body: ${reason}`);
	return reply(ctx, 400, `Malformed webhook body: ${reason}`);
}
