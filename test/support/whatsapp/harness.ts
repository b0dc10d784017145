/**
 * Small fakes of n8n's IExecuteFunctions / IWebhookFunctions with exactly what the WhatsApp nodes
 * call. Requests are real HTTP (axios) to the local FakeApi; credentials are applied from the
 * credential classes' own `authenticate` definitions.
 */
import axios from 'axios';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { WhatsAppCloudApi } from '../../../credentials/WhatsAppCloudApi.credentials';
import { FonnteApi } from '../../../credentials/FonnteApi.credentials';

const CREDENTIAL_CLASSES = { whatsAppCloudApi: new WhatsAppCloudApi(), fonnteApi: new FonnteApi() };

const node = {
	id: 'node-1',
	name: 'WhatsApp Gateway',
	type: 'n8n-nodes-pecelan.whatsAppGateway',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** Resolves `={{$credentials.x}}` templates, as n8n does for these simple expressions. */
export function resolveCredentialTemplate(template: string, creds: IDataObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, k) => String(creds[k] ?? ''));
}

async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const res = await axios.request({
		url: options.url,
		baseURL: options.baseURL,
		method: options.method ?? 'GET',
		headers: options.headers as Record<string, string>,
		params: options.qs,
		data: options.body,
		responseType:
			options.encoding === 'arraybuffer' || options.encoding === 'stream'
				? options.encoding
				: 'json',
		signal: options.abortSignal as AbortSignal | undefined,
		timeout: options.timeout,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
		maxRedirects: 0,
	});
	const body = options.encoding === 'arraybuffer' ? Buffer.from(res.data as ArrayBuffer) : res.data;
	if (!options.returnFullResponse) return body;
	return { body, headers: res.headers, statusCode: res.status, statusMessage: res.statusText };
}

export interface Logged {
	level: string;
	message: string;
}

function makeLogger(logs: Logged[]) {
	const at = (level: string) => (message: string) => logs.push({ level, message });
	return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function lookup(params: IDataObject, name: string): unknown {
	return name
		.split('.')
		.reduce<unknown>(
			(v, k) => (v && typeof v === 'object' ? (v as IDataObject)[k] : undefined),
			params,
		);
}

export interface ExecuteSetup {
	params: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	credentials: Record<string, IDataObject>;
	continueOnFail?: boolean;
}

export function executeContext(
	setup: ExecuteSetup,
): IExecuteFunctions & { logs: Logged[]; authCalls: string[] } {
	const items: INodeExecutionData[] = setup.items ?? [{ json: {} }];
	const logs: Logged[] = [];
	const authCalls: string[] = [];
	const paramsOf = (i: number) =>
		typeof setup.params === 'function' ? setup.params(i) : setup.params;
	const ctx = {
		logs,
		authCalls,
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => setup.continueOnFail ?? false,
		logger: makeLogger(logs),
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			const value = lookup(paramsOf(itemIndex), name);
			if (value === undefined) {
				if (arguments.length >= 3) return fallback;
				throw new Error(`parameter ${name} not set in test`);
			}
			return value;
		},
		async getCredentials(type: string) {
			const creds = setup.credentials[type];
			if (!creds) throw new Error(`no credentials ${type} in test`);
			return creds as ICredentialDataDecryptedObject;
		},
		helpers: {
			httpRequest,
			async httpRequestWithAuthentication(type: string, options: IHttpRequestOptions) {
				authCalls.push(type);
				const creds = setup.credentials[type];
				const auth = CREDENTIAL_CLASSES[type as keyof typeof CREDENTIAL_CLASSES].authenticate;
				const headers: IDataObject = { ...(options.headers ?? {}) };
				for (const [k, v] of Object.entries(auth.properties.headers ?? {})) {
					headers[k] = resolveCredentialTemplate(String(v), creds);
				}
				return await httpRequest({ ...options, headers });
			},
			assertBinaryData(itemIndex: number, field: string): IBinaryData {
				const binary = items[itemIndex].binary?.[field];
				if (!binary) throw new Error(`Item has no binary field "${field}"`);
				return binary;
			},
			async getBinaryDataBuffer(itemIndex: number, field: string): Promise<Buffer> {
				return Buffer.from(items[itemIndex].binary![field].data, 'base64');
			},
			async prepareBinaryData(
				data: Buffer,
				fileName?: string,
				mimeType?: string,
			): Promise<IBinaryData> {
				return {
					data: data.toString('base64'),
					fileName,
					mimeType: mimeType ?? 'application/octet-stream',
					fileSize: String(data.length),
				};
			},
		},
	};
	return ctx as unknown as IExecuteFunctions & { logs: Logged[]; authCalls: string[] };
}

export interface WebhookSetup {
	webhookName: 'setup' | 'default';
	params: IDataObject;
	credentials: Record<string, IDataObject>;
	query?: IDataObject;
	headers?: Record<string, string>;
	/** Raw bytes as received; parsed as n8n would for application/json when it is valid JSON. */
	rawBody?: string | Buffer;
}

export interface RecordedResponse {
	status?: number;
	contentType?: string;
	body?: unknown;
	ended: boolean;
}

export function webhookContext(
	setup: WebhookSetup,
): IWebhookFunctions & { logs: Logged[]; response: RecordedResponse } {
	const logs: Logged[] = [];
	const response: RecordedResponse = { ended: false };
	const raw = setup.rawBody === undefined ? undefined : Buffer.from(setup.rawBody);
	let body: IDataObject = {};
	try {
		if (raw?.length) body = JSON.parse(raw.toString('utf8'));
	} catch {
		body = {};
	}
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		type(t: string) {
			response.contentType = t;
			return res;
		},
		send(b: unknown) {
			response.body = b;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
	};
	const headers = Object.fromEntries(
		Object.entries(setup.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
	);
	const ctx = {
		logs,
		response,
		getNode: () => ({
			...node,
			name: 'WhatsApp Gateway Trigger',
			type: 'n8n-nodes-pecelan.whatsAppGatewayTrigger',
		}),
		getWebhookName: () => setup.webhookName,
		logger: makeLogger(logs),
		getNodeParameter(name: string, fallback?: unknown) {
			const value = lookup(setup.params, name);
			return value === undefined ? fallback : value;
		},
		async getCredentials(type: string) {
			const creds = setup.credentials[type];
			if (!creds) throw new Error(`no credentials ${type} in test`);
			return creds as ICredentialDataDecryptedObject;
		},
		getQueryData: () => setup.query ?? {},
		getHeaderData: () => headers,
		getBodyData: () => body,
		getRequestObject: () => ({ rawBody: raw, headers, query: setup.query ?? {}, body }),
		getResponseObject: () => res,
		helpers: {
			returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })),
		},
	};
	return ctx as unknown as IWebhookFunctions & { logs: Logged[]; response: RecordedResponse };
}
