/**
 * What a KTP reading answers among a service's identity questions: each field read is checked as
 * if the resident had typed it (the same validation, capitalisation and choice matching), and the
 * NIK's birth date and sex are compared with the ones read beside it. A field that fails its
 * check, or that disagrees with the NIK, is left for the questions; nothing here is used before the
 * resident confirms it.
 */
import type { FieldSpec } from '../catalog/types';
import { validateField } from '../validation/field';
import { decodeNik } from '../validation/nik';
import type { KtpField, KtpReading } from './parse';

/** The catalog's identity keys (fieldSet `identitas`) and the card field that answers each. */
export const KTP_ANSWERS: Readonly<Record<string, KtpField>> = {
	nama: 'nama',
	nik: 'nik',
	tempat_lahir: 'tempatLahir',
	tanggal_lahir: 'tanggalLahir',
	jenis_kelamin: 'jenisKelamin',
	agama: 'agama',
	status_perkawinan: 'statusPerkawinan',
	pekerjaan: 'pekerjaan',
	kewarganegaraan: 'kewarganegaraan',
	alamat: 'alamat',
	rt: 'rt',
	rw: 'rw',
};

export type NikDisagreement = 'birthDate' | 'sex';

export interface KtpAnswers {
	/** Field key → the value as the resident's typed answer would have stored it. */
	values: Record<string, unknown>;
	/** The keys answered, in the service's order. */
	keys: string[];
	/** What the NIK says differently from the card's printed birth date or sex. */
	disagreements: NikDisagreement[];
}

/** As the resident would have typed it: ISO dates as `DD-MM-YYYY`, capitals as lower case. */
function asTyped(field: KtpField, value: string): string {
	if (field === 'tanggalLahir') return value.split('-').reverse().join('-');
	if (field === 'nik' || field === 'rt' || field === 'rw') return value;
	return value.toLocaleLowerCase('id-ID');
}

/** The answers a reading gives to `fields` (a service's top-level fields). */
export function ktpAnswers(
	reading: KtpReading,
	fields: readonly FieldSpec[],
	now: Date,
): KtpAnswers {
	const read = reading.fields;
	const disagreements: NikDisagreement[] = [];
	const skip = new Set<KtpField>();
	const nik = read.nik ? decodeNik(read.nik, { now, declaredBirthDate: read.tanggalLahir }) : null;
	if (nik && read.tanggalLahir && nik.birthDate !== read.tanggalLahir) {
		disagreements.push('birthDate');
		skip.add('tanggalLahir');
	}
	if (nik && read.jenisKelamin && nik.sex !== read.jenisKelamin) {
		disagreements.push('sex');
		skip.add('jenisKelamin');
	}
	const values: Record<string, unknown> = {};
	const keys: string[] = [];
	for (const field of fields) {
		const source = KTP_ANSWERS[field.key];
		const value = source ? read[source] : undefined;
		if (!source || value === undefined || skip.has(source)) continue;
		const checked = validateField(field, asTyped(source, value), { values, now });
		if (!checked.ok || checked.value === null) continue;
		values[field.key] = checked.value;
		keys.push(field.key);
	}
	return { values, keys, disagreements };
}
