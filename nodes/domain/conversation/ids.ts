/**
 * Button and list-row ids that stand on their own. Residents scroll up and tap buttons of older
 * messages, so every id says what it answers: `<local>~<kind>~<arg>…`. `<local>` is the id the
 * state's handler matches (the whole id of earlier versions: `confirm`, `score:3`, a service
 * key), `<kind>` and its args say which question, draft, ticket or service it belongs to.
 * An id without `~` (sent by an earlier version) is answered by the current state as before.
 */
import { createHash } from 'crypto';

export type TapKind =
	/** services list row: [mode r|i]; local = service key */
	| 'svc'
	/** requirements card: [service key, mode]; local = continue|back|request|menu */
	| 'req'
	/** reuse remembered data: [draft]; local = reuse|refill */
	| 'reuse'
	/** a field's option or skip: [draft, position]; local = option id|skip */
	| 'fld'
	/** the birth date and sex read from the NIK: [draft, position]; local = yes|no */
	| 'nik'
	/** another record?: [draft, position]; local = add|done */
	| 'rec'
	/** a document's done/skip: [draft, document index]; local = done|skip */
	| 'doc'
	/** the summary: [service key, draft, content signature]; local = confirm|change|cancel */
	| 'sum'
	/** leave the draft for what was tapped?: [draft]; local = leave|stay */
	| 'leave'
	/** survey invitation: [ticket, service title]; local = survey:start|survey:skip */
	| 'inv'
	/** a survey element's score: [ticket, element]; local = score:N */
	| 'ikm'
	/** the survey's last question: [ticket]; local = skip */
	| 'sug'
	/** a complaint's photo / confirmation: [complaint id]; local = skip|confirm|rewrite|cancel */
	| 'cmp';

const KINDS = new Set<TapKind>([
	'svc',
	'req',
	'reuse',
	'fld',
	'nik',
	'rec',
	'doc',
	'sum',
	'leave',
	'inv',
	'ikm',
	'sug',
	'cmp',
]);

export interface Tap {
	local: string;
	kind: TapKind;
	args: string[];
}

const SEP = '~';
/** List row ids are limited to 200 characters (reply buttons to 256): args are cut to fit. */
const MAX_ID = 200;

/** Builds an id; `~` inside an argument (a service title) is replaced so it cannot split. */
export function tapId(local: string, kind: TapKind, ...args: string[]): string {
	const clean = (x: string) => x.split(SEP).join('-');
	const id = [clean(local), kind, ...args.map(clean)].join(SEP);
	return id.length <= MAX_ID ? id : id.slice(0, MAX_ID);
}

/** The parts of an id built by `tapId`, or undefined for an id of an earlier version. */
export function parseTap(id: string | undefined): Tap | undefined {
	if (typeof id !== 'string' || !id.includes(SEP)) return undefined;
	const [local, kind, ...args] = id.split(SEP);
	if (!local || !KINDS.has(kind as TapKind)) return undefined;
	return { local, kind: kind as TapKind, args };
}

/** A short stable hash (base 36), for draft ids and summary signatures. */
export function shortHash(text: string, length = 6): string {
	const digest = createHash('sha256').update(text).digest();
	let n = 0;
	for (let i = 0; i < 6; i++) n = n * 256 + digest[i];
	return n.toString(36).padStart(length, '0').slice(-length);
}

/**
 * A position inside a request as an id argument: the field index, or `field.record.subField`
 * inside a list of records. Indexes only, never key names: ids sent by any version compare equal.
 */
export function posKey(
	pos: { field?: number; record?: number; subField?: number } | undefined,
): string {
	if (!pos) return '';
	return [pos.field, pos.record, pos.subField].filter((x) => x !== undefined).join('.');
}
