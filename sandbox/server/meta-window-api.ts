/**
 * The sandbox's JSON API for Meta's 24-hour window and template review: a test moves a
 * resident's last message back ("30 hours later") or plays Meta pausing a template.
 */
import type { Handler } from './handler';
import { HttpError, parseJson, readBody, sendJson } from './http-util';
import { ageResident, setTemplateStatus } from './meta-templates';

export function windowRoutes(waId: string): Array<[string, RegExp, Handler]> {
	return [
		[
			'POST',
			new RegExp(`^/api/residents/${waId}/age$`),
			async (ctx, req, res, [id]) => {
				const { hours } = (parseJson(await readBody(req)) ?? {}) as { hours?: unknown };
				if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)
					throw new HttpError(400, { error: 'send { "hours": <number ≥ 0> }' });
				const lastInboundAt = ageResident(ctx, id, hours);
				if (!lastInboundAt)
					throw new HttpError(404, { error: `resident ${id} has not written yet` });
				sendJson(res, 200, { waId: id, lastInboundAt });
			},
		],
		[
			'GET',
			/^\/api\/templates$/,
			async (ctx, _req, res) => {
				sendJson(res, 200, Object.values(ctx.state.data.templates));
			},
		],
		[
			'POST',
			/^\/api\/templates\/([a-z0-9_]+)\/status$/,
			async (ctx, req, res, [name]) => {
				const { status } = (parseJson(await readBody(req)) ?? {}) as { status?: unknown };
				try {
					const changed = setTemplateStatus(ctx, name, String(status ?? ''));
					if (!changed.length) throw new HttpError(404, { error: `no template ${name}` });
					sendJson(res, 200, changed);
				} catch (error) {
					if (error instanceof HttpError) throw error;
					throw new HttpError(400, { error: (error as Error).message });
				}
			},
		],
	];
}
