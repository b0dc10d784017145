/**
 * Sharing the office's spreadsheet and Drive folder with staff: the e-mail addresses an admin
 * typed (comma, semicolon or space separated), each given edit rights on both files.
 */

// What Drive accepts as a user's address in practice; anything else is reported, not sent.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export interface StaffShare {
	fileId: string;
	/** Which of the office's files, for the finish page. */
	file: 'spreadsheet' | 'folder';
	emailAddress: string;
}

export interface StaffEmails {
	valid: string[];
	invalid: string[];
}

/** The typed addresses, trimmed, lower-cased and without repeats. */
export function staffEmails(typed: unknown): StaffEmails {
	const parts = String(typed ?? '')
		.split(/[\s,;]+/)
		.map((part) => part.trim().toLowerCase())
		.filter(Boolean);
	const unique = [...new Set(parts)];
	return {
		valid: unique.filter((email) => EMAIL.test(email)),
		invalid: unique.filter((email) => !EMAIL.test(email)),
	};
}

/** One share per address and file: the spreadsheet first, then the folder. */
export function staffShares(
	typed: unknown,
	files: { spreadsheetId: string; folderId: string },
): StaffShare[] {
	return staffEmails(typed).valid.flatMap((emailAddress) => [
		{ fileId: files.spreadsheetId, file: 'spreadsheet' as const, emailAddress },
		{ fileId: files.folderId, file: 'folder' as const, emailAddress },
	]);
}
