/**
 * Attachments Fonnte forwards are public file URLs: fetched without the Fonnte token, so the token
 * never goes to a host named in an (untrusted) webhook body.
 */
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DownloadedMedia } from '../gateway';

export async function downloadPublicFile(
	ctx: IExecuteFunctions,
	url: string,
	itemIndex: number,
): Promise<DownloadedMedia> {
	const res = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { body: Buffer; headers: Record<string, string>; statusCode: number };
	if (res.statusCode >= 400) {
		throw new NodeApiError(ctx.getNode(), { url, statusCode: res.statusCode } as JsonObject, {
			message: `Could not download the attachment (HTTP ${res.statusCode})`,
			description:
				'Fonnte keeps forwarded attachments only for a limited time; ask the resident to send the file again.',
			httpCode: String(res.statusCode),
			itemIndex,
		});
	}
	const mimeType = String(res.headers['content-type'] ?? 'application/octet-stream')
		.split(';')[0]
		.trim();
	const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'attachment');
	return { data: Buffer.from(res.body), mimeType, fileName };
}
