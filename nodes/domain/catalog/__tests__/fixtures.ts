/** A small valid admin catalog; tests copy it and break one thing at a time. */
/**
 * Tests break this JSON in arbitrary places, as an admin would, so it is deliberately untyped.
 */
export type Loose = any;

export function minimalCatalog(): Loose {
	return {
		office: { name: 'Kelurahan Contoh' },
		fieldSets: {
			orang: [
				{ key: 'nama', label: 'Nama', question: 'Nama?', type: 'text' },
				{ key: 'tanggal_lahir', label: 'Tanggal lahir', question: 'Tanggal lahir?', type: 'date' },
			],
		},
		services: [
			{
				key: 'satu',
				title: 'Surat Satu',
				description: 'Layanan satu',
				fields: [
					{ use: 'orang' },
					{
						key: 'nik',
						label: 'NIK',
						question: 'NIK?',
						type: 'nik',
						crossCheck: { birthDate: 'tanggal_lahir' },
					},
					{ key: 'keperluan', label: 'Keperluan', question: 'Untuk apa?', type: 'text' },
				],
				documents: [{ key: 'ktp', label: 'KTP', min: 1, max: 1, optional: false }],
				letter: { template: 'satu', title: 'SURAT SATU', classification: '400.12.3.2' },
			},
			{
				key: 'dua',
				title: 'Surat Dua',
				description: 'Layanan dua',
				fields: [
					{
						key: 'jenis',
						label: 'Jenis',
						question: 'Jenis?',
						type: 'choice',
						options: [{ id: 'a', label: 'A' }],
					},
					{
						key: 'anggota',
						label: 'Anggota',
						question: 'Anggota?',
						type: 'records',
						minItems: 1,
						maxItems: 3,
						fields: [{ key: 'nama', label: 'Nama', question: 'Nama?', type: 'text' }],
					},
				],
				documents: [],
				letter: { template: 'dua', title: 'SURAT DUA', classification: '400.12.3.3' },
			},
		],
	};
}
