import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Certificates } from './certificates';
import type { SandboxContext, StandInHandler, StandInRequest, StandInResponse } from './context';
import { heldFor, injectedFault, type Fault } from './faults';
import { googleError, handleGoogleToken } from './google-auth';
import { handleDrive } from './google-drive';
import { handleSheets } from './google-sheets';
import { HttpError, readBody, summariseBody } from './http-util';
import { handleGraph, handleLookaside, LOOKASIDE } from './meta-graph';
import { FONNTE_API_HOST, FONNTE_MEDIA_HOST, handleFonnteApi, handleFonnteMedia } from './fonnte';
import { handleTranscription, TRANSCRIPTION_HOST } from './transcription';

const HANDLERS: Record<string, StandInHandler> = {
	'graph.facebook.com': handleGraph,
	[LOOKASIDE]: handleLookaside,
	'oauth2.googleapis.com': handleGoogleToken,
	'sheets.googleapis.com': handleSheets,
	'www.googleapis.com': handleDrive,
	[FONNTE_API_HOST]: handleFonnteApi,
	[FONNTE_MEDIA_HOST]: handleFonnteMedia,
	[TRANSCRIPTION_HOST]: handleTranscription,
};

function write(res: ServerResponse, response: StandInResponse): void {
	const headers: Record<string, string | number> = { ...(response.headers ?? {}) };
	let payload: Buffer = Buffer.alloc(0);
	if (response.bytes) {
		payload = response.bytes.data;
		headers['Content-Type'] = response.bytes.mimeType;
	} else if (response.json !== undefined) {
		payload = Buffer.from(JSON.stringify(response.json));
		headers['Content-Type'] = 'application/json; charset=UTF-8';
	}
	headers['Content-Length'] = payload.length;
	res.writeHead(response.status, headers);
	res.end(payload);
}

/** Waits `ms`, or less if the client goes away first; true when it is still there. */
function heldWhileConnected(res: ServerResponse, ms: number): Promise<boolean> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			res.off('close', gone);
			resolve(true);
		}, ms);
		const gone = () => {
			clearTimeout(timer);
			resolve(false);
		};
		res.once('close', gone);
	});
}

async function handle(
	ctx: SandboxContext,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
	const url = new URL(req.url ?? '/', `https://${host || 'unknown'}`);
	let body: Buffer = Buffer.alloc(0);
	let response: StandInResponse;
	try {
		body = await readBody(req);
		const request: StandInRequest = {
			host,
			method: req.method ?? 'GET',
			rawPath: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			body,
		};
		const handler = HANDLERS[host];
		const holdMs = heldFor(ctx, request);
		if (holdMs !== undefined && !(await heldWhileConnected(res, holdMs))) {
			// The caller died while the call was held: like a request that never reached Meta.
			ctx.state.addCall({
				at: new Date().toISOString(),
				host,
				method: request.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				status: 0,
				bodySummary: 'held by a test; the caller went away, so it was never carried out',
			});
			return;
		}
		// A fault a test armed (POST /api/faults) answers before the real handler does.
		const fault = injectedFault(ctx, request);
		if (fault && 'hold' in fault) {
			await holdUntilClosed(req, fault.hold);
			response = { status: 0, json: { held: true } };
			ctx.state.addCall(callRecord(req, host, url, response, body));
			return;
		}
		response = fault
			? fault.answer
			: handler
				? await handler(ctx, request)
				: googleError(404, `The sandbox does not stand in for ${host}`);
	} catch (error) {
		if (error instanceof HttpError) {
			response = { status: error.status, json: error.body };
		} else {
			// A bug in the sandbox must show up in the calls log and as a 500, never crash the server.
			console.error(`[sandbox] ${req.method} ${host}${url.pathname} failed:`, error);
			response = { status: 500, json: { error: { code: 500, message: (error as Error).message } } };
		}
	}
	ctx.state.addCall(callRecord(req, host, url, response, body));
	write(res, response);
}

function callRecord(
	req: IncomingMessage,
	host: string,
	url: URL,
	response: StandInResponse,
	body: Buffer,
) {
	return {
		at: new Date().toISOString(),
		host,
		method: req.method ?? 'GET',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		status: response.status,
		bodySummary: summariseBody(body, req.headers['content-type']),
	};
}

/**
 * A held call: note the caller's port (the TLS socket runs over the proxy's socket from n8n),
 * then wait, answering nothing, until the caller's connection closes.
 */
function holdUntilClosed(req: IncomingMessage, fault: Fault): Promise<void> {
	const socket = req.socket as Socket & { _parent?: Socket };
	const port = socket.remotePort ?? socket._parent?.remotePort;
	if (port) fault.heldFrom?.push(port);
	return new Promise((resolve) => {
		if (socket.destroyed) return resolve();
		socket.once('close', () => resolve());
	});
}

/** The HTTPS server that plays Meta, Google, Fonnte and the transcription API. It never listens: the proxy hands it sockets. */
export function createStandInServer(ctx: SandboxContext, certs: Certificates): Server {
	return createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
		void handle(ctx, req, res);
	});
}
