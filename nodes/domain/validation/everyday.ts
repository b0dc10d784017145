/**
 * Everyday words residents type for the words of an official choice: abbreviations ("blm",
 * "sdh"), colloquial and Javanese forms ("cewek", "lanang", "dereng"). Both the answer and the
 * option names are read through this table, so "blm nikah" meets "Belum Kawin".
 */
const CANONICAL: Record<string, string> = {
	blm: 'belum',
	blum: 'belum',
	belom: 'belum',
	dereng: 'belum',
	durung: 'belum',
	sdh: 'sudah',
	sudh: 'sudah',
	udh: 'sudah',
	udah: 'sudah',
	dah: 'sudah',
	sampun: 'sudah',
	wis: 'sudah',
	uwis: 'sudah',
	tdk: 'tidak',
	gak: 'tidak',
	ga: 'tidak',
	nggak: 'tidak',
	enggak: 'tidak',
	mboten: 'tidak',
	boten: 'tidak',
	ora: 'tidak',
	nikah: 'kawin',
	menikah: 'kawin',
	rabi: 'kawin',
	cewek: 'perempuan',
	cewe: 'perempuan',
	cwe: 'perempuan',
	cwek: 'perempuan',
	wedok: 'perempuan',
	wadon: 'perempuan',
	wanita: 'perempuan',
	cowok: 'laki',
	cowo: 'laki',
	cwo: 'laki',
	lanang: 'laki',
	pria: 'laki',
	nggih: 'ya',
	inggih: 'ya',
	iya: 'ya',
	iyo: 'ya',
};

/** Folded words (see foldWords) with everyday forms replaced by the official word. */
export function everyday(folded: string): string {
	return folded
		.split(' ')
		.map((word) => CANONICAL[word] ?? word)
		.join(' ');
}
