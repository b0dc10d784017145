/** The catalog's conditions and cross-field rules as types (read by conditions.ts, rules.ts). */

export interface Condition {
	/** Key of an earlier top-level field. */
	field: string;
	/** The condition holds when the answer is one of these… */
	in?: string[];
	/** …or is none of these (an unanswered field is none of them). */
	notIn?: string[];
}

export type Rule =
	| { kind: 'oneOf'; field: string; values: string[]; message: string; refuse?: boolean }
	| {
			kind: 'notBefore' | 'notAfter';
			field: string;
			than: string;
			message: string;
			refuse?: boolean;
	  }
	/** Money typed without "ribu"/"juta" ("750"): below `min` but not 0 is asked again. */
	| { kind: 'moneyPlausible'; field: string; min: number; message: string; refuse?: boolean }
	/**
	 * The deceased's spouse (heirs' statement): the spouse named in `spouse` must be the heir of
	 * the records field `field` whose `relation` is the wife or husband label, the deceased's sex
	 * (read from the NIK in `deceasedNik`) decides which of the two, and there is one spouse
	 * heir, or up to `maxWives` wives for a deceased man. `message` is the prefix of four
	 * messages: `.sex`, `.missing`, `.unnamed`, `.second`.
	 */
	| {
			kind: 'spouse';
			field: string;
			spouse: string;
			deceasedNik: string;
			relation: string;
			name: string;
			wife: string;
			husband: string;
			maxWives: number;
			message: string;
			refuse?: boolean;
	  };
