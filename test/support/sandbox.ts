/** A sandbox for one test file (its own state folder and TLS proxy), and ways to talk to it. */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import {
	request as httpRequest,
	createServer,
	type IncomingHttpHeaders,
	type Server,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

/** The stand-in BSrE's credential values, for the tests that sign against it. */
export { SANDBOX_BSRE } from '../../sandbox/server/bsre';
/** A test CA and PKCS#12 files signed by it: an office's own CA, or a forger's. */
export { createTestCa, toPkcs12Base64 } from '../../sandbox/server/bsre-ca';

export interface TestSandbox {
	sandbox: Sandbox;
	stateDir: string;
	ca: string;
	close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
	const stateDir = mkdtempSync(join(tmpdir(), 'pecelan-sandbox-'));
	const sandbox = await startSandbox({ port: 0, proxyPort: 0, stateDir, ...options });
	return {
		sandbox,
		stateDir,
		ca: readFileSync(sandbox.caCertPath, 'utf8'),
		close: async () => {
			await sandbox.stop();
			rmSync(stateDir, { recursive: true, force: true });
		},
	};
}

export interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
	json: any;
}

/** Opens `CONNECT host:443` on the sandbox proxy, as n8n does, and returns the raw status line's code. */
export function connectThroughProxy(
	proxyUrl: string,
	host: string,
): Promise<{ status: number; socket: import('node:net').Socket }> {
	const proxy = new URL(proxyUrl);
	return new Promise((resolve, reject) => {
		const req = httpRequest({
			host: proxy.hostname,
			port: proxy.port,
			method: 'CONNECT',
			path: `${host}:443`,
		});
		req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
		req.on('error', reject);
		req.end();
	});
}

/** One HTTPS request to a stand-in host through the proxy, trusting only the sandbox CA. */
export async function viaProxy(
	t: TestSandbox,
	host: string,
	method: string,
	path: string,
	options: { headers?: Record<string, string>; body?: string | Buffer | object } = {},
): Promise<Reply> {
	const { status, socket } = await connectThroughProxy(t.sandbox.proxyUrl, host);
	if (status !== 200) {
		socket.destroy();
		throw new Error(`CONNECT ${host} answered ${status}`);
	}
	const body =
		options.body === undefined || Buffer.isBuffer(options.body) || typeof options.body === 'string'
			? options.body
			: JSON.stringify(options.body);
	const headers: Record<string, string | number> = { ...(options.headers ?? {}) };
	if (body !== undefined) {
		headers['Content-Length'] = Buffer.byteLength(body);
		if (typeof options.body === 'object' && !Buffer.isBuffer(options.body))
			headers['Content-Type'] ??= 'application/json';
	}
	return new Promise((resolve, reject) => {
		const req = httpsRequest(
			{
				host,
				path,
				method,
				headers,
				createConnection: () => tlsConnect({ socket, servername: host, ca: t.ca }),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const data = Buffer.concat(chunks);
					let json: unknown;
					try {
						json = JSON.parse(data.toString('utf8'));
					} catch {
						json = undefined;
					}
					socket.destroy();
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, json });
				});
			},
		);
		req.on('error', reject);
		if (body !== undefined) req.write(body);
		req.end();
	});
}

/** The sandbox's own JSON API (plain http on 127.0.0.1). */
export async function api(
	t: TestSandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; json: any }> {
	const response = await fetch(`${t.sandbox.url}${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

export interface ReceivedWebhook {
	headers: IncomingHttpHeaders;
	raw: Buffer;
}

/** A local stand-in for n8n's intake webhook that records what it receives. */
export async function startReceiver(
	status = 200,
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
	const received: ReceivedWebhook[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
			res.writeHead(status);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/intake`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A JWT shaped like the one n8n's Google service-account flow signs (signature not checked). */
export function serviceAccountJwt(claims: Record<string, unknown> = {}): string {
	const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
	const now = Math.floor(Date.now() / 1000);
	return [
		enc({ alg: 'RS256', typ: 'JWT' }),
		enc({
			iss: 'office@sandbox.iam.gserviceaccount.com',
			scope: 'https://www.googleapis.com/auth/spreadsheets',
			aud: 'https://oauth2.googleapis.com/token',
			iat: now,
			exp: now + 3600,
			...claims,
		}),
		'c2lnbmF0dXJl',
	].join('.');
}
