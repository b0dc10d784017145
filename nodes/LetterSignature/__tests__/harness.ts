/** A small fake of n8n's IExecuteFunctions with exactly what the Letter Signature node calls. */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { executeContext as letterContext } from '../../../test/support/nodeContext';

export interface Credentials {
	officeCertificateApi?: IDataObject;
	bsreTteApi?: IDataObject;
}

/** Sends what the node asks through Node's fetch, as n8n's helper would (full response, bytes). */
async function send(options: IHttpRequestOptions, auth?: { username: string; password: string }) {
	const headers = { ...(options.headers as Record<string, string>) };
	if (auth)
		headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
	const res = await fetch(options.url, {
		method: options.method,
		headers,
		body: options.body as string | Buffer,
	});
	return { statusCode: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

export function executeContext(
	params: IDataObject,
	items: INodeExecutionData[],
	credentials: Credentials,
	continueOnFail = false,
): IExecuteFunctions {
	const base = letterContext(params, items, continueOnFail) as unknown as {
		helpers: Record<string, unknown>;
	};
	return {
		...base,
		getCredentials: async (name: keyof Credentials) => {
			const data = credentials[name];
			if (!data) throw new Error(`no credential ${name}`);
			return data;
		},
		helpers: {
			...base.helpers,
			httpRequest: (options: IHttpRequestOptions) => send(options),
			httpRequestWithAuthentication: (name: keyof Credentials, options: IHttpRequestOptions) => {
				const data = credentials[name]!;
				return send(options, { username: String(data.username), password: String(data.password) });
			},
		},
	} as unknown as IExecuteFunctions;
}
