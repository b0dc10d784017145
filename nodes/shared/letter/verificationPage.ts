/**
 * The page behind a letter's QR code. It confirms only what the letter itself shows (number,
 * date, subject, holder with a masked NIK, office), and answers the same "not found" for any code
 * that matches nothing, so codes cannot be probed for names.
 */
import Handlebars from 'handlebars';

import pageSource from '../../../templates/verification/page.hbs';
import { formatDateId, maskId } from '../indonesian/format';

export interface IssuedLetter {
	number: string;
	/** ISO date or timestamp of issue. */
	issuedAt: string;
	service: string;
	name: string;
	nik: string;
}

let compiled: HandlebarsTemplateDelegate | undefined;

export function verificationPage(
	letter: IssuedLetter | undefined,
	office: string,
): { statusCode: number; html: string } {
	compiled ??= Handlebars.compile(pageSource, { strict: false });
	const shown = letter && {
		number: letter.number,
		date: formatDateId(letter.issuedAt),
		service: letter.service,
		name: letter.name,
		nik: maskId(letter.nik),
	};
	return { statusCode: shown ? 200 : 404, html: compiled({ letter: shown, office }) };
}
