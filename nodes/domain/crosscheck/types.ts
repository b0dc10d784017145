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
	| { kind: 'moneyPlausible'; field: string; min: number; message: string; refuse?: boolean };
