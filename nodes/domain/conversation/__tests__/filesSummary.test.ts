import { defaultCatalog } from '../../catalog';
import { filesSummary } from '..';
import type { Application, DocumentFile } from '..';

const catalog = defaultCatalog();
const sku = catalog.services.find((s) => s.key === 'sku-kur')!;
const label = (key: string) => sku.documents.find((d) => d.key === key)!.label;
const photo = (id: string): DocumentFile => ({ id, mimeType: 'image/jpeg' });

const application = (documents: Record<string, DocumentFile[]>): Application => ({
	ticket: 'SKU-1',
	serviceKey: sku.key,
	serviceTitle: sku.title,
	waId: '6281200000001',
	name: 'Rina',
	submittedAt: '2026-12-07T10:00:00.000Z',
	data: {},
	documents,
	letter: { template: 'sku', title: 'SKU', classification: '500' },
});

describe("the Dokumen cell's line about the request's folder", () => {
	it('counts every file and names each document once, in the order the service asks for them', () => {
		const summary = filesSummary(
			application({
				kk: [photo('k1')],
				ktp: [photo('a'), photo('b')],
				pengantar_rt: [photo('p')],
			}),
			catalog,
		);
		expect(summary).toBe(`4 berkas: ${label('pengantar_rt')}, ${label('ktp')}, ${label('kk')}`);
	});

	it("speaks the office's words when its catalog changes them", () => {
		const own = { ...catalog, messages: { 'sheet.files.summary': '{labels} ({count} file)' } };
		expect(filesSummary(application({ ktp: [photo('a')] }), own)).toBe(`${label('ktp')} (1 file)`);
	});

	it('is empty for a request sent without files (a skipped optional document included)', () => {
		expect(filesSummary(application({ ktp: [] }), catalog)).toBe('');
	});
});
