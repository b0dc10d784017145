/**
 * The service catalog: what an office offers, what each letter needs, and every text a resident
 * reads in the chat. It is data an admin edits (JSON in the Service Desk node, or the bundled
 * default in templates/), validated by the loader with errors that name the path.
 */
import type { Condition, Rule } from '../crosscheck/types';

export type FieldType =
	| 'text'
	| 'number'
	| 'year'
	| 'date'
	| 'choice'
	| 'nik'
	| 'kk'
	| 'phone'
	| 'money'
	| 'records';

export interface ChoiceOption {
	id: string;
	label: string;
	/** Other words residents use for this option ("islam", "muslim"). */
	aliases?: string[];
}

export interface FieldValidation {
	minLength?: number;
	maxLength?: number;
	/** Numbers, years, money: inclusive bounds. */
	min?: number;
	max?: number;
	/** Text: a regular expression the whole answer must match, with the message key to show. */
	pattern?: string;
	patternMessage?: string;
	/** Text: an all-digit answer shorter than this gets leading zeros (RT "2" → "002", as on the KTP). */
	padDigits?: number;
	/** Dates: reject dates after / before today. */
	notFuture?: boolean;
	notPast?: boolean;
	/** Dates: also a year alone (`2015`) or a month and year (`Maret 2015`), stored as given. */
	partial?: boolean;
}

export interface FieldSpec {
	key: string;
	label: string;
	/** What the bot asks, in the resident's language. */
	question: string;
	type: FieldType;
	required: boolean;
	hint?: string;
	/** For `choice`. */
	options?: ChoiceOption[];
	validation?: FieldValidation;
	/** For `records` (heirs, dependants): the fields of one record. */
	fields?: FieldSpec[];
	minItems?: number;
	maxItems?: number;
	/** For `records`: what one record is called ("ahli waris"). */
	itemLabel?: string;
	/** For `nik`: keys of fields (earlier in the same record or service) to cross-check against. */
	crossCheck?: { birthDate?: string; sex?: string };
	/**
	 * "sama" answers with these earlier fields (of the request, outside a record), joined: the
	 * first as it is, the others with their label (`Jl. Salak 3, RT 003, RW 005`).
	 */
	sameAs?: string[];
	/** Identity data a returning resident is offered instead of typing it again. */
	remember?: boolean;
	/** Asked only when an earlier answer fits (nodes/domain/crosscheck). */
	when?: Condition;
	/** For `text`: how an all-lowercase answer is capitalised for the letter (validation/text.ts). */
	capitalize?: 'words' | 'sentence';
}

/** A field list may reuse a named field set: `{ "use": "identitas" }`. */
export type FieldEntry = FieldSpec | { use: string };

export interface DocumentSpec {
	key: string;
	label: string;
	/** How many files at least / at most (photos of several pages, every heir's KTP…). */
	min: number;
	max: number;
	optional: boolean;
	hint?: string;
	/** Asked only when an earlier answer fits ("KK" not asked when the KK is what was lost). */
	when?: Condition;
}

export interface ServiceSpec {
	key: string;
	title: string;
	/** A short title for a button (at most 20 characters: "SKCK"), when the title is longer. */
	buttonTitle?: string;
	description: string;
	/** Words that find this service when typed ("kur", "usaha"): hints, outweighed by `names`. */
	keywords?: string[];
	/** What residents call this service: official title, abbreviations, misspellings ("sktm", "suket tidak mampu"). */
	names?: string[];
	fields: FieldEntry[];
	documents: DocumentSpec[];
	letter: {
		/** Key of the letter template (templates/letters/<template>.hbs). */
		template: string;
		/** Title printed on the letter ("SURAT KETERANGAN USAHA"). */
		title: string;
		/** Archive classification for the number ("400.12.2"); the office may change it. */
		classification: string;
		/** Where the default classification comes from, for the admin who checks it. */
		classificationSource?: string;
		/**
		 * Issued in two steps (the heirs' statement): first a draft the signers sign by hand in
		 * front of the Lurah, without register number or date and never e-signed; then, once staff
		 * record the registration in the row, the registered letter (nodes/domain/sheet/registration).
		 */
		twoStep?: boolean;
	};
	/** Answers that contradict each other or the letter (nodes/domain/crosscheck). */
	rules?: Rule[];
	/**
	 * The published service standard: working days from a complete request to the letter. A
	 * request waiting longer is brought to the staff's attention (staff alerts); none: no reminder.
	 */
	standardDays?: number;
}

export interface OfficeInfo {
	name: string;
	/** Shown in the greeting and help texts. */
	hours?: string;
	address?: string;
	/** A map link for the office, sent with the address. */
	mapUrl?: string;
}

export interface CatalogSettings {
	/** Idle minutes after which a half-finished conversation is closed politely. */
	sessionTimeoutMinutes: number;
	/** Hours a half-filled request is kept while the resident fetches a document (default 24). */
	draftTimeoutHours?: number;
	/** Minutes the bot stays quiet after a hand-off to staff, unless staff resume it earlier. */
	handoffTimeoutMinutes: number;
	/** Longest text the bot reads; longer messages get a short answer. */
	maxTextLength: number;
	/** Days a resident's identity is remembered after a request (default 90; identity.ts). */
	identityRetentionDays?: number;
	/** Offer to read the resident's identity from a photo of their KTP (conversation/ktpStep.ts). */
	ktpPhoto?: boolean;
	/** Voice notes are transcribed (by the service the intake's Read Media sub-workflow calls). */
	voiceNotes?: boolean;
}

/** Resident-facing texts by key; `{name}` placeholders are filled in by the engine. */
export type Messages = Record<string, string>;

/** The catalog as an admin writes it. */
export interface CatalogInput {
	office: OfficeInfo;
	settings?: Partial<CatalogSettings>;
	fieldSets?: Record<string, FieldSpec[]>;
	services: ServiceSpec[];
	/** Overrides for the default messages (templates/messages.json). */
	messages?: Messages;
}

/** The catalog after loading: field sets expanded, defaults merged, everything checked. */
export interface Catalog {
	office: OfficeInfo;
	settings: CatalogSettings;
	services: ResolvedService[];
	messages: Messages;
	/** The field sets, kept so that a catalog extending this one can `use` them too. */
	fieldSets?: Record<string, FieldSpec[]>;
}

export interface ResolvedService extends Omit<ServiceSpec, 'fields'> {
	fields: FieldSpec[];
}
