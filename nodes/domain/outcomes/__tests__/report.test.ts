import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

import { monthlyIndicators, renderReport } from '..';
import { readPdf, squash } from '../../../../test/support/pdfText';
import { complaints, events, requests, surveys } from '../../../../test/support/outcomeFixture';

describe('renderReport', () => {
	const figures = monthlyIndicators({ requests, surveys, complaints, events, month: '2026-05' });

	it('prints the kop, the title with the month in Indonesian and the computed figures', async () => {
		const report = await renderReport(figures, { generatedAt: new Date('2026-06-01T01:00:00Z') });
		expect(report.fileName).toBe('laporan-indikator-2026-05.pdf');
		expect(report.pages).toBeGreaterThanOrEqual(1);
		expect(report.pages).toBeLessThanOrEqual(2);
		const pages = await readPdf(report.pdf);
		expect(pages).toHaveLength(report.pages);
		expect(Math.round(pages[0].height)).toBe(935); // F4, 330 mm
		const text = squash(pages.map((p) => p.text).join(' '));
		expect(text).toContain('KELURAHAN ORO-ORO OMBO');
		expect(text).toContain('LAPORAN INDIKATOR LAYANAN');
		expect(text).toContain('BULAN MEI 2026');
		expect(text).toContain('1 Mei 2026 – 31 Mei 2026');
		// Table rows: label, month, year to date (see indicators.test.ts for the arithmetic).
		expect(text).toContain('Permohonan diterima 8 12');
		expect(text).toContain('Surat diterbitkan (jumlah) 7 9');
		expect(text).toContain('Warga terlayani (nomor WhatsApp berbeda) 6 7');
		expect(text).toContain('Median waktu permohonan sampai surat (menit) 20,0 18,0');
		expect(text).toContain('Persentil ke-90 waktu sampai surat (menit) 5.770,0 5.770,0');
		expect(text).toContain('Surat selesai dalam 20 menit (%) 57,1 66,7');
		expect(text).toContain('Permohonan dikembalikan untuk perbaikan (%) 25,0 16,7');
		expect(text).toContain('Indeks Kepuasan Masyarakat (IKM) 80,56 86,11');
		expect(text).toContain('Rasio pengaduan selesai (%) 66,7 75,0');
		expect(text).toContain('Median waktu penyelesaian pengaduan (jam) 6,0 24,0');
		expect(text).toContain('IKM bulan ini: 80,56 (mutu B, Baik) dari 3 responden');
		// NRR of "Prosedur": 10/3 this month, 3.5 in the year.
		expect(text).toContain('Prosedur 3,33 3,50');
		// Bars: May letters per service with the year's count; the weekly line's medians.
		expect(text).toContain('Surat Keterangan Domisili 5 (6)');
		expect(text).toContain('Surat Pengantar SKCK 0 (1)');
		expect(text).toContain('Minggu 5');
		expect(text).toMatch(/40,0/);
		expect(text).toContain('6 sel atau baris tidak terbaca');
		expect(text).toContain('Dibuat otomatis oleh Pecelan pada 1 Juni 2026');
		// Events were given, so no note about counting from the current Status.
		expect(text).not.toContain('riwayat kejadian tidak tersedia');
	});

	it('prints an empty month on A4 in at most two pages and says there is no data', async () => {
		const empty = monthlyIndicators({
			requests: [],
			surveys: [],
			complaints: [],
			month: '2026-02',
		});
		const report = await renderReport(empty, { paper: 'A4' });
		const pages = await readPdf(report.pdf);
		expect(report.pages).toBeLessThanOrEqual(2);
		expect(Math.round(pages[0].height)).toBe(842);
		const text = squash(pages.map((p) => p.text).join(' '));
		expect(text).toContain('BULAN FEBRUARI 2026');
		expect(text).toContain('Belum ada data.');
		expect(text).toContain('belum ada survei');
		expect(text).toContain('riwayat kejadian tidak tersedia');
	});

	it('draws the charts with the text, in one content stream per page', async () => {
		const report = await renderReport(figures, { generatedAt: new Date('2026-06-01T01:00:00Z') });
		const doc = await PDFDocument.load(report.pdf);
		const streams = doc.getPages().map((page) => {
			const contents = page.node.Contents();
			expect(contents).toBeInstanceOf(PDFRawStream);
			const stream = contents as PDFRawStream;
			const filtered = stream.dict.get(PDFName.of('Filter'));
			return filtered
				? inflateSync(stream.contents).toString('latin1')
				: Buffer.from(stream.contents).toString('latin1');
		});
		const all = streams.join('\n');
		// The bars (grey filled rectangles), the dashed reference line and the points of the line.
		expect(all).toMatch(/0\.45 g [\d.]+ [\d.]+ [\d.]+ [\d.]+ re f/);
		expect(all).toMatch(/\[3 3\] 0 d/);
		expect(all).toMatch(/ c f/);
		// The kop is the letters' own: the double rule under it.
		expect(streams[0]).toMatch(/2\.2 w /);
	});
});
