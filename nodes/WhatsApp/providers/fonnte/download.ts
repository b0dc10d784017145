/**
 * Attachments Fonnte forwards are public file URLs named in an (untrusted) webhook body. They are
 * fetched without the Fonnte token, only over https on its default port from the provider's hosts,
 * without following redirects, and cut off past a size and a time limit.
 */
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { DownloadedMedia, DownloadLimits } from '../gateway';

/** Hosts Fonnte serves attachments from (`*.` allows subdomains). */
export const DEFAULT_FONNTE_MEDIA_HOSTS = 'fonnte.com, *.fonnte.com';
export const DEFAULT_MEDIA_MAX_MB = 25;
export const DEFAULT_MEDIA_TIMEOUT_S = 30;

/** Why `url` may not be fetched under `allowedHosts`, or null when it may. */
export function mediaUrlProblem(url: string, allowedHosts: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	const entries = allowedHosts
		.split(',')
		.map((e) => e.trim().toLowerCase())
		.filter(Boolean);
	const host = parsed.hostname.toLowerCase();
	const sameHost = (entry: string) => {
		const name = entry.replace(/^https:\/\//, '').split(':')[0];
		return name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name;
	};
	for (const entry of entries) {
		if (entry.startsWith('http://')) {
			if (parsed.protocol === 'http:' && parsed.host.toLowerCase() === entry.slice(7)) return null;
			continue;
		}
		const port = entry.replace(/^https:\/\//, '').split(':')[1] ?? '';
		if (sameHost(entry) && parsed.protocol === 'https:' && parsed.port === port) return null;
	}
	if (parsed.protocol !== 'https:')
		return `attachments are fetched only over https, not ${parsed.protocol}`;
	return parsed.port && entries.some(sameHost)
		? `port ${parsed.port} is not the https port of ${host}; attachments are fetched from port 443 only`
		: `${host} is not one of the attachment hosts (${entries.join(', ') || 'none set'})`;
}

/** The file name a URL ends with; a malformed %-escape or an empty name gives "attachment". */
export function fileNameOfUrl(url: string): string {
	let last: string;
	try {
		last = new URL(url).pathname.split('/').pop() ?? '';
	} catch {
		return 'attachment';
	}
	let name: string;
	try {
		name = decodeURIComponent(last);
	} catch {
		name = last;
	}
	// Only the name part: no path separators or control characters from a crafted URL.
	name = [...name]
		.filter((c) => c >= ' ' && c !== '\u007f' && c !== '/' && c !== '\\')
		.join('')
		.trim();
	return name && name !== '.' && name !== '..' ? name : 'attachment';
}

export async function downloadPublicFile(
	ctx: IExecuteFunctions,
	url: string,
	itemIndex: number,
	limits: DownloadLimits,
): Promise<DownloadedMedia> {
	const problem = mediaUrlProblem(url, limits.allowedHosts);
	if (problem)
		throw new NodeOperationError(ctx.getNode(), `Refused to download the attachment: ${problem}`, {
			description:
				'Only files on the provider\'s own hosts are fetched. If Fonnte serves attachments from another host, add it to "Allowed Attachment Hosts".',
			itemIndex,
		});
	const signal = AbortSignal.timeout(limits.timeoutMs);
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { description, itemIndex });
	let res: { body: AsyncIterable<Buffer>; headers: Record<string, string>; statusCode: number };
	try {
		res = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			maxRedirects: 0,
			timeout: limits.timeoutMs,
			abortSignal: signal,
		})) as typeof res;
	} catch (error) {
		if (signal.aborted) throw timedOut();
		throw new NodeApiError(ctx.getNode(), { url } as JsonObject, {
			message: `Could not download the attachment: ${(error as Error).message}`,
			itemIndex,
		});
	}
	function timedOut() {
		return fail(
			`The attachment did not arrive within ${limits.timeoutMs / 1000} s`,
			'Ask the resident to send the file again, or raise "Download Time Limit".',
		);
	}
	if (res.statusCode >= 300) {
		throw new NodeApiError(ctx.getNode(), { url, statusCode: res.statusCode } as JsonObject, {
			message:
				res.statusCode < 400
					? `The attachment URL redirects (HTTP ${res.statusCode}); redirects are not followed`
					: `Could not download the attachment (HTTP ${res.statusCode})`,
			description:
				'Fonnte keeps forwarded attachments only for a limited time; ask the resident to send the file again.',
			httpCode: String(res.statusCode),
			itemIndex,
		});
	}
	const tooLarge = () =>
		fail(
			`The attachment is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`,
			'Ask the resident for a smaller file (a photo instead of a scan), or raise "Max Attachment Size".',
		);
	if (Number(res.headers['content-length']) > limits.maxBytes) throw tooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of res.body) {
			size += chunk.length;
			if (size > limits.maxBytes) break;
			chunks.push(Buffer.from(chunk));
		}
	} catch (error) {
		if (signal.aborted) throw timedOut();
		throw new NodeApiError(ctx.getNode(), { url } as JsonObject, {
			message: `The attachment download broke off: ${(error as Error).message}`,
			itemIndex,
		});
	}
	if (size > limits.maxBytes) throw tooLarge();
	const mimeType = String(res.headers['content-type'] ?? 'application/octet-stream')
		.split(';')[0]
		.trim();
	const fileName = fileNameOfUrl(url);
	return { data: Buffer.concat(chunks), mimeType, fileName };
}
