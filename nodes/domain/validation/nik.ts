/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS` — the region where the number
 * was issued (never the current address, so other regions are fine), the birth date (women: day
 * + 40) and a serial from 0001.
 */

import { formatDateId } from '../indonesian/format';
import { isRealDate, resolveTwoDigitYear, toIso } from './calendar';
import { fail, ok, type Validation } from './result';
import { stripIdSeparators } from './text';

export type Sex = 'Laki-laki' | 'Perempuan';

export interface NikInfo {
	/** `35` (Jawa Timur). */
	province: string;
	/** `3577` (Kota Madiun). */
	regency: string;
	/** `357701` (Kecamatan Kartoharjo). */
	district: string;
	/** `YYYY-MM-DD`. */
	birthDate: string;
	sex: Sex;
	/** `0001`. */
	serial: string;
}

/** Province codes in use (Permendagri on region codes), Papua's new provinces included. */
const PROVINCE_CODES = new Set<number>([
	...range(11, 19),
	21,
	...range(31, 36),
	...range(51, 53),
	...range(61, 65),
	...range(71, 76),
	81,
	82,
	...range(91, 97),
]);

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function isProvinceCode(code: string): boolean {
	return PROVINCE_CODES.has(Number(code));
}

/**
 * Reads a NIK, or null when it is not one. The two-digit birth year takes the century of the
 * declared birth date when it agrees, otherwise the latest year not in the future.
 */
export function decodeNik(
	nik: string,
	options: { now?: Date; declaredBirthDate?: string } = {},
): NikInfo | null {
	const digits = stripIdSeparators(nik);
	if (!/^\d{16}$/.test(digits) || !isProvinceCode(digits.slice(0, 2))) return null;
	const rawDay = Number(digits.slice(6, 8));
	const month = Number(digits.slice(8, 10));
	const yy = Number(digits.slice(10, 12));
	const female = rawDay > 40;
	const day = female ? rawDay - 40 : rawDay;
	if (digits.slice(12) === '0000') return null;
	const declaredYear = Number((options.declaredBirthDate ?? '').slice(0, 4));
	let year = declaredYear % 100 === yy && declaredYear > 0 ? declaredYear : NaN;
	if (Number.isNaN(year)) year = resolveTwoDigitYear(yy, month, day, options.now ?? new Date());
	if (!isRealDate(year, month, day)) return null;
	return {
		province: digits.slice(0, 2),
		regency: digits.slice(0, 4),
		district: digits.slice(0, 6),
		birthDate: toIso(year, month, day),
		sex: female ? 'Perempuan' : 'Laki-laki',
		serial: digits.slice(12),
	};
}

/** `L`, `laki laki`, `pria` → Laki-laki; `P`, `wanita` → Perempuan; anything else → undefined. */
export function normalizeSex(value: unknown): Sex | undefined {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	if (/^(l|lk|laki|laki[\s-]?laki|pria|male|m)$/.test(text)) return 'Laki-laki';
	if (/^(p|pr|perempuan|wanita|female|f)$/.test(text)) return 'Perempuan';
	return undefined;
}

/**
 * Checks a NIK as a resident types it (spaces and dots allowed) and, when given, against the
 * declared birth date (`YYYY-MM-DD`) and sex. Returns the 16 digits.
 */
export function checkNik(
	input: string,
	declared: { birthDate?: string; sex?: string } = {},
	now: Date = new Date(),
): Validation<string> {
	const digits = stripIdSeparators(input);
	if (!/^\d+$/.test(digits)) return fail('nik.digits');
	if (digits.length !== 16) return fail('nik.length', { length: digits.length });
	const province = digits.slice(0, 2);
	if (!isProvinceCode(province)) return fail('nik.province', { code: province });
	const birthDigits = digits.slice(6, 12);
	const rawDay = Number(birthDigits.slice(0, 2));
	const month = Number(birthDigits.slice(2, 4));
	const day = rawDay > 40 ? rawDay - 40 : rawDay;
	// Any century will do for the calendar check except on 29 February: try both.
	const yy = Number(birthDigits.slice(4));
	if (!isRealDate(2000 + yy, month, day) && !isRealDate(1900 + yy, month, day)) {
		return fail('nik.date', { digits: birthDigits });
	}
	if (digits.slice(12) === '0000') return fail('nik.serial', { serial: digits.slice(12) });
	const info = decodeNik(digits, { now, declaredBirthDate: declared.birthDate });
	if (!info) return fail('nik.date', { digits: birthDigits });

	const declaredSex = normalizeSex(declared.sex);
	if (declaredSex && declaredSex !== info.sex) {
		return fail('nik.sexMismatch', {
			digits: birthDigits.slice(0, 2),
			nikSex: info.sex,
			declaredSex,
		});
	}
	const birthDate = declared.birthDate;
	if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate !== info.birthDate) {
		return fail('nik.birthDateMismatch', {
			digits: birthDigits,
			nikDate: formatDateId(info.birthDate),
			declaredDate: formatDateId(birthDate),
			expectedDigits: expectedBirthDigits(birthDate, info.sex),
		});
	}
	return ok(digits);
}

/** The six NIK digits a person born on `birthDate` should have (`DDMMYY`, women day + 40). */
export function expectedBirthDigits(birthDate: string, sex: Sex): string {
	const [year, month, day] = birthDate.split('-').map(Number);
	const nikDay = sex === 'Perempuan' ? day + 40 : day;
	return [nikDay, month, year % 100].map((n) => String(n).padStart(2, '0')).join('');
}
