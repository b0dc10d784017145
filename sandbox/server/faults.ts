/**
 * Fault switch: a test arms "the next N calls of this operation fail with this status" through
 * `POST /api/faults`, and the stand-in answers those calls with the error body Meta or Google
 * really send for that status, so a workflow's recovery is tested against the real shape.
 */
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { HttpError } from './http-util';
import { MetaError } from './meta-validate';

export type FaultService = 'whatsapp' | 'sheets' | 'drive';

/** What each service's operations are, told from the request alone. */
const OPERATIONS: Record<FaultService, Record<string, (req: StandInRequest) => boolean>> = {
	whatsapp: {
		sendMessage: (req) => req.method === 'POST' && /\/messages\/?$/.test(req.rawPath),
		sendDocument: (req) =>
			req.method === 'POST' &&
			/\/messages\/?$/.test(req.rawPath) &&
			/"type"\s*:\s*"document"/.test(req.body.toString('utf8')),
		uploadMedia: (req) => req.method === 'POST' && /\/media\/?$/.test(req.rawPath),
	},
	sheets: {
		read: (req) => req.method === 'GET' && /\/values[/:]/.test(req.rawPath),
		update: (req) =>
			(req.method === 'POST' && req.rawPath.endsWith('/values:batchUpdate')) ||
			(req.method === 'PUT' && req.rawPath.includes('/values/')),
		append: (req) => req.method === 'POST' && req.rawPath.endsWith(':append'),
		// A whole spreadsheet's metadata, as Setup's Find Spreadsheet asks for it; the Google
		// Sheets node's own metadata calls carry a `fields` mask.
		getSpreadsheet: (req) =>
			req.method === 'GET' &&
			/^\/v4\/spreadsheets\/[^/:]+$/.test(req.rawPath.split('?')[0]) &&
			!req.query.has('fields'),
		any: () => true,
	},
	drive: {
		upload: (req) => req.method === 'POST' && req.rawPath.startsWith('/upload/'),
		any: () => true,
	},
};

const HOSTS: Record<string, FaultService> = {
	'graph.facebook.com': 'whatsapp',
	'sheets.googleapis.com': 'sheets',
	'www.googleapis.com': 'drive',
};

export interface FaultInput {
	service: FaultService;
	operation: string;
	status: number;
	/** How many matching calls fail; then the fault is spent. Default 1. */
	times?: number;
	/** Only calls whose body contains this text (e.g. a resident's number), so one test's fault hits only its own calls. */
	bodyContains?: string;
	/**
	 * Answer nothing at all: the call hangs until the caller's connection closes (a server that
	 * never answers, or a caller that dies waiting), and nothing it asked for happens. `status`
	 * is then not needed.
	 */
	hold?: boolean;
	/**
	 * Instead of failing, hold the call this long before answering it normally: a test can kill
	 * n8n while the call is in flight. A call whose client went away meanwhile is never carried out.
	 */
	holdMs?: number;
}

export interface Fault extends Required<Omit<FaultInput, 'bodyContains' | 'hold' | 'holdMs'>> {
	id: number;
	bodyContains?: string;
	hold?: boolean;
	holdMs?: number;
	/** Calls answered with the error (or held) so far. */
	hits: number;
	/** For a held call: the caller's TCP port, so a test can tell which process is waiting. */
	heldFrom?: number[];
}

/** What the stand-in does with a call a fault hit: answer this error, or hold it unanswered. */
export type InjectedFault = { answer: StandInResponse } | { hold: Fault };

const armed = new WeakMap<SandboxContext, Fault[]>();
let nextId = 1;

export function listFaults(ctx: SandboxContext): Fault[] {
	return armed.get(ctx) ?? [];
}

export function clearFaults(ctx: SandboxContext): void {
	armed.set(ctx, []);
}

