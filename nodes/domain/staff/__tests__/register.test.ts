import { registerChanges, registerColumns } from '../register';

const r = registerColumns();
const options = {
	signer: 'Hadi Santoso, S.Sos.',
	classificationOf: (title: string) =>
		title === 'Surat Keterangan Domisili' ? '400.12.2.2' : undefined,
};
const letter = (
	number: string,
	issuedAt: string,
	status = 'valid',
	service = 'Surat Keterangan Domisili',
) => ({
	code: `C-${number}`,
	number,
	name: 'Sari Wulandari',
	nik: '3577********0001',
	service,
	issuedAt,
	status,
});

describe('the Buku Agenda (register of letters out)', () => {
	it('adds each letter once, in order of issue, numbered within its year, dated in WIB', () => {
		const { append, revoke } = registerChanges(
			[
				letter('400.12.2.2/008/401.301.3/2026', '2026-12-07T10:05:00.000Z'),
				letter('400.12.2.2/007/401.301.3/2026', '2026-12-07T09:00:00.000+07:00'),
				letter('400.12.2.2/007/401.301.3/2026', '2026-12-07T09:00:00.000+07:00'),
			],
			[
				{
					[r.sequence]: '4',
					[r.date]: '2026-11-30 10:00:00',
					[r.number]: '400.12.2.2/006/401.301.3/2026',
				},
			],
			options,
		);
		expect(revoke).toEqual([]);
		expect(append).toEqual([
			{
				[r.sequence]: '5',
				[r.date]: '2026-12-07 09:00:00',
				[r.number]: '400.12.2.2/007/401.301.3/2026',
				[r.classification]: '400.12.2.2',
				[r.subject]: 'Surat Keterangan Domisili',
				[r.to]: 'Sari Wulandari',
				[r.signer]: 'Hadi Santoso, S.Sos.',
				[r.notes]: '',
			},
			expect.objectContaining({ [r.sequence]: '6', [r.date]: '2026-12-07 17:05:00' }),
		]);
	});

	it('starts the sequence again in a new year and reads the classification from the number otherwise', () => {
		const { append } = registerChanges(
			[letter('470/001/401.301.3/2027', '2027-01-04T02:00:00Z', 'valid', 'Surat Lain')],
			[
				{
					[r.sequence]: '120',
					[r.date]: '2026-12-30 10:00:00',
					[r.number]: '470/120/401.301.3/2026',
				},
			],
			options,
		);
		expect(append[0]).toMatchObject({ [r.sequence]: '1', [r.classification]: '470' });
	});

	it('marks a revoked letter in its row once, and enters a letter revoked before it was entered as revoked', () => {
		const registered = [
			{
				[r.sequence]: '1',
				[r.date]: '2026-12-01 08:00:00',
				[r.number]: 'A/1',
				[r.notes]: 'diambil sendiri',
			},
			{
				[r.sequence]: '2',
				[r.date]: '2026-12-01 09:00:00',
				[r.number]: 'A/2',
				[r.notes]: 'Dicabut',
			},
		];
		const { append, revoke } = registerChanges(
			[
				letter('A/1', '2026-12-01T01:00:00Z', 'revoked'),
				letter('A/2', '2026-12-01T02:00:00Z', 'revoked'),
				letter('A/3', '2026-12-02T02:00:00Z', 'revoked'),
			],
			registered,
			options,
		);
		expect(revoke).toEqual([{ [r.number]: 'A/1', [r.notes]: 'diambil sendiri; Dicabut' }]);
		expect(append).toEqual([expect.objectContaining({ [r.number]: 'A/3', [r.notes]: 'Dicabut' })]);
	});
});

describe('the Buku Agenda names who signed', () => {
	const deputy = { name: 'Budi Hartono, S.E.', nip: '19810303 200601 1 003' };
	const numbers = ['470/001/401.301.3/2026', '470/002/401.301.3/2026', '470/003/401.301.3/2026'];
	const letters = numbers.map((number, i) => letter(number, `2026-12-0${i + 5}T03:00:00Z`));
	const rows = (cells: string[]) =>
		numbers.map((number, i) => ({ 'Nomor Surat': number, Penandatangan: cells[i] }));
	const signers = (changes: ReturnType<typeof registerChanges>) =>
		changes.append.map((row) => row[r.signer]);

	it("the deputy where the request's row picks the deputy, the Lurah where it picks the Lurah or nobody", () => {
		const changes = registerChanges(letters, [], {
			...options,
			deputy,
			requestRows: rows(['Wakil', 'Lurah', '']),
		});
		expect(signers(changes)).toEqual([
			'Budi Hartono, S.E.',
			'Hadi Santoso, S.Sos.',
			'Hadi Santoso, S.Sos.',
		]);
	});

	it("the deputy for letters of the deputy's period whose row picks nobody; the row wins", () => {
		const changes = registerChanges(letters, [], {
			...options,
			deputy: { ...deputy, from: '2026-12-06', to: '2026-12-07' },
			requestRows: rows(['', '', 'Lurah']),
		});
		expect(signers(changes)).toEqual([
			'Hadi Santoso, S.Sos.',
			'Budi Hartono, S.E.',
			'Hadi Santoso, S.Sos.',
		]);
	});

	it('the cell as staff wrote it when it names nobody known', () => {
		const changes = registerChanges(letters, [], {
			...options,
			requestRows: rows(['Pak Camat', 'Wakil', '']),
		});
		expect(signers(changes)).toEqual(['Pak Camat', 'Wakil', 'Hadi Santoso, S.Sos.']);
	});
});
