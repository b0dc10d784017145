import { verificationAnswer } from '../verification';
import { DEFAULT_SHEET_LAYOUT } from '../requestRow';

const c = DEFAULT_SHEET_LAYOUT.columns;
const row = (status: string) => ({
	[c.verificationCode]: 'CODE1234567890ABCDEFG',
	[c.letterNumber]: '474/012/401.301.3/2026',
	[c.status]: status,
	[c.name]: 'Siti <b>Aminah</b>',
	[c.service]: 'Surat Keterangan Usaha',
	[c.nik]: '3577014107900001',
	[c.completedAt]: '2026-05-05T03:00:00Z',
});

describe('verification page', () => {
	it('confirms a numbered letter, name escaped and NIK masked', () => {
		const { statusCode, html } = verificationAnswer(
			[row('Selesai')],
			'CODE1234567890ABCDEFG',
			'Kel. X',
		);
		expect(statusCode).toBe(200);
		expect(html).toContain('Surat ini tercatat resmi');
		expect(html).toContain('Siti &lt;b&gt;Aminah&lt;/b&gt;');
		expect(html).toContain('3577********0001');
		expect(html).not.toContain('3577014107900001');
	});

	it('says a letter staff set to Dicabut was revoked (410), still naming its number', () => {
		const { statusCode, html } = verificationAnswer(
			[row(' dicabut ')],
			'CODE1234567890ABCDEFG',
			'Kel. X',
		);
		expect(statusCode).toBe(410);
		expect(html).toContain('Surat ini telah dicabut');
		expect(html).toContain('474/012/401.301.3/2026');
		expect(html).not.toContain('tercatat resmi');
	});

	it('answers the same 404 for a code that matches nothing or a row without a number', () => {
		const unnumbered = { ...row('Menunggu'), [c.letterNumber]: '' };
		for (const [rows, code] of [
			[[row('Selesai')], 'CODE1234567890ABCDEFZ'],
			[[unnumbered], 'CODE1234567890ABCDEFG'],
			[[row('Selesai')], '   '],
		] as const) {
			const { statusCode, html } = verificationAnswer([...rows], code, 'Kel. X');
			expect(statusCode).toBe(404);
			expect(html).toContain('Surat tidak ditemukan');
		}
	});
});