/** Checks a `POST /api/faults` body and arms the fault; a bad one is a 400 that says what is wrong. */
export function armFault(ctx: SandboxContext, input: unknown): Fault {
	const spec = (input ?? {}) as Partial<FaultInput>;
	const services = Object.keys(OPERATIONS) as FaultService[];
	if (!services.includes(spec.service as FaultService))
		throw new HttpError(400, { error: `service must be one of ${services.join(', ')}` });
	const operations = Object.keys(OPERATIONS[spec.service!]);
	if (!operations.includes(String(spec.operation)))
		throw new HttpError(400, {
			error: `operation of ${spec.service} must be one of ${operations.join(', ')}`,
		});
	const hold = spec.hold === true;
	const holdMs = spec.holdMs === undefined ? undefined : Number(spec.holdMs);
	if (holdMs !== undefined && (!Number.isInteger(holdMs) || holdMs < 1 || holdMs > 600000))
		throw new HttpError(400, { error: 'holdMs must be a whole number of milliseconds (1–600000)' });
	const status =
		holdMs !== undefined ? 0 : hold && spec.status === undefined ? 504 : Number(spec.status);
	if (holdMs === undefined && (!Number.isInteger(status) || status < 400 || status > 599))
		throw new HttpError(400, { error: 'status must be an HTTP error status (400–599)' });
	const times = spec.times === undefined ? 1 : Number(spec.times);
	if (!Number.isInteger(times) || times < 1)
		throw new HttpError(400, { error: 'times must be a whole number of at least 1' });
	const fault: Fault = {
		id: nextId++,
		service: spec.service!,
		operation: String(spec.operation),
		status,
		times,
		hits: 0,
		...(spec.bodyContains ? { bodyContains: String(spec.bodyContains) } : {}),
		...(hold ? { hold, heldFrom: [] } : {}),
		...(holdMs === undefined ? {} : { holdMs }),
	};
	armed.set(ctx, [...listFaults(ctx), fault]);
	return fault;
}

/** The error Meta's Graph API sends for a failed call with this HTTP status. */
function metaError(status: number): StandInResponse {
	const error =
		status === 429
			? new MetaError(
					130429,
					'(#130429) Rate limit hit',
					'Cloud API message throughput has been reached.',
					status,
				)
			: status === 503
				? new MetaError(131016, '(#131016) Service unavailable', 'Service unavailable', status)
				: new MetaError(131000, '(#131000) Something went wrong', 'Something went wrong', status);
	return json(status, error.toJson());
}

const GOOGLE_STATUS: Record<number, [string, string]> = {
	400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
	403: ['PERMISSION_DENIED', 'The caller does not have permission'],
	404: ['NOT_FOUND', 'Requested entity was not found.'],
	500: ['INTERNAL', 'Internal error encountered.'],
	503: ['UNAVAILABLE', 'The service is currently unavailable.'],
};

/** The error Google APIs send; a 429 is the per-minute quota error with its ErrorInfo details. */
function googleError(service: FaultService, status: number, req: StandInRequest): StandInResponse {
	if (status === 429) {
		const write = req.method !== 'GET';
		const metric = write ? 'Write requests' : 'Read requests';
		const limit = write ? 'WriteRequestsPerMinutePerUser' : 'ReadRequestsPerMinutePerUser';
		const host = service === 'sheets' ? 'sheets.googleapis.com' : 'drive.googleapis.com';
		return json(429, {
			error: {
				code: 429,
				message: `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service '${host}' for consumer 'project_number:100000000001'.`,
				status: 'RESOURCE_EXHAUSTED',
				details: [
					{
						'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
						reason: 'RATE_LIMIT_EXCEEDED',
						domain: 'googleapis.com',
						metadata: {
							quota_metric: `${host}/${write ? 'write' : 'read'}_requests`,
							quota_limit: limit,
							service: host,
							consumer: 'projects/100000000001',
						},
					},
				],
			},
		});
	}
	const [code, message] = GOOGLE_STATUS[status] ?? ['UNKNOWN', 'Unknown error.'];
	return json(status, { error: { code: status, message, status: code } });
}

function matchingFault(
	ctx: SandboxContext,
	req: StandInRequest,
	delayed: boolean,
): Fault | undefined {
	const service = HOSTS[req.host];
	if (!service) return undefined;
	const fault = listFaults(ctx).find(
		(f) =>
			f.service === service &&
			(f.holdMs !== undefined) === delayed &&
			f.hits < f.times &&
			OPERATIONS[service][f.operation](req) &&
			(!f.bodyContains || req.body.toString('utf8').includes(f.bodyContains)),
	);
	if (fault) fault.hits++;
	return fault;
}

/** The injected error (or hold) for this call, if an armed fault matches it (counting it spent). */
export function injectedFault(ctx: SandboxContext, req: StandInRequest): InjectedFault | undefined {
	const fault = matchingFault(ctx, req, false);
	if (!fault) return undefined;
	if (fault.hold) return { hold: fault };
	return {
		answer:
			fault.service === 'whatsapp'
				? metaError(fault.status)
				: googleError(fault.service, fault.status, req),
	};
}

/** How long to hold this call before handling it, if an armed delay matches it (counting it spent). */
export function heldFor(ctx: SandboxContext, req: StandInRequest): number | undefined {
	return matchingFault(ctx, req, true)?.holdMs;
}
