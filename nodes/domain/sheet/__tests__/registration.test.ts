import { DEFAULT_SHEET_LAYOUT, statusKeyOf } from '../requestRow';
import { issueRound, isDraft, registerDate, registrationOf } from '../registration';
import { problemText } from '../problems';
import { triage, type NumberParts, type Row } from '../triage';

const c = DEFAULT_SHEET_LAYOUT.columns;
const names = { number: c.registerNumber, date: c.registerDate };

const heirsApp = (ticket: string) => ({
	ticket,
	serviceKey: 'ahli-waris',
	letter: { template: 'ahli-waris', classification: '400.12.3', twoStep: true },
});

function row(ticket: string, status: string, extra: Partial<Record<keyof typeof c, string>> = {}) {
	const base: Row = {
		[c.ticket]: ticket,
		[c.status]: status,
		[c.application]: JSON.stringify(heirsApp(ticket)),
	};
	for (const [key, value] of Object.entries(extra)) base[c[key as keyof typeof c]] = value;
	return base;
}

const options = {
	format: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
	unit: '401.301.3',
	scope: 'all' as const,
	now: new Date('2026-05-05T03:00:00Z'),
	formatNumber: (format: string, p: NumberParts) =>
		format
			.replace('{klasifikasi}', p.klasifikasi)
			.replace('{nomor:3}', String(p.nomor).padStart(3, '0'))
			.replace('{unit}', p.unit)
			.replace('{tahun}', String(p.tahun)),
	newCode: () => 'NEWCODE',
};

describe('the round of a letter issued in two steps', () => {
	it('issues one step for a service the catalog does not mark', () => {
		const app = { letter: { template: 'domisili' } };
		expect(issueRound(row('T1', 'Disetujui'), app)).toEqual({ kind: 'single' });
	});

	it('issues the draft while nothing is recorded and no draft went out', () => {
		expect(issueRound(row('T1', 'Disetujui'), heirsApp('T1'))).toEqual({ kind: 'draft' });
	});

	it('issues the registered letter once number and date are recorded, the date as staff typed it', () => {
		for (const typed of ['12/05/2026', '2026-05-12', '12 Mei 2026'])
			expect(
				issueRound(
					row('T1', 'Disetujui', {
						notifiedAt: '2026-05-06 10:00:00',
						registerNumber: ' 474.3/017/2026 ',
						registerDate: typed,
					}),
					heirsApp('T1'),
				),
			).toEqual({ kind: 'final', registration: { number: '474.3/017/2026', date: '2026-05-12' } });
	});

	it('refuses a second approval without the registration, naming the columns to fill', () => {
		const round = issueRound(
			row('T1', 'Disetujui', { notifiedAt: '2026-05-06 10:00:00' }),
			heirsApp('T1'),
		);
		expect(round).toEqual({ kind: 'refused', problem: problemText('registrationMissing', names) });
		expect(problemText('registrationMissing', names)).toContain('No. Register');
	});

	it('refuses a date that is no date, quoting what was typed', () => {
		const round = issueRound(
			row('T1', 'Disetujui', { registerNumber: '474.3/017/2026', registerDate: 'besok' }),
			heirsApp('T1'),
		);
		expect(round).toEqual({
			kind: 'refused',
			problem: problemText('registrationDate', { ...names, value: 'besok' }),
		});
		expect(round.kind === 'refused' && round.problem).toContain('"besok"');
	});

	it('refuses a date without its number', () => {
		const round = issueRound(
			row('T1', 'Disetujui', { registerDate: '12/05/2026' }),
			heirsApp('T1'),
		);
		expect(round.kind).toBe('refused');
	});

	it('reads the registration an application carries; without it the letter is a draft', () => {
		const app = heirsApp('T1');
		expect(isDraft(app)).toBe(true);
		const registered = {
			...app,
			letter: { ...app.letter, register: { number: 'R/1', date: '1/2/2026' } },
		};
		expect(registrationOf(registered)).toEqual({ number: 'R/1', date: '2026-02-01' });
		expect(isDraft(registered)).toBe(false);
		expect(registerDate('31/02/2026')).toBeUndefined();
	});
});

describe('triage of a letter issued in two steps', () => {
	it('sends the draft without number or code, and none of its rows take a number from the sequence', () => {
		const rows = [
			row('T1', 'Disetujui'),
			{
				...row('T2', 'Disetujui'),
				[c.application]: JSON.stringify({ ticket: 'T2', letter: { classification: '400.12.3' } }),
			},
		];
		const [draft, single] = triage(rows, options);
		expect(draft).toMatchObject({
			kind: 'approved',
			draft: true,
			letterNumber: '',
			verificationCode: '',
		});
		expect(draft.needsWrite).toBe(false);
		expect(single.letterNumber).toBe('400.12.3/001/401.301.3/2026');
		expect(single.draft).toBeUndefined();
	});

	it('waits while the row is in the new status, and numbers the registered letter with the register number', () => {
		const waiting = row('T1', 'Menunggu TTD Ahli Waris', { notifiedAt: '2026-05-06 10:00:00' });
		expect(statusKeyOf(waiting[c.status])).toBe('awaitingHeirs');
		expect(triage([waiting], options)).toEqual([]);

		const approvedAgain = row('T1', 'Disetujui', {
			notifiedAt: '2026-05-06 10:00:00',
			registerNumber: '474.3/017/2026',
			registerDate: '12/05/2026',
		});
		const [final] = triage([approvedAgain], options);
		expect(final).toMatchObject({
			letterNumber: '474.3/017/2026',
			verificationCode: 'NEWCODE',
			needsWrite: true,
		});
		expect(final.draft).toBeUndefined();
		expect((final.application?.letter as Record<string, unknown>).register).toEqual({
			number: '474.3/017/2026',
			date: '2026-05-12',
		});
	});

	it('takes up again a draft marked finished without a number, and leaves the registered letter finished', () => {
		const draftDone = row('T1', 'Disetujui', {
			completedAt: '2026-05-06 10:00:00',
			registerNumber: '474.3/017/2026',
			registerDate: '12/05/2026',
		});
		expect(triage([draftDone], options).map((d) => d.letterNumber)).toEqual(['474.3/017/2026']);
		const finished = { ...draftDone, [c.letterNumber]: '474.3/017/2026' };
		expect(triage([finished], options)).toEqual([]);
	});

	it("routes a refused round to the problem cell with the staff's sentence", () => {
		const [refused] = triage(
			[row('T1', 'Disetujui', { notifiedAt: '2026-05-06 10:00:00' })],
			options,
		);
		expect(refused.problem).toBeTruthy();
		expect(refused.sheetProblem).toBe(problemText('registrationMissing', names));
	});

	it('refuses a register number another letter of the sheet already carries', () => {
		const other = row('T0', 'Selesai', { letterNumber: '474.3/017/2026', completedAt: 'x' });
		const [refused] = triage(
			[
				other,
				row('T1', 'Disetujui', { registerNumber: '474.3/017/2026', registerDate: '12/05/2026' }),
			],
			options,
		);
		expect(refused.letterNumber).toBeUndefined();
		expect(refused.sheetProblem).toBe(
			problemText('registrationTaken', { number: c.registerNumber, value: '474.3/017/2026' }),
		);
	});

	it('marks a draft that reached the resident but not the sheet as a draft', () => {
		const [sent] = triage([row('T1', 'Disetujui')], { ...options, sentNotMarked: new Set(['T1']) });
		expect(sent).toMatchObject({ sentNotMarked: true, draft: true });
	});
});
