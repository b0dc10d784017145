/**
 * Reads the fields of an Indonesian KTP (e-KTP) from the text an OCR engine returned for a photo
 * of it. The card prints one `Label : VALUE` per line in a fixed order (NIK, Nama, Tempat/Tgl
 * Lahir, Jenis Kelamin, Alamat, RT/RW, Kel/Desa, Kecamatan, Agama, Status Perkawinan, Pekerjaan,
 * Kewarganegaraan, Berlaku Hingga) under a PROVINSI and a KABUPATEN/KOTA heading. OCR misreads
 * labels (`Narna`, `Tempat/Tgi Lahir`), colons (`;`, `=`, none) and digits (`O` for 0, `l` for
 * 1, `B` for 8): labels are matched with a tolerance, digits are read through the usual
 * confusions, and closed lists (sex, religion, marital status, nationality, common jobs) are
 * snapped to their printed spelling. Nothing read here is used before the resident confirms it.
 */
import { editDistance } from '../validation/choice';
import { isRealDate, toIso } from '../validation/calendar';
import { decodeNik, type Sex } from '../validation/nik';

export interface KtpFields {
	provinsi: string;
	kabupatenKota: string;
	nik: string;
	nama: string;
	tempatLahir: string;
	/** `YYYY-MM-DD`. */
	tanggalLahir: string;
	jenisKelamin: Sex;
	golonganDarah: string;
	alamat: string;
	/** As printed, `003`. */
	rt: string;
	rw: string;
	kelDesa: string;
	kecamatan: string;
	agama: string;
	statusPerkawinan: string;
	pekerjaan: string;
	kewarganegaraan: string;
}

export type KtpField = keyof KtpFields;

export interface KtpReading {
	fields: Partial<KtpFields>;
	/** The card's labels recognised in the text (a photo of something else has none or few). */
	labels: number;
	/** Enough of a KTP was read to show it to the resident: a NIK, or most labels. */
	isKtp: boolean;
}

/** The person-level fields a letter asks (the headings and blood type are not among them). */
export const KTP_IDENTITY_FIELDS: readonly KtpField[] = [
	'nik',
	'nama',
	'tempatLahir',
	'tanggalLahir',
	'jenisKelamin',
	'alamat',
	'rt',
	'rw',
	'kelDesa',
	'kecamatan',
	'agama',
	'statusPerkawinan',
	'pekerjaan',
	'kewarganegaraan',
];

type Label =
	| 'nik'
	| 'nama'
	| 'ttl'
	| 'sex'
	| 'alamat'
	| 'rtrw'
	| 'kel'
	| 'kec'
	| 'agama'
	| 'kawin'
	| 'kerja'
	| 'wn'
	| 'berlaku';

/** Each label as printed, letters only, lower case; some cards print variants. */
const LABELS: ReadonlyArray<[Label, string[]]> = [
	['nik', ['nik']],
	['nama', ['nama']],
	['ttl', ['tempattgllahir', 'tempattanggallahir', 'tempatlahir']],
	['sex', ['jeniskelamin']],
	['alamat', ['alamat']],
	['rtrw', ['rtrw']],
	['kel', ['keldesa', 'kelurahandesa', 'kelurahan', 'desa']],
	['kec', ['kecamatan']],
	['agama', ['agama']],
	['kawin', ['statusperkawinan', 'perkawinan']],
	['kerja', ['pekerjaan']],
	['wn', ['kewarganegaraan']],
	['berlaku', ['berlakuhingga']],
];

const RELIGIONS = ['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU', 'KEPERCAYAAN'];
const MARITAL = [
	'BELUM KAWIN',
	'KAWIN',
	'CERAI HIDUP',
	'CERAI MATI',
	'KAWIN TERCATAT',
	'KAWIN BELUM TERCATAT',
];
const NATIONALITY = ['WNI', 'WNA'];
/** Jobs as the civil registry prints them (the most common ones; others are kept as read). */
const JOBS = [
	'BELUM/TIDAK BEKERJA',
	'MENGURUS RUMAH TANGGA',
	'PELAJAR/MAHASISWA',
	'PENSIUNAN',
	'PEGAWAI NEGERI SIPIL',
	'TENTARA NASIONAL INDONESIA',
	'KEPOLISIAN RI',
	'PERDAGANGAN',
	'PETANI/PEKEBUN',
	'PETERNAK',
	'NELAYAN/PERIKANAN',
	'KARYAWAN SWASTA',
	'KARYAWAN BUMN',
	'KARYAWAN HONORER',
	'BURUH HARIAN LEPAS',
	'BURUH TANI/PERKEBUNAN',
	'PEMBANTU RUMAH TANGGA',
	'TUKANG BATU',
	'TUKANG KAYU',
	'SOPIR',
	'PEDAGANG',
	'GURU',
	'DOSEN',
	'BIDAN',
	'PERAWAT',
	'DOKTER',
	'WIRASWASTA',
];

