// Applications larger than a Google Sheets cell (50,000 characters) are kept whole in the row
// (deflated) and read back for the letter, or refused at submission: never cut and lost.
import { randomBytes } from 'crypto';
import { loadCatalog } from '../../catalog';
import { renderLetter } from '../../letter';
import {
	CELL_LIMIT,
	decodeApplicationCell,
	DEFLATED_PREFIX,
	encodeApplicationCell,
} from '../applicationCell';
import { DEFAULT_SHEET_LAYOUT, toRequestRow } from '../requestRow';
import { triage, type NumberParts } from '../triage';
import messages from '../../../../templates/messages.json';
import { Chat } from '../../../../test/support/chat';
import { readPdf, squash } from '../../../../test/support/pdfText';
import { sampleApplication, sampleRequest } from '../../../../test/support/letterSamples';
import { largeInheritance } from '../../../../test/support/largeApplication';

const c = DEFAULT_SHEET_LAYOUT.columns;

const formatNumber = (format: string, p: NumberParts) =>
	format
		.replace('{klasifikasi}', p.klasifikasi)
		.replace('{nomor:3}', String(p.nomor).padStart(3, '0'))
		.replace('{unit}', p.unit)
		.replace('{tahun}', String(p.tahun));

describe('a 30-heir application larger than a sheet cell', () => {
	const application = largeInheritance();
	const json = JSON.stringify(application);

	it('is kept whole in the request row, deflated under the cell limit', () => {
		expect(json.length).toBeGreaterThan(CELL_LIMIT); // 52,774 here; the review measured 65,773
		const row = toRequestRow({
			ticket: 'AW-1',
			submittedAt: '2026-05-05T03:00:00Z',
			waId: '6281234567890',
			name: 'Budi',
			serviceKey: 'ahli-waris',
			serviceTitle: 'Surat Pernyataan Ahli Waris',
			data: application.data as Record<string, unknown>,
			fields: [],
			documents: [],
			status: 'pending',
			applicationJson: json,
		});
		const cell = row[c.application];
		expect(cell.startsWith(DEFLATED_PREFIX)).toBe(true);
		expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
		expect(decodeApplicationCell(cell)).toEqual(application);
	});

	it('is read back by Triage when approved and prints a letter with every heir', async () => {
		const [decision] = triage(
			[
				{
					row_number: 2,
					[c.ticket]: 'AW-1',
					[c.status]: 'Disetujui',
					[c.application]: encodeApplicationCell(json)!,
				},
			],
			{
				format: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
				unit: '401.301.3',
				scope: 'all',
				now: new Date('2026-05-05T03:00:00Z'),
				formatNumber,
				newCode: () => 'CODE1',
			},
		);
		expect(decision).toMatchObject({
			kind: 'approved',
			letterNumber: '400.12.2/001/401.301.3/2026',
		});
		expect(decision).not.toHaveProperty('problem');
		const letter = await renderLetter(
			sampleRequest('ahli-waris', {
				application: (decision as { application: Record<string, unknown> }).application,
			}),
		);
		const text = squash((await readPdf(letter.pdf)).map((p) => p.text).join(' '));
		for (const heir of (application.data as { ahli_waris: Array<{ nik: string }> }).ahli_waris)
			expect(text).toContain(heir.nik);
	});

	it('a small application stays plain JSON, readable in the sheet', () => {
		const small = JSON.stringify(sampleApplication('domisili'));
		expect(encodeApplicationCell(small)).toBe(small);
	});

	it('a forged or cut cell reads as no application (Triage then reports it in Masalah)', () => {
		for (const cell of [`${DEFLATED_PREFIX}bm90IGRlZmxhdGU=`, json.slice(0, CELL_LIMIT), '', '[]'])
			expect(decodeApplicationCell(cell)).toBeUndefined();
	});
});

describe('an application that cannot fit even deflated', () => {
	it('is refused at submission with a clear reply, and the resident stays at the summary', () => {
		// An office's own catalog with a long list of long, incompressible answers.
		const catalog = loadCatalog({
			office: { name: 'Kelurahan Uji' },
			services: [
				{
					key: 'daftar',
					title: 'Surat Daftar Panjang',
					description: 'Daftar',
					fields: [
						{
							key: 'baris',
							label: 'Baris',
							question: 'Isi baris?',
							type: 'records',
							required: true,
							minItems: 1,
							maxItems: 100,
							itemLabel: 'baris',
							fields: [
								{
									key: 'isi',
									label: 'Isi',
									question: 'Apa isinya?',
									type: 'text',
									required: true,
									validation: { maxLength: 1000 },
								},
							],
						},
					],
					documents: [],
					letter: { template: 'domisili', title: 'SURAT', classification: '400' },
				},
			],
		});
		const chat = new Chat(catalog);
		chat.text('halo');
		chat.text('1');
		chat.list('daftar');
		chat.button('continue');
		for (let i = 0; i < 100; i++) {
			chat.text(randomBytes(450).toString('base64').slice(0, 600));
			if (chat.state === 'record_more') chat.button('add');
		}
		expect(chat.state).toBe('summary');
		chat.text('kirim');
		expect(chat.said).toContain(messages['submit.too_large']);
		expect(chat.events.filter((e) => e.type === 'submitted')).toEqual([]);
		expect(chat.state).toBe('summary');
	});
});
