/**
 * Who signs a letter: the Lurah, or the deputy Setup records (the Sekretaris Kelurahan signing
 * "a.n. Lurah", or a Plh./Plt. appointed while the Lurah is away). Staff pick per request in the
 * sheet's signer column; an empty cell is the Lurah unless the office set a period in which the
 * deputy signs. The row's choice beats the period. The words staff pick from, and the reasons
 * they read when a cell cannot be followed, are data (templates/sheet.json).
 */
import sheetJson from '../../../templates/sheet.json';
import type { Signatory } from './letters';
import { letterWords } from './words';

export type SignerRole = 'lurah' | 'deputy';

/** The deputy as Setup records it: the letter's lines, the TTE identity and the period. */
export interface DeputySignatory extends Signatory {
	/** The deputy's NIK at BSrE (the TTE identity). */
	tteNik?: string;
	/** First and last day (`YYYY-MM-DD`, inclusive) the deputy signs every letter not picked otherwise. */
	from?: string;
	to?: string;
}

export interface SignerWords {
	/** The dropdown's values. */
	choices: { lurah: string; deputy: string };
	/** The signer column's header, as named in reasons. */
	column: string;
	/** `{column}`, `{value}`, `{choices}`: a cell that is no choice. */
	unknownSigner: string;
	/** `{column}`, `{deputy}`: the deputy picked but none recorded. */
	noDeputy: string;
}

export const SIGNER_WORDS: Readonly<SignerWords> = {
	choices: sheetJson.signers,
	column: sheetJson.columns.signer,
	unknownSigner: sheetJson.problems.unknownSigner,
	noDeputy: sheetJson.problems.noDeputy,
};

export type SignerDecision = { role: SignerRole } | { problem: string };

const fill = (text: string, values: Record<string, string>) =>
	text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const same = (a: unknown, b: unknown) =>
	String(a ?? '')
		.trim()
		.toLowerCase() ===
		String(b ?? '')
			.trim()
			.toLowerCase() && String(b ?? '').trim() !== '';

/** A deputy with the name and NIP a letter needs. */
export const hasDeputy = (deputy?: Partial<DeputySignatory>): deputy is DeputySignatory =>
	Boolean(deputy?.name?.trim() && String(deputy.nip ?? '').trim());

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `date` (`YYYY-MM-DD`) lies in the deputy's period; an open end reaches as far as it goes. */
export function inDeputyPeriod(date: string, deputy?: Partial<DeputySignatory>): boolean {
	const from = String(deputy?.from ?? '').trim();
	const to = String(deputy?.to ?? '').trim();
	if (!DAY.test(date) || (!DAY.test(from) && !DAY.test(to))) return false;
	return (!DAY.test(from) || date >= from) && (!DAY.test(to) || date <= to);
}

/**
 * The signer of a letter issued on `date`: the row's cell (the dropdown's words, or the deputy's
 * name or title typed in) first; an empty cell is the deputy within the deputy's period, else the
 * Lurah. A cell naming nobody, or the deputy when Setup recorded none, is a problem for staff.
 */
export function chooseSigner(
	cell: unknown,
	date: string,
	deputy?: Partial<DeputySignatory>,
	words: SignerWords = SIGNER_WORDS,
): SignerDecision {
	const value = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
	const known = hasDeputy(deputy);
	if (!value) return { role: known && inDeputyPeriod(date, deputy) ? 'deputy' : 'lurah' };
	if (same(value, words.choices.lurah)) return { role: 'lurah' };
	const namesDeputy =
		same(value, words.choices.deputy) || same(value, deputy?.name) || same(value, deputy?.title);
	if (namesDeputy && known) return { role: 'deputy' };
	if (namesDeputy)
		return {
			problem: fill(words.noDeputy, { column: words.column, deputy: words.choices.deputy }),
		};
	return {
		problem: fill(words.unknownSigner, {
			column: words.column,
			value,
			choices: `${words.choices.lurah}, ${words.choices.deputy}`,
		}),
	};
}

/** A Plh. or Plt. title: the deputy signs in the office's name, with no "a.n." line. */
const ACTING = /^\s*pl[ht]\.?\s/i;

/**
 * The signature lines for the deputy: "a.n. <the Lurah's title>" above the deputy's own title
 * (tata naskah dinas: signing on behalf), or the deputy's title alone when it is a Plh./Plt. one
 * ("Plh. LURAH ORO-ORO OMBO"). Name, pangkat and NIP are the deputy's.
 */
export function deputySignatory(lurah: Signatory, deputy: DeputySignatory): Signatory {
	const title = deputy.title?.trim() || letterWords.deputyTitle;
	const acting = ACTING.test(title);
	return {
		title,
		delegation: acting ? '' : letterWords.onBehalf.replace('{title}', lurah.title.trim()),
		name: deputy.name.trim(),
		pangkat: deputy.pangkat?.trim() ?? '',
		nip: String(deputy.nip ?? '').trim(),
	};
}

/** Between the dropdown's word and the signer's name in a choice's label ("Wakil — Siti Aminah"). */
export const CHOICE_SEPARATOR = ' — ';

/**
 * The label of a signer's choice on the batch-signing form: the dropdown's word, then the name
 * Setup recorded (`Wakil — Siti Aminah, S.E.`), or the word alone without a name.
 */
export function signerChoiceLabel(
	role: SignerRole,
	name?: string,
	words: SignerWords = SIGNER_WORDS,
): string {
	const who = String(name ?? '').trim();
	return who ? `${words.choices[role]}${CHOICE_SEPARATOR}${who}` : words.choices[role];
}

/**
 * The signer a choice on the batch-signing form names: its word (alone, or leading a label from
 * `signerChoiceLabel`), in any case. Anything else names nobody.
 */
export function signerOfChoice(
	choice: unknown,
	words: SignerWords = SIGNER_WORDS,
): SignerRole | undefined {
	const word = String(choice ?? '')
		.split(CHOICE_SEPARATOR.trim())[0]
		.trim();
	if (same(word, words.choices.lurah)) return 'lurah';
	if (same(word, words.choices.deputy)) return 'deputy';
	return undefined;
}

/** A letter's signer as the sheet's signer cell records it once the letter waits for the TTE. */
export type WaitingSigner = { role: SignerRole; word: string } | { problem: string };

/**
 * Who must sign a letter that now waits for the batch TTE, decided once (as `chooseSigner` on
 * `date`) and written to the row as the dropdown's word: the signer's notice counts it, the
 * signer's form lists it, and the printed letter follows the same cell.
 */
export function waitingSigner(
	cell: unknown,
	date: string,
	deputy?: Partial<DeputySignatory>,
	words: SignerWords = SIGNER_WORDS,
): WaitingSigner {
	const choice = chooseSigner(cell, date, deputy, words);
	return 'problem' in choice ? choice : { role: choice.role, word: words.choices[choice.role] };
}