/** Letters OCR gives for digits in a number field. */
const DIGIT_LOOKALIKES: Record<string, string> = {
	O: '0',
	o: '0',
	D: '0',
	Q: '0',
	U: '0',
	I: '1',
	l: '1',
	i: '1',
	'|': '1',
	'!': '1',
	L: '1',
	Z: '2',
	z: '2',
	S: '5',
	s: '5',
	B: '8',
	G: '6',
	b: '6',
	T: '7',
	g: '9',
	q: '9',
	A: '4',
};

/** `O3577O1` → `3577001`: letters that stand for digits become digits, the rest is dropped. */
export function readDigits(text: string): string {
	let out = '';
	for (const ch of text) {
		if (ch >= '0' && ch <= '9') out += ch;
		else if (DIGIT_LOOKALIKES[ch]) out += DIGIT_LOOKALIKES[ch];
	}
	return out;
}

function lettersOnly(text: string): string {
	return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** A word as read and as it reads with OCR's usual letter swaps undone (`rn` for m, `l` for i). */
function readings(text: string): string[] {
	const lower = text.toLowerCase().replace(/1/g, 'i').replace(/0/g, 'o');
	const letters = lower.replace(/[^a-z]/g, '');
	const m = letters.replace(/rn/g, 'm');
	return [...new Set([letters, m, letters.replace(/l/g, 'i'), m.replace(/l/g, 'i')])];
}

/** The smallest edit distance between any reading of `text` and `target` (letters only). */
function distanceTo(text: string, target: string, limit: number): number {
	let best = limit + 1;
	for (const reading of readings(text)) best = Math.min(best, editDistance(reading, target, limit));
	return best;
}

/** Tolerated misreads for a label of this length. */
function allowedEdits(length: number): number {
	if (length <= 3) return 0;
	if (length <= 6) return 1;
	return Math.max(2, Math.floor(length / 4));
}

function matchLabel(candidate: string): Label | undefined {
	if (!lettersOnly(candidate)) return undefined;
	let best: { label: Label; distance: number } | undefined;
	for (const [label, spellings] of LABELS) {
		for (const spelling of spellings) {
			const allowed = allowedEdits(spelling.length);
			const distance = distanceTo(candidate, spelling, allowed);
			if (distance <= allowed && (!best || distance < best.distance)) best = { label, distance };
		}
	}
	// `NIK` is short and often read as `NlK`, `N1K`, `MIK`.
	if (!best && /^[nm][il1|][kx]$/i.test(candidate.replace(/\s/g, '')))
		best = { label: 'nik', distance: 1 };
	return best?.label;
}

/**
 * A wide gap (kept by the OCR engine) ends a value: what follows is the card's right column
 * (the place and date of issue, the photo), read on the same line. The sex line keeps its gap
 * before the blood type.
 */
const COLUMN_GAP = /\s{4,}/;

/** The separator OCR gives for the card's colon. */
const SEPARATOR = /\s*[:;=]\s*|\s+[.,]\s+/;

interface LabelledLine {
	label: Label;
	value: string;
}

/** A line's label and value, or undefined when the line starts with no known label. */
function splitLine(line: string): LabelledLine | undefined {
	const separator = SEPARATOR.exec(line);
	if (separator && separator.index > 0) {
		const label = matchLabel(line.slice(0, separator.index));
		if (label) return { label, value: line.slice(separator.index + separator[0].length) };
	}
	// No colon read: try the first one to three words as the label.
	const words = line.split(/\s+/);
	for (let count = Math.min(3, words.length - 1); count >= 1; count--) {
		const label = matchLabel(words.slice(0, count).join(' '));
		if (!label) continue;
		const rest = line.replace(new RegExp(`^(\\S+\\s+){${count}}`), '');
		return { label, value: rest };
	}
	return undefined;
}

/** Drops what OCR adds around a value: stray colons, quotes, dashes, pipes, leading dots. */
function cleanValue(value: string): string {
	return value
		.replace(/^[\s:;=.,'"`|_~-]+/, '')
		.replace(/[\s:;=,'"`|_~]+$/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Letters, spaces and the punctuation names and places carry; digits read as letters. */
function cleanWords(value: string): string {
	return cleanValue(
		value
			.replace(/0/g, 'O')
			.replace(/1/g, 'I')
			.replace(/5/g, 'S')
			.replace(/8/g, 'B')
			.replace(/[^A-Za-z .,'/-]/g, ' '),
	).toUpperCase();
}

/** Snaps a value to the closest entry of a closed list, or undefined when none is close. */
export function snapTo(value: string, list: readonly string[]): string | undefined {
	if (!lettersOnly(value)) return undefined;
	let best: { entry: string; distance: number } | undefined;
	for (const entry of list) {
		const target = lettersOnly(entry);
		const allowed = allowedEdits(target.length);
		const distance = distanceTo(value, target, allowed);
		if (distance <= allowed && (!best || distance < best.distance)) best = { entry, distance };
	}
	return best?.entry;
}

/** `05-01-1990`, `05.01.1990`, `O5-0l-199O`, `05 01 1990` → `1990-01-05`. */
function readDate(text: string): string | undefined {
	const groups = text
		.split(/[^0-9OoDQIl|iZzSsBGbTgq]+/)
		.map(readDigits)
		.filter((g) => g.length > 0);
	let day: number | undefined;
	let month: number | undefined;
	let year: number | undefined;
	if (groups.length >= 3) {
		[day, month, year] = groups.slice(-3).map(Number);
		if (String(year).length !== 4) {
			const joined = groups.join('');
			if (joined.length === 8) [day, month, year] = splitDate(joined);
		}
	} else {
		const joined = groups.join('');
		if (joined.length === 8) [day, month, year] = splitDate(joined);
	}
	if (day === undefined || month === undefined || year === undefined) return undefined;
	if (year < 1900 || year > 2100 || !isRealDate(year, month, day)) return undefined;
	return toIso(year, month, day);
}

function splitDate(digits: string): [number, number, number] {
	return [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4))];
}

/** `MADIUN, 05-01-1990` → place and date; the comma may be read as `.` or lost. */
function readBirth(value: string): { place?: string; date?: string } {
	const dateStart = value.search(
		/(?<![A-Za-z])[0-9OoDQIl|SsBZ]{1,2}\s*[-./ ]\s*[0-9OoDQIl|SsBZ]{1,2}\s*[-./ ]\s*[0-9OoDQIl|SsBZ]{4}/,
	);
	const digitStart = value.search(/\d/);
	const cut = dateStart > 0 ? dateStart : digitStart;
	const placePart = cut > 0 ? value.slice(0, cut) : value;
	const datePart = cut > 0 ? value.slice(cut) : '';
	const place = cleanWords(placePart.replace(/[,.]\s*$/, '').replace(/,/g, ' '));
	const date = datePart ? readDate(datePart) : undefined;
	return { place: place || undefined, date };
}

function readSex(value: string): { sex?: Sex; blood?: string } {
	const [sexPart, bloodPart] = value.split(/gol\w*\.?\s*darah|gol\.?|darah/i);
	const letters = lettersOnly(sexPart ?? '');
	let sex: Sex | undefined;
	if (editDistance(letters.slice(0, 9), 'lakilaki', 2) <= 2 || /^lak/.test(letters))
		sex = 'Laki-laki';
	else if (editDistance(letters.slice(0, 9), 'perempuan', 2) <= 2 || /^per/.test(letters))
		sex = 'Perempuan';
	const blood = /\b(AB|A|B|O|0|-)\b/.exec((bloodPart ?? '').replace(/[:;=]/g, ' ').toUpperCase());
	return { sex, blood: blood ? blood[1].replace('0', 'O') : undefined };
}

/** `003/005`, `003 / 005`, `OO3/0O5`, `003005` → RT and RW. */
function readRtRw(value: string): { rt?: string; rw?: string } {
	const parts = value
		.split(/[/\\|lI](?=\s*[0-9OoDQ])|\s+/)
		.map(readDigits)
		.filter((p) => p.length > 0);
	if (parts.length >= 2) return { rt: parts[0].slice(-3), rw: parts[1].slice(0, 3) };
	const digits = readDigits(value);
	if (digits.length === 6) return { rt: digits.slice(0, 3), rw: digits.slice(3) };
	if (digits.length === 7) return { rt: digits.slice(0, 3), rw: digits.slice(4) };
	return {};
}

/** The 16 digits of a NIK in a value, through the usual letter-for-digit misreads. */
function readNik(value: string): string | undefined {
	const digits = readDigits(value.replace(/\s+/g, ''));
	const run = /\d{16}/.exec(digits);
	return run ? run[0] : undefined;
}

/** A NIK on a line whose label was not read: a run of 16 digits (12 at least read as digits). */
function findNik(lines: string[]): string | undefined {
	for (const line of lines) {
		const joined = line.replace(/(?<=[0-9ODIl|SBZ])\s+(?=[0-9ODIl|SBZ])/g, '');
		for (const run of joined.match(/[0-9ODIl|SBZ]{16,}/g) ?? []) {
			if ((run.match(/\d/g) ?? []).length < 12) continue;
			const nik = readNik(run);
			if (nik && decodeNik(nik)) return nik;
		}
	}
	return undefined;
}

/** Reads the fields of a KTP from OCR text. Fields that could not be read are left out. */
export function parseKtpText(text: string): KtpReading {
	const fields: Partial<KtpFields> = {};
	const lines = text
		.split(/\r?\n/)
		.map((line) => line.replace(/\t/g, '    ').trim())
		.filter((line) => line.length > 0);
	const seen = new Set<Label>();
	for (const line of lines) {
		const heading = /^(PROVINSI|PROPINSI)\s+(.+)$/i.exec(line.split(COLUMN_GAP)[0]);
		if (heading && !fields.provinsi) {
			fields.provinsi = cleanWords(heading[2]);
			continue;
		}
		const regency = /^(KABUPATEN|KOTA|KAB\.?)\s+(.+)$/i.exec(line.split(COLUMN_GAP)[0]);
		if (regency && !fields.kabupatenKota && !seen.has('nik')) {
			const kind = regency[1].toUpperCase().startsWith('KOTA') ? 'KOTA' : 'KABUPATEN';
			fields.kabupatenKota = `${kind} ${cleanWords(regency[2])}`;
			continue;
		}
		const labelled = splitLine(line);
		if (!labelled || seen.has(labelled.label)) continue;
		seen.add(labelled.label);
		readInto(fields, labelled.label, labelled.value);
	}
	if (!fields.nik) fields.nik = findNik(lines);
	if (!fields.nik) delete fields.nik;
	const labels = seen.size;
	const isKtp = (fields.nik !== undefined && decodeNik(fields.nik) !== null) || labels >= 6;
	return { fields, labels, isKtp };
}

function readInto(fields: Partial<KtpFields>, label: Label, raw: string): void {
	const value = cleanValue(label === 'sex' ? raw : raw.split(COLUMN_GAP)[0]);
	switch (label) {
		case 'nik': {
			const nik = readNik(value);
			if (nik) fields.nik = nik;
			return;
		}
		case 'nama': {
			const name = cleanWords(value.replace(/[,.]/g, (m) => (m === '.' ? '.' : ',')));
			if (name.replace(/[^A-Z]/g, '').length >= 2) fields.nama = name;
			return;
		}
		case 'ttl': {
			const { place, date } = readBirth(value);
			if (place) fields.tempatLahir = place;
			if (date) fields.tanggalLahir = date;
			return;
		}
		case 'sex': {
			const { sex, blood } = readSex(value);
			if (sex) fields.jenisKelamin = sex;
			if (blood) fields.golonganDarah = blood;
			return;
		}
		case 'alamat': {
			const address = cleanValue(value).toUpperCase();
			if (address.length >= 3) fields.alamat = address;
			return;
		}
		case 'rtrw': {
			const { rt, rw } = readRtRw(value);
			if (rt && rw) {
				fields.rt = rt.padStart(3, '0');
				fields.rw = rw.padStart(3, '0');
			}
			return;
		}
		case 'kel': {
			const place = cleanWords(value);
			if (place.length >= 2) fields.kelDesa = place;
			return;
		}
		case 'kec': {
			const place = cleanWords(value);
			if (place.length >= 2) fields.kecamatan = place;
			return;
		}
		case 'agama': {
			const religion =
				snapTo(value.split(/\s{2,}/)[0], RELIGIONS) ?? snapTo(firstWord(value), RELIGIONS);
			if (religion) fields.agama = religion;
			return;
		}
		case 'kawin': {
			const status = snapTo(value, MARITAL) ?? snapTo(firstWords(value, 2), MARITAL);
			if (status) fields.statusPerkawinan = status;
			return;
		}
		case 'kerja': {
			const job = cleanWords(value);
			if (job.length >= 2) fields.pekerjaan = snapTo(job, JOBS) ?? job;
			return;
		}
		case 'wn': {
			const nationality = snapTo(firstWord(value), NATIONALITY);
			if (nationality) fields.kewarganegaraan = nationality;
			return;
		}
		case 'berlaku':
			return;
	}
}

function firstWord(value: string): string {
	return value.split(/\s+/)[0] ?? '';
}

function firstWords(value: string, count: number): string {
	return value.split(/\s+/).slice(0, count).join(' ');
}
