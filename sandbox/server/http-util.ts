import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies above this are refused: the sandbox only ever sees small photos and PDFs. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: 'body too large' });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

export function sendBytes(
	res: ServerResponse,
	status: number,
	mimeType: string,
	data: Buffer,
	fileName?: string,
): void {
	const headers: Record<string, string | number> = {
		'Content-Type': mimeType,
		'Content-Length': data.length,
	};
	if (fileName)
		headers['Content-Disposition'] = `inline; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`;
	res.writeHead(status, headers);
	res.end(data);
}

/** Parses a JSON body; anything else is a 400 with a readable reason. */
export function parseJson(body: Buffer): unknown {
	if (body.length === 0) return {};
	try {
		return JSON.parse(body.toString('utf8'));
	} catch (error) {
		throw new HttpError(400, { error: `body is not valid JSON: ${(error as Error).message}` });
	}
}

/** Parses an `application/x-www-form-urlencoded` body or a JSON one, whichever it is. */
export function parseForm(body: Buffer, contentType: string | undefined): Record<string, unknown> {
	if ((contentType ?? '').includes('json')) return parseJson(body) as Record<string, unknown>;
	return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

export interface MultipartPart {
	name?: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** A small multipart parser (form-data and related): enough for Meta's media upload and Drive's. */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!match) throw new HttpError(400, { error: 'multipart body without a boundary' });
	const delimiter = Buffer.from(`--${match[1] ?? match[2].trim()}`);
	const parts: MultipartPart[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const headerStart = start + delimiter.length;
		if (body.subarray(headerStart, headerStart + 2).toString() === '--') break;
		const headerEnd = body.indexOf('\r\n\r\n', headerStart);
		if (headerEnd === -1) break;
		const next = body.indexOf(delimiter, headerEnd + 4);
		if (next === -1) break;
		const headers = body.subarray(headerStart, headerEnd).toString('utf8');
		// The part ends with CRLF before the next delimiter.
		const data = body.subarray(headerEnd + 4, next - 2);
		parts.push({
			name: /name="([^"]*)"/i.exec(headers)?.[1],
			fileName: /filename="([^"]*)"/i.exec(headers)?.[1],
			contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1].trim(),
			data,
		});
		start = next;
	}
	return parts;
}

export function bearerToken(req: { headers: IncomingMessage['headers'] }): string | undefined {
	const header = req.headers.authorization ?? '';
	const match = /^Bearer\s+(.+)$/i.exec(header);
	return match?.[1].trim() || undefined;
}

/** What the calls log keeps of a body: enough to see what n8n sent, short enough to list. */
export function summariseBody(body: Buffer, contentType: string | undefined): string {
	if (body.length === 0) return '';
	const type = contentType ?? '';
	if (/multipart|octet-stream|image\/|application\/pdf/.test(type))
		return `<${body.length} bytes ${type.split(';')[0]}>`;
	const text = body.toString('utf8');
	return text.length > 500 ? `${text.slice(0, 500)}… (${body.length} bytes)` : text;
}
