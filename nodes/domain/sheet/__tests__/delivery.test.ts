import { letterDelivery, letterFileName } from '../delivery';
import { encodeApplicationCell } from '../applicationCell';
import { DEFAULT_SHEET_LAYOUT } from '../requestRow';

const c = DEFAULT_SHEET_LAYOUT.columns;
const application = {
	serviceKey: 'domisili',
	serviceTitle: 'Surat Keterangan Domisili',
	name: 'Rina',
};
const row = (extra: Record<string, unknown> = {}) => ({
	[c.ticket]: 'DOM-7K2P',
	[c.name]: 'Rina Wulandari',
	[c.service]: 'Surat Keterangan Domisili',
	[c.waId]: 6281366660001,
	[c.letterNumber]: '470/012/401.301.3/2026',
	[c.verificationCode]: 'CODE1234',
	[c.application]: JSON.stringify(application),
	...extra,
});

describe('a letter to deliver, read from its request row', () => {
	it('prints the signer staff picked in the row, whichever path signs it', () => {
		const picked = letterDelivery(row({ [c.signer]: 'Wakil' }), { signedInBatch: true });
		expect(picked.application).toEqual({ ...application, signer: 'Wakil' });
		const lurah = letterDelivery(row(), { signedInBatch: false });
		expect(lurah.application).toEqual(application);
	});

	it('reads a large application the sheet keeps compressed', () => {
		const large = { ...application, note: 'x'.repeat(60000) };
		const cell = encodeApplicationCell(JSON.stringify(large))!;
		expect(cell.startsWith('{')).toBe(false);
		expect(
			letterDelivery(row({ [c.application]: cell }), { signedInBatch: true }).application,
		).toEqual(large);
	});

	it('names the archived PDF by ticket, service and number, without a slash', () => {
		const letter = letterDelivery(row(), { signedInBatch: false });
		expect(letter.fileName).toBe('DOM-7K2P Surat Keterangan Domisili 470-012-401.301.3-2026.pdf');
		expect(letterFileName('A-1', 'Surat "Usaha"', '1/2')).toBe('A-1 Surat -Usaha- 1-2.pdf');
		expect(letter).toMatchObject({
			ticket: 'DOM-7K2P',
			waId: '6281366660001',
			name: 'Rina Wulandari',
			letterNumber: '470/012/401.301.3/2026',
			verificationCode: 'CODE1234',
			doneStatus: DEFAULT_SHEET_LAYOUT.statuses.done,
		});
	});

	it("tells staff in the batch's own words that the letter still waits for TTE", () => {
		const batch = letterDelivery(row(), { signedInBatch: true }).problem;
		const round = letterDelivery(row(), { signedInBatch: false }).problem;
		expect(batch.replace('{reason}', 'passphrase salah')).toBe(
			'TTE belum selesai: passphrase salah Surat tetap menunggu TTE.',
		);
		expect(round).toContain('Surat belum terkirim: {reason}');
	});

	it("issues the heirs' statement as a draft first, then with the registration staff recorded", () => {
		const heirs = {
			...application,
			serviceKey: 'ahli-waris',
			letter: { template: 'ahli-waris', title: 'Surat Pernyataan Ahli Waris', twoStep: true },
		};
		const draft = letterDelivery(
			row({ [c.letterNumber]: '', [c.application]: JSON.stringify(heirs) }),
			{ signedInBatch: false },
		);
		expect(draft).toMatchObject({
			draft: true,
			doneStatus: DEFAULT_SHEET_LAYOUT.statuses.awaitingHeirs,
			fileName: 'DOM-7K2P Surat Keterangan Domisili DRAF.pdf',
		});
		expect((draft.application.letter as Record<string, unknown>).register).toBeUndefined();
		const registered = letterDelivery(
			row({
				[c.letterNumber]: '474.3/017/401.301.3/2026',
				[c.application]: JSON.stringify(heirs),
				[c.notifiedAt]: '2026-12-01 10:00:00',
				[c.registerNumber]: '474.3/017/401.301.3/2026',
				[c.registerDate]: '12/05/2026',
			}),
			{ signedInBatch: true },
		);
		expect(registered).toMatchObject({
			draft: false,
			doneStatus: DEFAULT_SHEET_LAYOUT.statuses.done,
		});
		expect((registered.application.letter as Record<string, unknown>).register).toEqual({
			number: '474.3/017/401.301.3/2026',
			date: '2026-05-12',
		});
		// A letter issued in one step is never a draft.
		expect(letterDelivery(row(), { signedInBatch: false }).draft).toBe(false);
	});
});
