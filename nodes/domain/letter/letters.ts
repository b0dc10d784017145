/** The bundled letter templates (one per catalog service) and letterhead defaults. */
import skuKur from '../../../templates/letters/sku-kur.hbs';
import taspen from '../../../templates/letters/taspen.hbs';
import ahliWaris from '../../../templates/letters/ahli-waris.hbs';
import pengantarSkck from '../../../templates/letters/pengantar-skck.hbs';
import beasiswa from '../../../templates/letters/beasiswa.hbs';
import kehilangan from '../../../templates/letters/kehilangan.hbs';
import sktm from '../../../templates/letters/sktm.hbs';
import domisili from '../../../templates/letters/domisili.hbs';
import belumMenikah from '../../../templates/letters/belum-menikah.hbs';
import bukuAgenda from '../../../templates/letters/buku-agenda.hbs';
import letterheadDefaults from '../../../templates/letterhead/default.json';

/** The month's register of letters out (Buku Agenda Surat Keluar), printed by the same engine. */
export const REGISTER_TEMPLATE: string = bukuAgenda;

export const LETTER_TEMPLATES: Readonly<Record<string, string>> = {
	'sku-kur': skuKur,
	taspen,
	'ahli-waris': ahliWaris,
	'pengantar-skck': pengantarSkck,
	beasiswa,
	kehilangan,
	sktm,
	domisili,
	'belum-menikah': belumMenikah,
};

/** Titles for letters whose application names none (`letter.title` wins when present). */
export const LETTER_TITLES: Readonly<Record<string, string>> = {
	'sku-kur': 'Surat Keterangan Usaha',
	taspen: 'Surat Keterangan Janda / Duda',
	'ahli-waris': 'Surat Pernyataan Ahli Waris',
	'pengantar-skck': 'Surat Pengantar SKCK',
	beasiswa: 'Surat Keterangan Penghasilan Orang Tua',
	kehilangan: 'Surat Pengantar Kehilangan',
	sktm: 'Surat Keterangan Tidak Mampu',
	domisili: 'Surat Keterangan Domisili',
	'belum-menikah': 'Surat Keterangan Belum Menikah',
};

export interface Letterhead {
	government: string[];
	office: string;
	address: string;
	place: string;
	/** Where residents live, as written in the letter ("Kelurahan …, Kecamatan …, Kota …"). */
	area: string;
	/** Who issues the letter, in the opening sentence ("Lurah …"). */
	issuer: string;
	/** Who countersigns where a letter needs it (ahli waris), e.g. `CAMAT KARTOHARJO`. */
	countersigner: string;
	/** The police the SKCK cover letter is addressed to (the Kapolres). */
	skckAddressee: string;
	/** The police a lost-document cover letter is addressed to (the Kapolsek). */
	lossAddressee: string;
}

export interface Signatory {
	title: string;
	delegation: string;
	name: string;
	pangkat: string;
	nip: string;
}

const { _comment, signatory, ...letterhead } = letterheadDefaults as typeof letterheadDefaults & {
	_comment?: string;
};
void _comment;

export const DEFAULT_LETTERHEAD: Readonly<Letterhead> = letterhead;
export const DEFAULT_SIGNATORY: Readonly<Signatory> = signatory;
