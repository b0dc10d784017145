/**
 * What a request's Drive folder holds, in the words staff read in the sheet's Dokumen cell beside
 * the folder's link ("4 berkas: Surat pengantar RT/RW, KTP, Kartu Keluarga"): the number of files
 * and the catalog's labels of the documents they are, in the service's order.
 */
import type { Catalog } from '../catalog/types';
import { say, textsFor } from './texts';
import type { Application } from './types';

export function filesSummary(application: Application, catalog: Catalog): string {
	const service = catalog.services.find((s) => s.key === application.serviceKey);
	const given = Object.entries(application.documents ?? {}).filter(([, files]) => files.length);
	if (!given.length) return '';
	const order = (key: string) => {
		const index = service?.documents.findIndex((d) => d.key === key) ?? -1;
		return index < 0 ? Number.MAX_SAFE_INTEGER : index;
	};
	const labels = given
		.sort(([a], [b]) => order(a) - order(b))
		.map(([key]) => service?.documents.find((d) => d.key === key)?.label ?? key);
	const count = given.reduce((sum, [, files]) => sum + files.length, 0);
	return say(textsFor(catalog), 'sheet.files.summary', { count, labels: labels.join(', ') });
}
