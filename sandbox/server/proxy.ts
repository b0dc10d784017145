import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Server as HttpsServer } from 'node:https';
import { STAND_IN_HOSTS } from './certificates';

/**
 * The proxy n8n reaches through HTTPS_PROXY. `CONNECT host:443` for a stand-in host is piped
 * into the in-process HTTPS server; every other target is refused (403) and logged, so a
 * workflow that talks to the real internet fails loudly instead of hanging.
 */
export function createProxy(
	standIn: HttpsServer,
	log: (line: string) => void = console.warn,
): Server {
	const allowed = new Set<string>(STAND_IN_HOSTS);
	const proxy = createServer((req, res) => {
		// Plain-HTTP proxying (HTTP_PROXY): nothing the stand-in serves over http.
		log(
			`[sandbox proxy] refused ${req.method} ${req.url}: only CONNECT to stand-in hosts is served`,
		);
		res.writeHead(403, { 'Content-Type': 'text/plain' });
		res.end('The sandbox proxy only serves CONNECT to Meta and Google stand-in hosts\n');
	});
	proxy.on('connect', (req, clientSocket: Socket, head: Buffer) => {
		const [host, port] = (req.url ?? '').split(':');
		if (!allowed.has(host.toLowerCase()) || (port && port !== '443')) {
			log(`[sandbox proxy] refused CONNECT ${req.url}: not a stand-in host`);
			clientSocket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length) clientSocket.unshift(head);
		clientSocket.on('error', () => clientSocket.destroy());
		standIn.emit('connection', clientSocket);
	});
	proxy.on('clientError', (_error, socket) => socket.destroy());
	return proxy;
}
