/** The document model of a letter: what the template describes, before any page exists. */

export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	/** A forced line break after this run (`<br/>`). */
	br?: boolean;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface KopLine {
	runs: Run[];
	size: number;
}

export type Block =
	| { kind: 'kop'; lines: KopLine[]; emblem: boolean }
	| { kind: 'title'; runs: Run[]; size: number }
	| { kind: 'paragraph'; runs: Run[]; align: Align; indent: number; firstIndent: number }
	| { kind: 'fields'; rows: Array<{ label: Run[]; value: Run[] }>; indent: number }
	| {
			kind: 'table';
			widths: number[];
			header: Run[][][];
			rows: Run[][][];
			align: Align[];
			size?: number;
	  }
	| { kind: 'space'; size: number }
	| { kind: 'pagebreak' }
	| { kind: 'signature'; lines: SignatureLine[]; left: SignatureLine[] };

export type SignatureLine =
	| { kind: 'text'; runs: Run[]; size?: number }
	| { kind: 'qr' }
	/** Room for the signature; `sign`: the space an electronic signature's mark is drawn in. */
	| { kind: 'gap'; size: number; sign?: boolean };

export interface LetterDocument {
	blocks: Block[];
	/** Base font size in points. */
	size: number;
	/** Room below a paragraph or field block, in ems (0.4 when absent). */
	after?: number;
	/** A draft to be signed by hand first (an heirs' statement before registration): never e-signed with a mark. */
	draft?: boolean;
	/** Printed at the foot of each page when the letter runs over more than one: `Halaman {page} dari {pages}`. */
	pageLabel?: string;
}
