/**
 * The Sheet Edit Trigger, fed any body an outsider (or a replay) can post: mostly signed with the
 * shared secret, stamped at any time around now. It never throws; a run starts only for a signed
 * call stamped within 5 minutes before (1 minute after) now, with rows of whole row numbers and
 * text; anything else is answered 400 or 401 with the reason in n8n's log.
 */
import fc from 'fast-check';
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signSheetEdit } from '../../../nodes/domain/sheet/sheetEdit';
import { SheetEditTrigger } from '../../../nodes/SheetEdit/SheetEditTrigger.node';
import { anyText, assert, mostly, rarely, some, weird, type FuzzTarget } from './common';

const SECRET = 'fuzz-sheet-edit-secret-of-length';
const trigger = new SheetEditTrigger();
/** Stamps this close to a limit are not judged: the clock moves between stamping and checking. */
const MARGIN_S = 5;

interface EditCall {
	body: unknown;
	/** Seconds between now and the stamp put in "editedAt" (positive: in the past); null: none. */
	ageSeconds: number | null;
	/** "editedAt" as generated when it is not a stamp around now. */
	oddStamp?: unknown;
	signature: 'signed' | 'forged' | 'missing';
	/** Post text that is not JSON instead of the body. */
	raw?: string;
}

async function post(raw: string, signature: string | undefined) {
	const answer: { status?: number; logs: string[]; result?: IWebhookResponseData } = { logs: [] };
	const res = {
		status: (code: number) => ((answer.status = code), res),
		type: () => res,
		send: () => res,
		end: () => res,
	};
	const ctx = {
		getCredentials: async () => ({ secret: SECRET }),
		getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
		getHeaderData: () => (signature === undefined ? {} : { 'x-pecelan-signature': signature }),
		getResponseObject: () => res,
		logger: { warn: (message: string) => answer.logs.push(message) },
	} as unknown as IWebhookFunctions;
	answer.result = await trigger.webhook.call(ctx);
	return answer;
}

const row = some({
	row: fc.oneof(
		{ weight: 12, arbitrary: fc.integer({ min: 1, max: 5000 }) },
		{ weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, '2', 1e300) },
		{ weight: 1, arbitrary: weird },
	),
	ticket: mostly(anyText),
	status: mostly(fc.constantFrom('Disetujui', 'Ditolak', 'Menunggu', '')),
});

const call: fc.Arbitrary<EditCall> = fc.record(
	{
		body: rarely(
			some(
				{
					spreadsheetId: mostly(fc.constant('sheet-1')),
					sheetName: rarely(fc.constantFrom('Permohonan', 'Permohonan', '')),
					column: mostly(fc.constantFrom('Status', 'Tiket')),
					rows: rarely(fc.array(row, { maxLength: 3 })),
				},
				['sheetName', 'rows'],
			),
		),
		ageSeconds: fc.oneof(
			{ weight: 4, arbitrary: fc.integer({ min: -30, max: 280 }) },
			{ weight: 3, arbitrary: fc.integer({ min: -7200, max: 86400 }) },
			{ weight: 1, arbitrary: fc.constant(null) },
		),
		oddStamp: fc.oneof(weird, fc.constantFrom('yesterday', '2026-13-45T00:00:00Z', '1e16')),
		signature: fc.constantFrom('signed', 'signed', 'signed', 'forged', 'missing'),
		raw: anyText,
	},
	{ requiredKeys: ['body', 'ageSeconds', 'signature'] },
);

export const sheetEditCalls: FuzzTarget<EditCall> = {
	name: 'sheet edit calls',
	runs: 1500,
	arbitrary: call,
	async check(input) {
		const now = Date.now();
		let body = input.body;
		let stamp: unknown;
		if (body && typeof body === 'object' && !Array.isArray(body)) {
			stamp =
				input.oddStamp !== undefined && input.ageSeconds === null
					? input.oddStamp
					: input.ageSeconds === null
						? undefined
						: new Date(now - input.ageSeconds * 1000).toISOString();
			body = { ...body, ...(stamp === undefined ? {} : { editedAt: stamp }) };
		}
		const raw =
			input.raw !== undefined && input.signature === 'forged'
				? input.raw
				: (JSON.stringify(body) ?? 'null');
		const signature =
			input.signature === 'signed'
				? signSheetEdit(raw, SECRET)
				: input.signature === 'forged'
					? signSheetEdit(raw, 'another secret')
					: undefined;
		const answer = await post(raw, signature);
		const items = answer.result?.workflowData?.[0] ?? [];
		if (answer.status !== undefined) {
			assert([400, 401].includes(answer.status), `answered ${answer.status}`);
			assert(items.length === 0, 'a refused call started a run');
			assert(
				answer.logs.length === 1 && answer.logs[0].startsWith('Sheet edit trigger: refused'),
				`refused without its reason logged: ${JSON.stringify(answer.logs)}`,
			);
			if (input.signature !== 'signed') assert(answer.status === 401, 'an unsigned call not 401');
			return `${answer.status}`;
		}
		assert(input.signature === 'signed', 'an unsigned or forged call started a run');
		assert(items.length === 1, `${items.length} items`);
		const age = input.ageSeconds;
		assert(typeof stamp === 'string' && age !== null, 'a run for a call without a time stamp');
		assert(age <= 300 + MARGIN_S && age >= -60 - MARGIN_S, `a run for a call stamped ${age} s ago`);
		const edit = items[0].json as { sheetName: unknown; rows: Array<Record<string, unknown>> };
		assert(typeof edit.sheetName === 'string' && edit.sheetName, 'a run without a sheet name');
		for (const r of edit.rows) {
			assert(Number.isInteger(r.row) && (r.row as number) >= 1, `row ${JSON.stringify(r.row)}`);
			assert(typeof r.ticket === 'string' && typeof r.status === 'string', 'a row not of text');
		}
		return 'run';
	},
};
