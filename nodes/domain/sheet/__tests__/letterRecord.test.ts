import {
	letterRecordOf,
	recordChanges,
	recordsFromRows,
	verificationAnswerFromRecord,
} from '../letterRecord';
import { DEFAULT_SHEET_LAYOUT } from '../requestRow';

const c = DEFAULT_SHEET_LAYOUT.columns;
const CODE = 'CODE1234567890ABCDEFG';
const row = (status: string, code = CODE) => ({
	[c.ticket]: 'SKU-1',
	[c.verificationCode]: code,
	[c.letterNumber]: '474/012/401.301.3/2026',
	[c.status]: status,
	[c.name]: 'Siti <b>Aminah</b>',
	[c.service]: 'Surat Keterangan Usaha',
	[c.nik]: '3577014107900001',
	[c.completedAt]: '2026-05-05T03:00:00Z',
});

describe('verification records', () => {
	it('hold the holder with a masked NIK, never the full one', () => {
		const record = letterRecordOf(row('Disetujui'), {
			number: '474/012/401.301.3/2026',
			code: CODE,
			issuedAt: '2026-05-05T03:00:00Z',
		});
		expect(record).toEqual({
			code: CODE,
			number: '474/012/401.301.3/2026',
			name: 'Siti <b>Aminah</b>',
			nik: '3577********0001',
			service: 'Surat Keterangan Usaha',
			issuedAt: '2026-05-05T03:00:00Z',
			status: 'valid',
		});
		expect(JSON.stringify(record)).not.toContain('3577014107900001');
	});

	it('come only from rows holding an issued letter (delivered or revoked, numbered, coded)', () => {
		const records = recordsFromRows([
			row('Selesai'),
			row('Dicabut', 'OTHER'),
			row('Disetujui', 'NOTYET'),
			{ ...row('Selesai', 'NONUMBER'), [c.letterNumber]: '' },
		]);
		expect(records.map((r) => [r.code, r.status])).toEqual([
			[CODE, 'valid'],
			['OTHER', 'revoked'],
		]);
	});

	it('follow a revocation and its undoing, knowing only the revoked records', () => {
		const stored = letterRecordOf(row('Selesai'), {
			number: '474/012/401.301.3/2026',
			code: CODE,
			issuedAt: '2026-05-05T03:00:01Z',
		});
		// Revoked in the sheet, not yet in the store: written revoked, keeping the stored issue time.
		expect(recordChanges([row('Dicabut')], [], 'revocations')).toEqual([
			expect.objectContaining({ code: CODE, status: 'revoked' }),
		]);
		const revoked = { ...stored, status: 'revoked' as const };
		expect(recordChanges([row('Dicabut')], [revoked], 'revocations')).toEqual([]);
		// Staff put the row back to Selesai: the record is valid again.
		expect(recordChanges([row('Selesai')], [revoked], 'revocations')).toEqual([
			{ ...stored, status: 'valid' },
		]);
		// A valid letter the revoked list does not know is left alone (its record may exist).
		expect(recordChanges([row('Selesai')], [], 'revocations')).toEqual([]);
	});

	it('are created for letters issued before records existed, when all records are compared', () => {
		const stored = recordsFromRows([row('Selesai')])[0];
		expect(recordChanges([row('Selesai'), row('Selesai', 'LEGACY')], [stored], 'all')).toEqual([
			expect.objectContaining({ code: 'LEGACY', status: 'valid', nik: '3577********0001' }),
		]);
		// An empty item (a data table read that found nothing) counts as no record.
		expect(recordChanges([row('Selesai')], [{}], 'all')).toHaveLength(1);
	});
});

describe('the verification page from a record', () => {
	const record = recordsFromRows([row('Selesai')])[0];

	it('confirms the letter, everything escaped and the NIK masked', () => {
		const { statusCode, html } = verificationAnswerFromRecord(record, ` ${CODE} `, 'Kel. <X>');
		expect(statusCode).toBe(200);
		expect(html).toContain('Siti &lt;b&gt;Aminah&lt;/b&gt;');
		expect(html).toContain('Kel. &lt;X&gt;');
		expect(html).toContain('3577********0001');
		expect(html).toContain('474/012/401.301.3/2026');
	});

	it('says revoked (410) for a revoked record', () => {
		const { statusCode, html } = verificationAnswerFromRecord(
			{ ...record, status: 'revoked' },
			CODE,
			'Kel. X',
		);
		expect(statusCode).toBe(410);
		expect(html).toContain('Surat ini telah dicabut');
	});

	it('answers 404 for no record, an empty item, or a record of another code', () => {
		for (const [found, code] of [
			[undefined, CODE],
			[{}, CODE],
			[record, 'CODE1234567890ABCDEFZ'],
			[record, ''],
		] as const) {
			expect(verificationAnswerFromRecord(found, code, 'Kel. X').statusCode).toBe(404);
		}
	});

	it('never shows a full NIK, even from a record written by hand', () => {
		const { html } = verificationAnswerFromRecord(
			{ ...record, nik: '3577014107900001' },
			CODE,
			'Kel. X',
		);
		expect(html).not.toContain('3577014107900001');
	});
});
