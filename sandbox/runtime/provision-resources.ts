// The instance-wide things workflows need before they are imported: an API key, credentials
// (filled from the sandbox, fitted to each type's schema) and the data tables a resources file
// names (test fixtures; the ready workflows' tables are made by the Setup form).
import { existsSync, readFileSync } from 'node:fs';
import { createApiKey, N8nApiError, PublicApi } from './api';
import { Log } from './run';
import { readState, writeState } from './secrets';
import { KnownCredential } from './workflow-file';

export interface CredentialSpec {
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** What the ready workflows need besides themselves: data tables, and the spreadsheet's id. */
export interface OfficeResources {
	dataTables?: Array<{ name: string; columns: Array<{ name: string; type: string }> }>;
	spreadsheet?: unknown;
}

/** A resources file; none when it is absent. */
export function readResources(file: string): OfficeResources {
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OfficeResources) : {};
}

export async function ensureApiKey(
	url: string,
	userFolder: string,
	session: Record<string, string>,
): Promise<PublicApi> {
	const stored = readState<{ apiKey: string }>(userFolder, 'pecelan-api-key.json');
	if (stored) {
		const api = new PublicApi(url, stored.apiKey);
		try {
			await api.call('GET', '/workflows?limit=1');
			return api;
		} catch (error) {
			if (!(error instanceof N8nApiError) || error.status !== 401) throw error;
		}
	}
	const apiKey = await createApiKey(url, session, `pecelan-sandbox ${new Date().toISOString()}`);
	writeState(userFolder, 'pecelan-api-key.json', { apiKey });
	return new PublicApi(url, apiKey);
}

/** Keeps only the fields the credential type declares; undefined when n8n lacks the type. */
async function fitToSchema(
	api: PublicApi,
	spec: CredentialSpec,
	log: Log,
): Promise<Record<string, unknown> | undefined> {
	let schema: { properties?: Record<string, unknown>; required?: string[] };
	try {
		schema = await api.call('GET', `/credentials/schema/${spec.type}`);
	} catch (error) {
		if (error instanceof N8nApiError && error.status === 404) return undefined;
		throw error;
	}
	const declared = Object.keys(schema.properties ?? {});
	const data = Object.fromEntries(
		Object.entries(spec.data).filter(([key]) => declared.includes(key)),
	);
	const unknown = Object.keys(spec.data).filter((key) => !declared.includes(key));
	const absent = (schema.required ?? []).filter((key) => !(key in data));
	if (unknown.length) log(`provision: ${spec.type} has no field ${unknown.join(', ')}; left out`);
	if (absent.length)
		log(
			`provision: ${spec.type} requires ${absent.join(', ')}, which the sandbox does not provide`,
		);
	return data;
}

export async function ensureCredentials(
	api: PublicApi,
	specs: CredentialSpec[],
	log: Log,
): Promise<KnownCredential[]> {
	const existing = await api.list<KnownCredential>('/credentials');
	const result: KnownCredential[] = [];
	for (const spec of specs) {
		const data = await fitToSchema(api, spec, log);
		if (!data) {
			log(`provision: credential type ${spec.type} is not installed; "${spec.name}" skipped`);
			continue;
		}
		const found = existing.find((c) => c.name === spec.name && c.type === spec.type);
		const body = { name: spec.name, type: spec.type, data };
		const saved = found
			? await api.call<KnownCredential>('PATCH', `/credentials/${found.id}`, body)
			: await api.call<KnownCredential>('POST', '/credentials', body);
		result.push({ id: saved.id ?? found?.id, name: spec.name, type: spec.type });
	}
	// Credentials made by hand in the editor count too when a workflow needs their type.
	for (const other of existing) if (!result.some((c) => c.id === other.id)) result.push(other);
	return result;
}

export async function ensureDataTables(
	api: PublicApi,
	setup: OfficeResources,
	log: Log,
): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const table of setup.dataTables ?? []) {
		const filter = encodeURIComponent(JSON.stringify({ name: table.name }));
		const [found] = await api.list<{ id: string; name: string; columns?: Array<{ name: string }> }>(
			`/data-tables?filter=${filter}`,
		);
		if (!found) {
			const created = await api.call<{ id: string }>('POST', '/data-tables', table);
			ids[table.name] = created.id;
			log(`provision: data table ${table.name} created`);
			continue;
		}
		ids[table.name] = found.id;
		const have = new Set((found.columns ?? []).map((c) => c.name));
		for (const column of table.columns.filter((c) => !have.has(c.name))) {
			await api.call('POST', `/data-tables/${found.id}/columns`, column);
			log(`provision: data table ${table.name}: column ${column.name} added`);
		}
	}
	return ids;
}
