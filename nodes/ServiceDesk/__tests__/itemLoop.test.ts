/**
 * Every Service Desk operation runs item by item, as n8n's own nodes do: one bad item fails alone
 * under continue-on-fail (the others are answered, each paired with its item), and otherwise
 * stops the run with an error naming the item.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { router } from '../actions/router';

const row = (ticket: string) => ({
	Tiket: ticket,
	WhatsApp: '6281234567890',
	Layanan: 'Surat Keterangan Usaha',
	Nama: 'Budi',
	Catatan: '',
	'Nomor Surat': '',
});

function run(rows: unknown[], continueOnFail: boolean): Promise<INodeExecutionData[][]> {
	const parameters = (i: number): Record<string, unknown> => ({
		resource: 'conversation',
		operation: 'notify',
		notice: 'rejected',
		row: rows[i],
	});
	const context = {
		getInputData: () => rows.map(() => ({ json: {} })),
		getNodeParameter: (name: string, i: number, fallback?: unknown) =>
			name in parameters(i) ? parameters(i)[name] : fallback,
		getNode: () => ({ name: 'Service Desk', type: 'serviceDesk' }),
		continueOnFail: () => continueOnFail,
		logger: { warn: () => undefined },
	} as unknown as IExecuteFunctions;
	return router.call(context);
}

describe('Service Desk item loop', () => {
	const rows = [row('SKU-1'), '{ "Tiket": ', JSON.stringify(row('SKU-3'))];

	it('answers the good items and puts an error item in place of the bad one', async () => {
		const [out] = await run(rows, true);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.ticket).toBe('SKU-1');
		expect(out[1].json.error).toMatch(/"row" parameter of item 1 is not valid JSON/);
		expect(out[2].json.ticket).toBe('SKU-3');
	});

	it('gives the failed item the shape n8n sends to the error output', async () => {
		// n8n routes an item to "Continue (using error output)" only when its json holds nothing but
		// error, message and details; any other key keeps a failed item on the success path.
		const [out] = await run(rows, true);
		expect(Object.keys(out[1].json).every((k) => ['error', 'message', 'details'].includes(k))).toBe(
			true,
		);
		expect(out[1].error).toBeUndefined();
	});

	it('stops with an error naming the item when continue-on-fail is off', async () => {
		const error = await run(rows, false).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});
});
