/**
 * A letter issued in two steps through the Service Desk's operations: Triage sends the draft with
 * the status the row then waits in, refuses a second approval without the registration in the
 * staff's words, numbers the registered letter with the register number; Letter Record records
 * no draft.
 */
import { DEFAULT_SHEET_LAYOUT } from '../../domain/sheet/requestRow';
import { problemText } from '../../domain/sheet/problems';
import { runNode } from './runNode';

const c = DEFAULT_SHEET_LAYOUT.columns;
const s = DEFAULT_SHEET_LAYOUT.statuses;
const application = {
	ticket: 'T1',
	serviceKey: 'ahli-waris',
	letter: { template: 'ahli-waris', classification: '400.12.3', twoStep: true },
};
const row = (cells: Record<string, string>) => ({
	[c.ticket]: 'T1',
	[c.status]: s.approved,
	[c.application]: JSON.stringify(application),
	...cells,
});
const triage = (cells: Record<string, string>) =>
	runNode({ operation: 'triage', numberFormat: '{klasifikasi}/{nomor:3}/{unit}/{tahun}' }, [
		{ json: row(cells) },
	]);

describe('Triage of a letter issued in two steps', () => {
	it('sends the draft first: no number, not batch-signed, then the row waits for the heirs', async () => {
		const [approved] = await runNode(
			{
				operation: 'triage',
				signing: 'batch',
				numberFormat: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
			},
			[{ json: row({}) }],
		);
		expect(approved).toHaveLength(1);
		expect(approved[0].json).toMatchObject({
			draft: true,
			letterNumber: '',
			verificationCode: '',
			awaitsSignature: false,
			doneStatus: s.awaitingHeirs,
		});
	});

	it("refuses a second approval without the registration, with the sentence for the row's problem cell", async () => {
		const outputs = await triage({ [c.notifiedAt]: '2026-05-06 10:00:00' });
		expect(outputs[0]).toHaveLength(0);
		expect(outputs[4]).toHaveLength(1);
		expect(outputs[4][0].json.problem).toBe(
			problemText('registrationMissing', { number: c.registerNumber, date: c.registerDate }),
		);
	});

	it('numbers the registered letter with the register number and finishes the row as done', async () => {
		const [approved] = await triage({
			[c.notifiedAt]: '2026-05-06 10:00:00',
			[c.registerNumber]: '474.3/017/2026',
			[c.registerDate]: '12 Mei 2026',
		});
		expect(approved[0].json).toMatchObject({
			draft: false,
			letterNumber: '474.3/017/2026',
			needsWrite: true,
			doneStatus: s.done,
		});
		expect((approved[0].json.application as { letter: unknown }).letter).toMatchObject({
			register: { number: '474.3/017/2026', date: '2026-05-12' },
		});
	});
});

describe('Letter Record', () => {
	it('records a numbered letter, and nothing for a draft without number or code', async () => {
		const record = (letterNumber: string, verificationCode: string) =>
			runNode({ operation: 'letterRecord', row: row({}), letterNumber, verificationCode });
		expect((await record('474.3/017/2026', 'CODE'))[0][0].json).toMatchObject({
			number: '474.3/017/2026',
			code: 'CODE',
		});
		expect((await record('', ''))[0]).toEqual([]);
	});
});
