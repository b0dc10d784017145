import { defaultCatalog, mentionedKeys } from '..';

const service = (key: string) => defaultCatalog().services.find((s) => s.key === key)!;

describe('what a staff note asks to fix', () => {
	it.each([
		['Foto KTP buram, mohon kirim ulang', 'sku-kur', [], ['ktp']],
		['KK tidak terbaca', 'domisili', [], ['kk']],
		['NIK salah ketik', 'sku-kur', ['nik'], []],
		['Nama usaha berbeda dengan surat pengantar RT', 'sku-kur', ['usaha_nama'], ['pengantar_rt']],
		['KTP KK buram', 'sku-kur', [], ['ktp', 'kk']],
		['Mohon datang ke kantor', 'sku-kur', [], []],
	])('"%s" (%s)', (note, key, fields, documents) => {
		const found = mentionedKeys(note, service(key));
		expect(found.fieldKeys).toEqual(fields);
		expect(found.documentKeys).toEqual(documents);
	});
});
