/**
 * The page behind a letter's QR code. It confirms only what the letter itself shows (number,
 * date, subject, holder with a masked NIK, office), says plainly when staff revoked the letter
 * (410), and answers the same "not found" for any code that matches nothing, so codes cannot be
 * probed for names.
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
	/** Staff revoked the letter: the page says so instead of confirming it. */
	revoked?: boolean;
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
		revoked: !!letter.revoked,
	};
	const statusCode = !shown ? 404 : shown.revoked ? 410 : 200;
	return { statusCode, html: compiled({ letter: shown, office }) };
}
