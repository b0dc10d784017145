/**
 * The sandbox's JSON API for Fonnte: which provider residents write through (the page's switch),
 * the device's package, connection, quota and webhook URL (with or without the secret), how fast
 * the office's number sent, and the webhook delivery itself.
 */
import type { SandboxContext } from './context';
import type { Handler } from './handler';
import { HttpError, parseJson, readBody, sendJson } from './http-util';
import { fonnteWebhookUrl, sendPace } from './fonnte';
import type { FonnteDevice } from './fonnte-device';
import { postWebhook, type DeliveryResult } from './webhook';

export { buildFonnteInbound } from './fonnte';

/** POSTs one Fonnte webhook body to the device's webhook URL; retried until answered 200. */
export async function deliverFonnte(
	ctx: SandboxContext,
	rawBody: string,
	timeoutMs?: number,
): Promise<DeliveryResult> {
	const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Fonnte' };
	return await postWebhook(
		ctx.fonnteRedelivery,
		fonnteWebhookUrl(ctx),
		headers,
		rawBody,
		timeoutMs,
	);
}

function deviceView(ctx: SandboxContext) {
	const { token, webhookSecret, ...device } = ctx.fonnte;
	return {
		provider: ctx.settings.provider,
		...device,
		tokenSet: Boolean(token),
		secretSet: Boolean(webhookSecret),
		webhookUrl: fonnteWebhookUrl(ctx) ?? null,
		pace: sendPace(ctx.fonnteSends),
	};
}

/** Checks and applies a change to the device (what an admin changes in Fonnte's dashboard). */
function patchDevice(device: FonnteDevice, given: Record<string, unknown>): void {
	if ('package' in given) {
		if (typeof given.package !== 'string' || !given.package.trim())
			throw new HttpError(400, { error: 'package: a package name ("all feature", "Free", …)' });
		device.package = given.package.trim();
	}
	if ('deviceStatus' in given) {
		if (given.deviceStatus !== 'connect' && given.deviceStatus !== 'disconnect')
			throw new HttpError(400, { error: 'deviceStatus: "connect" or "disconnect"' });
		device.deviceStatus = given.deviceStatus;
	}
	if ('quota' in given) {
		if (typeof given.quota !== 'number' || !Number.isInteger(given.quota) || given.quota < 0)
			throw new HttpError(400, { error: 'quota: a whole number ≥ 0' });
		device.quota = given.quota;
	}
	if ('withSecret' in given) {
		if (typeof given.withSecret !== 'boolean')
			throw new HttpError(400, { error: 'withSecret: true or false' });
		device.withSecret = given.withSecret;
	}
}

export function fonnteRoutes(): Array<[string, RegExp, Handler]> {
	return [
		[
			'POST',
			/^\/api\/provider$/,
			async (ctx, req, res) => {
				const { provider } = (parseJson(await readBody(req)) ?? {}) as { provider?: unknown };
				if (provider !== 'meta' && provider !== 'fonnte')
					throw new HttpError(400, { error: 'provider: "meta" or "fonnte"' });
				ctx.settings.provider = provider;
				ctx.state.changed({ kind: 'reset' });
				sendJson(res, 200, { provider });
			},
		],
		[
			'GET',
			/^\/api\/fonnte$/,
			async (ctx, _req, res) => {
				sendJson(res, 200, deviceView(ctx));
			},
		],
		[
			'POST',
			/^\/api\/fonnte$/,
			async (ctx, req, res) => {
				const given = parseJson(await readBody(req));
				if (!given || typeof given !== 'object' || Array.isArray(given))
					throw new HttpError(400, {
						error: 'send { package?, deviceStatus?, quota?, withSecret? }',
					});
				patchDevice(ctx.fonnte, given as Record<string, unknown>);
				sendJson(res, 200, deviceView(ctx));
			},
		],
		[
			// Every send since `since` (epoch ms): what the office's number sent, when, to whom.
			'GET',
			/^\/api\/fonnte\/sends$/,
			async (ctx, _req, res, _p, url) => {
				const since = Number(url.searchParams.get('since') ?? 0) || 0;
				const sends = ctx.fonnteSends.filter((s) => s.atMs >= since);
				sendJson(res, 200, { sends, pace: sendPace(sends) });
			},
		],
	];
}
