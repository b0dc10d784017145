import { DEFAULT_SHEET_LAYOUT, toRequestRow, statusKeyOf } from '../requestRow';
import { sequencePattern, triage } from '../triage';
import { problemText } from '../problems';
import type { NumberParts, Row } from '../triage';

const c = DEFAULT_SHEET_LAYOUT.columns;

function formatNumber(format: string, p: NumberParts): string {
	return format
		.replace('{klasifikasi}', p.klasifikasi)
		.replace('{nomor:3}', String(p.nomor).padStart(3, '0'))
		.replace('{unit}', p.unit)
		.replace('{tahun}', String(p.tahun));
}

function row(
	ticket: string,
	status: string,
	extra: Partial<Record<keyof typeof c, string>> = {},
	klas = '400.12.3.2',
): Row {
	const app = { ticket, serviceKey: 'sku-kur', letter: { classification: klas } };
	const base: Row = {
		row_number: Number(ticket.replace(/\D/g, '')) + 1,
		[c.ticket]: ticket,
		[c.status]: status,
		[c.application]: JSON.stringify(app),
	};
	for (const [key, value] of Object.entries(extra)) base[c[key as keyof typeof c]] = value;
	return base;
}

let codes = 0;
const options = (scope: 'all' | 'perClassification' = 'all') => ({
	format: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
	unit: '401.301.3',
	scope,
	now: new Date('2026-05-05T03:00:00Z'),
	formatNumber,
	newCode: () => `CODE${++codes}`,
});

describe('triage of the requests sheet', () => {
	it('numbers newly approved letters one past the highest number of the year, in sheet order', () => {
		const rows = [
			row('T1', 'Selesai', { letterNumber: '400.12.3.2/007/401.301.3/2026', completedAt: 'x' }),
			row('T2', 'Disetujui'),
			row('T3', 'Menunggu'),
			row('T4', ' disetujui '),
			row('T5', 'Selesai', { letterNumber: '400.12.3.2/099/401.301.3/2025', completedAt: 'x' }),
		];
		const decisions = triage(rows, options());
		expect(decisions.map((d) => [d.row[c.ticket], d.letterNumber, d.needsWrite])).toEqual([
			['T2', '400.12.3.2/008/401.301.3/2026', true],
			['T4', '400.12.3.2/009/401.301.3/2026', true],
		]);
	});

	it('keeps the number already written to a row, so a crashed run is finished with the same number', () => {
		const rows = [
			row('T1', 'Disetujui', {
				letterNumber: '400.12.3.2/003/401.301.3/2026',
				verificationCode: 'ABC',
			}),
		];
		const [decision] = triage(rows, options());
		expect(decision.letterNumber).toBe('400.12.3.2/003/401.301.3/2026');
		expect(decision.verificationCode).toBe('ABC');
		expect(decision.needsWrite).toBe(false);
	});

	it('skips approved rows already completed and decisions already notified', () => {
		const rows = [
			row('T1', 'Disetujui', { completedAt: '2026-05-05 10:00' }),
			row('T2', 'Ditolak', { notifiedAt: '2026-05-05 10:00' }),
			row('T3', 'Ditolak', { note: 'KTP buram' }),
			row('T4', 'Perbaiki'),
		];
		expect(triage(rows, options()).map((d) => [d.kind, d.row[c.ticket]])).toEqual([
			['rejected', 'T3'],
			['fix', 'T4'],
		]);
	});

	it('leaves a row whose last attempt failed until staff clear its problem, still counting its number', () => {
		const rows = [
			row('T1', 'Disetujui', {
				letterNumber: '400.12.3.2/004/401.301.3/2026',
				problem: 'Surat belum terkirim: …',
			}),
			row('T2', 'Ditolak', { problem: 'Penolakan belum terkirim: …' }),
			row('T3', 'Disetujui'),
		];
		expect(triage(rows, options()).map((d) => [d.row[c.ticket], d.letterNumber])).toEqual([
			['T3', '400.12.3.2/005/401.301.3/2026'],
		]);
		rows[0][c.problem] = '';
		expect(triage(rows, options()).map((d) => d.letterNumber)).toEqual([
			'400.12.3.2/004/401.301.3/2026',
			'400.12.3.2/005/401.301.3/2026',
		]);
	});

	it('only marks a row whose message already went out, even with a problem written, and never renumbers it', () => {
		const rows = [
			row('T1', 'Disetujui', {
				letterNumber: '400.12.3.2/004/401.301.3/2026',
				verificationCode: 'ABC',
				problem: 'Sudah terkirim kepada warga, tetapi baris ini belum bisa ditandai: …',
			}),
			row('T2', 'Ditolak', { note: 'KTP buram' }),
			row('T3', 'Disetujui', { letterNumber: '400.12.3.2/005/401.301.3/2026', completedAt: 'x' }),
			row('T4', 'Disetujui'),
		];
		const sent = new Set(['T1', 'T2', 'T3']);
		const decisions = triage(rows, { ...options(), sentNotMarked: sent });
		expect(
			decisions.map((d) => [d.row[c.ticket], d.kind, d.sentNotMarked ?? false, d.letterNumber]),
		).toEqual([
			['T1', 'approved', true, '400.12.3.2/004/401.301.3/2026'],
			['T2', 'rejected', true, undefined],
			['T4', 'approved', false, '400.12.3.2/006/401.301.3/2026'],
		]);
		expect(decisions[0].needsWrite).toBe(false);
	});

	it('keeps one sequence per classification when asked', () => {
		const rows = [
			row('T1', 'Selesai', { letterNumber: '400.12.3.2/005/401.301.3/2026', completedAt: 'x' }),
			row('T2', 'Disetujui', {}, '400.12.2.1'),
			row('T3', 'Disetujui'),
		];
		expect(triage(rows, options('perClassification')).map((d) => d.letterNumber)).toEqual([
			'400.12.2.1/001/401.301.3/2026',
			'400.12.3.2/006/401.301.3/2026',
		]);
	});

	it('reports an approved row whose application cell is unreadable instead of numbering it', () => {
		const broken = row('T1', 'Disetujui');
		broken[c.application] = '=HYPERLINK("x")';
		const [decision] = triage([broken], options());
		expect(decision.problem).toMatch(/not the submitted application/);
		expect(decision.letterNumber).toBeUndefined();
	});

	it('leaves a row the caller refuses unnumbered, with the reason, and gives its number to the next', () => {
		const rows = [row('T1', 'Disetujui', { signer: 'Pak Camat' }), row('T2', 'Disetujui')];
		const refuse = (app: Record<string, unknown>) =>
			app.signer === 'Pak Camat' ? 'kolom Penandatangan berisi "Pak Camat"' : undefined;
		const [refused, numbered] = triage(rows, { ...options(), refuse });
		expect(refused).toMatchObject({ sheetProblem: 'kolom Penandatangan berisi "Pak Camat"' });
		expect(refused.letterNumber).toBeUndefined();
		expect(numbered.letterNumber).toBe('400.12.3.2/001/401.301.3/2026');
	});

	it('reads the sequence back only from numbers of the same year, unit and classification', () => {
		const pattern = sequencePattern('{klasifikasi}/{nomor:3}/{unit}/{tahun}', {
			klasifikasi: '400.12.3.2',
			unit: '401.301.3',
			tahun: 2026,
		});
		expect(pattern.exec('400.12.3.2/012/401.301.3/2026')?.[1]).toBe('12');
		expect(pattern.exec('400.12.3.2/012/401.301.3/2025')).toBeNull();
		expect(pattern.exec('400x12.3.2/012/401.301.3/2026')).toBeNull();
	});
});

