// Batch signing: Triage gives each letter that will wait for the TTE its signer, so the notice
// goes to who signs; a signer cell naming nobody stops the row before it is numbered.
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_SHEET_LAYOUT } from '../../domain/sheet/requestRow';
import { runNode } from './runNode';

const c = DEFAULT_SHEET_LAYOUT.columns;
const approved = DEFAULT_SHEET_LAYOUT.statuses.approved;

const row = (ticket: string, signer = ''): IDataObject => ({
	row_number: Number(ticket.replace(/\D/g, '')) + 1,
	[c.ticket]: ticket,
	[c.status]: approved,
	[c.application]: JSON.stringify({
		ticket,
		serviceKey: 'domisili',
		letter: { classification: '400' },
	}),
	[c.signer]: signer,
});

const deputy = {
	name: 'Siti Aminah, S.E.',
	nip: '19800202 200501 2 002',
	title: 'Sekretaris Kelurahan',
};

const triage = (signing: string, rows: IDataObject[], extra: IDataObject = {}) =>
	runNode(
		{
			operation: 'triage',
			signing,
			numberFormat: '{nomor:3}/{tahun}',
			unitCode: '1',
			numberingScope: 'all',
			sentNotMarked: '[]',
			...extra,
		},
		rows.map((json) => ({ json })),
	);

describe('Triage in batch signing', () => {
	it("gives each waiting letter its signer: the row's pick, else the Lurah", async () => {
		const [out] = await triage(
			'batch',
			[row('REQ-1', 'Wakil'), row('REQ-2'), row('REQ-3', 'sekretaris kelurahan')],
			{ deputy },
		);
		expect(
			out.map((i) => [i.json.ticket, i.json.signer, i.json.signerWord, i.json.awaitsSignature]),
		).toEqual([
			['REQ-1', 'deputy', 'Wakil', true],
			['REQ-2', 'lurah', 'Lurah', true],
			['REQ-3', 'deputy', 'Wakil', true],
		]);
		expect(out[0].json.signers).toEqual({ lurah: 'Lurah', deputy: 'Wakil' });
	});

	it("gives an empty row to the deputy within the deputy's period (today at the office)", async () => {
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
		const [out] = await triage('batch', [row('REQ-4'), row('REQ-5', 'Lurah')], {
			deputy: { ...deputy, from: today, to: today },
		});
		expect(out.map((i) => i.json.signer)).toEqual(['deputy', 'lurah']);
	});

	it('sends a row whose signer names nobody, or the deputy none recorded, to the problem output, unnumbered', async () => {
		const out = await triage('batch', [row('REQ-6', 'Pak Camat'), row('REQ-7', 'Wakil')]);
		expect(out[0]).toEqual([]);
		expect(out[4].map((i) => [i.json.ticket, i.json.letterNumber])).toEqual([
			['REQ-6', undefined],
			['REQ-7', undefined],
		]);
		expect(out[4][0].json.problem).toContain('kolom Penandatangan berisi "Pak Camat"');
		expect(out[4][1].json.problem).toContain('Setup belum mencatat wakil penanda tangan');
	});

	it('leaves signing at once as it was: no signer given, Letter PDF decides', async () => {
		const [out] = await triage('immediate', [row('REQ-8', 'Pak Camat')]);
		expect(out.map((i) => [i.json.ticket, i.json.signer, i.json.awaitsSignature])).toEqual([
			['REQ-8', undefined, false],
		]);
	});
});
