/**
 * A local stand-in for Graph API / Fonnte: records every request (method, path, headers, raw
 * body) and answers from per-route scripts. Listens on 127.0.0.1, free port.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** When the request had arrived whole (epoch ms). */
	at: number;
	json(): unknown;
	text(): string;
}

export interface ScriptedResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

type Handler = (req: RecordedRequest) => ScriptedResponse;

export class FakeApi {
	readonly requests: RecordedRequest[] = [];
	private server!: Server;
	private routes: Array<{ method: string; path: string; queue: Handler[]; fallback?: Handler }> =
		[];
	baseUrl = '';

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks);
				const recorded: RecordedRequest = {
					method: req.method ?? '',
					path: req.url ?? '',
					headers: req.headers,
					body,
					at: Date.now(),
					text: () => body.toString('utf8'),
					json: () => JSON.parse(body.toString('utf8')),
				};
				this.requests.push(recorded);
				const route = this.routes.find(
					(r) => r.method === recorded.method && r.path === recorded.path.split('?')[0],
				);
				const handler = route?.queue.shift() ?? route?.fallback;
				const answer = handler ? handler(recorded) : { status: 404, body: { error: 'no route' } };
				const payload = Buffer.isBuffer(answer.body)
					? answer.body
					: Buffer.from(JSON.stringify(answer.body ?? {}));
				res.writeHead(answer.status ?? 200, {
					'Content-Type': Buffer.isBuffer(answer.body)
						? 'application/octet-stream'
						: 'application/json',
					...answer.headers,
				});
				res.end(payload);
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** Answers `method path` with `answers` in turn, then keeps answering with the last one. */
	on(method: string, path: string, ...answers: Array<ScriptedResponse | Handler>): this {
		const handlers = answers.map((a) => (typeof a === 'function' ? a : () => a));
		this.routes.push({
			method,
			path,
			queue: handlers.slice(0, -1),
			fallback: handlers[handlers.length - 1],
		});
		return this;
	}

	reset(): void {
		this.requests.length = 0;
		this.routes = [];
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** Splits a multipart/form-data body into its named parts. */
export function parseMultipart(
	body: Buffer,
	contentType: string,
): Record<string, { filename?: string; contentType?: string; data: Buffer }> {
	const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
	if (!boundary) throw new Error(`no boundary in ${contentType}`);
	const parts: Record<string, { filename?: string; contentType?: string; data: Buffer }> = {};
	const text = body.toString('latin1');
	for (const chunk of text.split(`--${boundary}`).slice(1)) {
		if (chunk.startsWith('--')) break;
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
		const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
		parts[name] = {
			filename: /filename="([^"]*)"/.exec(head)?.[1],
			contentType: /Content-Type: (.*)/i.exec(head)?.[1]?.trim(),
			data: Buffer.from(content, 'latin1'),
		};
	}
	return parts;
}
