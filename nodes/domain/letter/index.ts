/**
 * The letter engine: template (Handlebars) → letter markup → document model → layout → PDF.
 * No n8n imports and no I/O, so it can be tested and benchmarked alone.
 */
import { drawLetter } from './draw';
import { layoutLetter } from './layout';
import type { PageGeometry } from './marks';
import { LETTER_TITLES, type Letterhead, type Signatory } from './letters';
import { MarkupError, parseLetterMarkup } from './markup';
import { TableLayoutError } from './layoutTable';
import { fillTemplate, LetterTemplateError } from './template';
import { letterWords } from './words';
import { registrationOf } from '../sheet/registration';

export {
	formatLetterNumber,
	newVerificationCode,
	verificationUrl,
	type LetterNumberParts,
} from './numbering';
export { LetterTemplateError, PARTIALS } from './template';
export {
	failureReason,
	letterheadProblems,
	refusalReason,
	type LetterheadProblem,
} from './readiness';
export { MarkupError, parseLetterMarkup } from './markup';
export {
	chooseSigner,
	deputySignatory,
	hasDeputy,
	inDeputyPeriod,
	SIGNER_WORDS,
	signerChoiceLabel,
	signerOfChoice,
	waitingSigner,
	type DeputySignatory,
	type SignerDecision,
	type SignerRole,
	type WaitingSigner,
} from './signer';
export { layoutLetter } from './layout';
export type { Mark, PageGeometry } from './marks';
export {
	LETTER_TEMPLATES,
	LETTER_TITLES,
	REGISTER_TEMPLATE,
	DEFAULT_LETTERHEAD,
	DEFAULT_SIGNATORY,
	type Letterhead,
	type Signatory,
} from './letters';

export type Paper = 'F4' | 'A4';
const MM = 72 / 25.4;
export const PAPER_MM: Readonly<Record<Paper, [number, number]>> = {
	F4: [215, 330],
	A4: [210, 297],
};

export interface MarginsMm {
	top: number;
	right: number;
	bottom: number;
	left: number;
}
export const DEFAULT_MARGINS_MM: Readonly<MarginsMm> = { top: 15, right: 20, bottom: 20, left: 25 };

export function pageGeometry(
	paper: Paper,
	margins: MarginsMm = DEFAULT_MARGINS_MM,
	landscape = false,
): PageGeometry {
	const [short, long] = PAPER_MM[paper];
	const [w, h] = landscape ? [long, short] : [short, long];
	return {
		width: w * MM,
		height: h * MM,
		margin: {
			top: margins.top * MM,
			right: margins.right * MM,
			bottom: margins.bottom * MM,
			left: margins.left * MM,
		},
	};
}

export interface LetterRequest {
	/** Name used in error messages (e.g. the service key). */
	templateName: string;
	/** Handlebars source of the letter. */
	template: string;
	/** The approved application: { ticket, serviceKey, serviceTitle, name, data, documents, letter, … }. */
	application: Record<string, unknown>;
	letterhead: Letterhead;
	signatory: Signatory;
	number: string;
	/** Issue date, `YYYY-MM-DD`. */
	date: string;
	verificationCode: string;
	verificationUrl: string;
	paper?: Paper;
	margins?: MarginsMm;
	/** The paper turned, for a wide table (the monthly register). */
	landscape?: boolean;
	/** The office's emblem as PNG or JPEG; the bundled neutral emblem when absent. */
	emblem?: Uint8Array;
}

export interface RenderedLetter {
	pdf: Uint8Array;
	pages: number;
	title: string;
	/** Characters replaced because the font lacks them, and similar notes for the staff. */
	warnings: string[];
	/** A draft to be signed by hand first (the heirs' statement before its registration). */
	draft: boolean;
}

function letterTitle(app: Record<string, unknown>): string {
	const letter = (app.letter ?? {}) as Record<string, unknown>;
	const key = String(letter.template ?? app.serviceKey ?? '');
	return String(letter.title || LETTER_TITLES[key] || app.serviceTitle || 'Surat Keterangan');
}

/**
 * The registration staff record after the heirs signed a statement in front of the Lurah
 * (`letter.register`: number and date, as typed); empty before.
 */
function registerOf(app: Record<string, unknown>): { number: string; date: string } {
	return registrationOf(app) ?? { number: '', date: '' };
}

/** Everything a template can use: the application's fields plus the office's settings. */
export function letterContext(req: LetterRequest): Record<string, unknown> {
	const title = letterTitle(req.application);
	return {
		ticket: '',
		name: '',
		data: {},
		documents: {},
		...req.application,
		title,
		letterhead: req.letterhead,
		signatory: req.signatory,
		number: req.number,
		date: req.date,
		verification: { code: req.verificationCode, url: req.verificationUrl },
		register: registerOf(req.application),
	};
}

/** Fills the template and lays the letter out; errors come before any PDF is written. */
export function composeLetter(req: LetterRequest) {
	const markup = fillTemplate(req.templateName, req.template, letterContext(req));
	let doc;
	try {
		doc = parseLetterMarkup(markup);
	} catch (error) {
		if (error instanceof MarkupError)
			throw new LetterTemplateError(req.templateName, `markup error: ${error.message}`);
		throw error;
	}
	if (doc.pageLabel === undefined) doc.pageLabel = letterWords.pageLabel;
	const page = pageGeometry(req.paper ?? 'F4', req.margins, req.landscape);
	try {
		return { page, laid: layoutLetter(doc, page) };
	} catch (error) {
		if (error instanceof TableLayoutError)
			throw new LetterTemplateError(req.templateName, error.message);
		throw error;
	}
}

export async function renderLetter(req: LetterRequest): Promise<RenderedLetter> {
	const { page, laid } = composeLetter(req);
	const title = letterTitle(req.application);
	const pdf = await drawLetter(laid, {
		page,
		emblem: req.emblem,
		qrText: req.verificationUrl || title,
		title: `${title} ${req.number}`.trim(),
		subject: title,
		verificationCode: req.verificationCode,
	});
	return {
		pdf,
		pages: laid.pages.length,
		title,
		warnings: laid.warnings,
		draft: Boolean(laid.draft),
	};
}