describe('request rows', () => {
	it('writes the resident data readably, the full NIK for staff, and status Menunggu', () => {
		const r = toRequestRow({
			ticket: 'SKU-7QX3KD',
			submittedAt: '2026-05-05T03:00:00Z',
			waId: '6281234567890',
			name: 'Siti',
			serviceKey: 'sku-kur',
			serviceTitle: 'Surat Keterangan Usaha',
			data: {
				nama: 'Siti',
				nik: '3577014107900001',
				usaha_nama: '=1+1',
				tanggal_lahir: '1990-07-01',
			},
			fields: [
				{ key: 'nama', label: 'Nama', question: '?', type: 'text', required: true },
				{
					key: 'tanggal_lahir',
					label: 'Tanggal lahir',
					question: '?',
					type: 'date',
					required: true,
				},
				{ key: 'nik', label: 'NIK', question: '?', type: 'nik', required: true },
				{ key: 'usaha_nama', label: 'Nama usaha', question: '?', type: 'text', required: true },
				{ key: 'usaha_sejak', label: 'Sejak', question: '?', type: 'year', required: true },
			],
			documents: [{ key: 'ktp', label: 'KTP', url: 'https://drive/x' }],
			status: 'pending',
			applicationJson: '{}',
		});
		expect(r[c.status]).toBe('Menunggu');
		expect(r[c.receivedAt]).toBe('2026-05-05 10:00:00');
		expect(r[c.nik]).toBe('3577014107900001');
		expect(r[c.details]).toBe('Nama: Siti\nTanggal lahir: 1 Juli 1990\nNama usaha: =1+1');
		expect(r[c.documents]).toBe('KTP: https://drive/x');
		expect(statusKeyOf('PERBAIKI')).toBe('fix');
		expect(statusKeyOf('entah')).toBeUndefined();
	});
});

describe('problem sentences for the sheet', () => {
	it('come from templates/sheet.json in Indonesian with the reason filled in', () => {
		expect(problemText('letterNotSent', { reason: 'kuota habis' })).toMatch(
			/^Surat belum terkirim: kuota habis — .*kosongkan kolom Masalah/,
		);
		expect(problemText('unreadableApplication', { column: c.application })).toContain(
			c.application,
		);
		expect(problemText('sentNotMarked', {})).toContain('{reason}');
	});
});

describe('the signer staff pick in a row', () => {
	it('travels in the approved application as the cell reads, for Letter PDF to follow; an empty cell adds nothing', () => {
		const decisions = triage(
			[
				row('T1', 'Disetujui', { signer: ' Wakil ' }),
				row('T2', 'Disetujui', { signer: '' }),
				row('T3', 'Disetujui'),
			],
			options(),
		);
		expect(decisions.map((d) => d.application?.signer)).toEqual(['Wakil', undefined, undefined]);
		expect(decisions[0].application).toMatchObject({ ticket: 'T1', serviceKey: 'sku-kur' });
	});
});
