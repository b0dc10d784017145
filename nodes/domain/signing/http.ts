/** The HTTP call the signing code needs, injected by the node (n8n's helpers) or a test. */
export interface HttpRequest {
	url: string;
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: Buffer | string;
}

export interface HttpResponse {
	status: number;
	body: Buffer;
}

export type HttpFetch = (request: HttpRequest) => Promise<HttpResponse>;
