/**
 * The Sheet Edit Trigger answers a signed call from the sheet's script only while it is fresh: a
 * recorded call replayed later (or one stamped ahead of the clock) is refused with the reason logged.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signSheetEdit } from '../../domain/sheet/sheetEdit';
import { SheetEditTrigger } from '../SheetEditTrigger.node';

const SECRET = 'a-shared-secret-of-enough-length';
const trigger = new SheetEditTrigger();

interface Answer {
	result: IWebhookResponseData;
	status?: number;
	body?: string;
	logs: string[];
}

async function post(body: string, signature = signSheetEdit(body, SECRET)): Promise<Answer> {
	const answer: Partial<Answer> & { logs: string[] } = { logs: [] };
	const res = {
		status: (code: number) => ((answer.status = code), res),
		type: () => res,
		send: (text: string) => ((answer.body = text), res),
		end: () => res,
	};
	const ctx = {
		getCredentials: async () => ({ secret: SECRET }),
		getRequestObject: () => ({ rawBody: Buffer.from(body) }),
		getHeaderData: () => ({ 'x-pecelan-signature': signature }),
		getResponseObject: () => res,
		logger: { warn: (message: string) => answer.logs.push(message) },
	} as unknown as IWebhookFunctions;
	answer.result = await trigger.webhook.call(ctx);
	return answer as Answer;
}

const edit = (editedAt?: string) =>
	JSON.stringify({
		spreadsheetId: 'sheet-1',
		sheetName: 'Permohonan',
		column: 'Status',
		rows: [{ row: 2, ticket: 'SKU-1', status: 'Disetujui' }],
		...(editedAt === undefined ? {} : { editedAt }),
	});
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('a signed call from the sheet', () => {
	it('starts the run while it is fresh', async () => {
		const answer = await post(edit(ago(5_000)));
		expect(answer.status).toBeUndefined();
		expect(answer.result.workflowData?.[0][0].json).toMatchObject({
			rows: [{ row: 2, ticket: 'SKU-1', status: 'Disetujui' }],
		});
	});

	it('is refused when replayed more than 5 minutes after it was signed', async () => {
		const answer = await post(edit(ago(5 * 60_000 + 10_000)));
		expect(answer.result.workflowData).toBeUndefined();
		expect(answer.status).toBe(401);
		expect(answer.logs).toEqual([
			expect.stringMatching(
				/^Sheet edit trigger: refused a signed call: the call was signed at .*, more than 5 minutes ago/,
			),
		]);
	});

	it('is refused when stamped more than a minute ahead of the clock', async () => {
		const answer = await post(edit(ago(-2 * 60_000)));
		expect(answer.status).toBe(401);
		expect(answer.logs[0]).toMatch(/ahead of this server's clock by more than 60 s/);
	});

	it.each([
		['without a signed time', undefined, /carries no signed time/],
		['with a signed time that is not a time', 'yesterday', /"yesterday" is not an ISO time/],
	])('is refused %s', async (_, editedAt, reason) => {
		const answer = await post(edit(editedAt));
		expect(answer.status).toBe(401);
		expect(answer.logs[0]).toMatch(reason);
	});

	it('is still refused as forged before its time is read', async () => {
		const answer = await post(edit(ago(0)), signSheetEdit(edit(ago(0)), 'another secret'));
		expect(answer.status).toBe(401);
		expect(answer.logs[0]).toMatch(/refused a call: a wrong x-pecelan-signature/);
	});
});
