// A small client for n8n's internal REST API (login, API keys) and its public API (/api/v1).
import { OwnerLogin } from './secrets';

export class N8nApiError extends Error {
	constructor(
		readonly status: number,
		readonly method: string,
		readonly path: string,
		readonly body: string,
	) {
		super(`n8n ${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
	}
}

async function request<T>(
	url: string,
	method: string,
	headers: Record<string, string>,
	body?: unknown,
): Promise<T> {
	const send = () =>
		fetch(url, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	// A kept-alive connection n8n closed just as it was reused ("other side closed", seen on a
	// busy machine): a GET, which changes nothing, is sent once more.
	const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
		if (method !== 'GET' || error.cause?.code !== 'UND_ERR_SOCKET') throw error;
		return send();
	});
	const text = await response.text();
	if (!response.ok) throw new N8nApiError(response.status, method, new URL(url).pathname, text);
	return (text ? JSON.parse(text) : undefined) as T;
}

/** The public API, authenticated with an API key. */
export class PublicApi {
	constructor(
		readonly baseUrl: string,
		readonly apiKey: string,
	) {}

	call<T>(method: string, path: string, body?: unknown): Promise<T> {
		return request<T>(
			`${this.baseUrl}/api/v1${path}`,
			method,
			{ 'x-n8n-api-key': this.apiKey },
			body,
		);
	}

	/** Every item of a paginated list. */
	async list<T>(path: string): Promise<T[]> {
		const items: T[] = [];
		let cursor: string | undefined;
		do {
			const separator = path.includes('?') ? '&' : '?';
			const page = await this.call<{ data: T[]; nextCursor?: string | null }>(
				'GET',
				`${path}${separator}limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			items.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return items;
	}
}

// The browser id is bound into the session cookie; it only has to be the same on every call.
const BROWSER_ID = 'pecelan-sandbox-runtime';

/** Logs the owner in (internal REST API): headers for later internal calls. */
export async function login(baseUrl: string, owner: OwnerLogin): Promise<Record<string, string>> {
	const response = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!response.ok) {
		throw new N8nApiError(response.status, 'POST', '/rest/login', await response.text());
	}
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	return { cookie, 'browser-id': BROWSER_ID };
}

export function internalCall<T>(
	baseUrl: string,
	session: Record<string, string>,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	return request<T>(`${baseUrl}${path}`, method, session, body);
}

/** Creates an API key with every scope the owner may grant. */
export async function createApiKey(
	baseUrl: string,
	session: Record<string, string>,
	label: string,
): Promise<string> {
	const scopes = await internalCall<{ data: string[] }>(
		baseUrl,
		session,
		'GET',
		'/rest/api-keys/scopes',
	);
	const created = await internalCall<{ data: { rawApiKey: string } }>(
		baseUrl,
		session,
		'POST',
		'/rest/api-keys',
		{
			label,
			scopes: scopes.data,
			expiresAt: null,
		},
	);
	return created.data.rawApiKey;
}
