/**
 * Letter templates: Handlebars in strict mode with the letter helpers. Before a template runs,
 * a checked pass rejects syntax errors, unknown helpers and unknown partials; a missing
 * variable stops the run. Every error names the template, the line and the variable.
 */
import Handlebars from 'handlebars';
import {
	formatDateId,
	formatPartialDateId,
	formatRupiah,
	maskId,
	parseIsoDate,
	toRoman,
} from '../indonesian/format';
import { rupiahWithWords, terbilang } from '../indonesian/terbilang';
import kop from '../../../templates/letters/partials/kop.hbs';
import identitas from '../../../templates/letters/partials/identitas.hbs';
import tandaTangan from '../../../templates/letters/partials/tanda-tangan.hbs';
import penutup from '../../../templates/letters/partials/penutup.hbs';
import kepala from '../../../templates/letters/partials/kepala.hbs';
import dasar from '../../../templates/letters/partials/dasar.hbs';
import { letterWords } from './words';

export class LetterTemplateError extends Error {
	constructor(
		readonly template: string,
		readonly reason: string,
		readonly line?: number,
		readonly variable?: string,
	) {
		super(`Letter template "${template}"${line ? `, line ${line}` : ''}: ${reason}`);
		this.name = 'LetterTemplateError';
	}
}

type Args = unknown[];
const value = (args: Args) => args.slice(0, -1);
const amount = (v: unknown) => {
	const n = typeof v === 'number' ? v : Number(String(v ?? '').replace(/[^\d-]/g, ''));
	if (!Number.isFinite(n)) throw new Error(`"${String(v)}" is not an amount of money`);
	return n;
};

/** Helpers available to every template; each takes its value(s) first. */
const HELPERS: Record<string, (...args: Args) => unknown> = {
	/** `{{date data.tanggal_lahir}}` → `5 Mei 2026`. */
	date: (...a) => formatDateId(String(value(a)[0] ?? '')),
	/** `{{romanMonth date}}` → `V`. */
	romanMonth: (...a) => {
		const d = parseIsoDate(String(value(a)[0] ?? ''));
		return d ? toRoman(d.getUTCMonth() + 1) : '';
	},
	rupiah: (...a) => formatRupiah(amount(value(a)[0])),
	/** `{{rupiahWords data.ayah_penghasilan}}` → `Rp1.500.000 (satu juta lima ratus ribu rupiah)`. */
	rupiahWords: (...a) => rupiahWithWords(amount(value(a)[0])),
	terbilang: (...a) => terbilang(amount(value(a)[0])),
	upper: (...a) => String(value(a)[0] ?? '').toLocaleUpperCase('id-ID'),
	mask: (...a) => maskId(String(value(a)[0] ?? '')),
	/** `{{inc @index}}`: numbering rows from 1. */
	inc: (...a) => Number(value(a)[0]) + 1,
	/** `{{or data.a data.b "-"}}`: the first value that is not empty. */
	or: (...a) => value(a).find((v) => v !== undefined && v !== null && v !== '') ?? '',
	/** `{{#if (eq data.barang_hilang "KK")}}`. */
	eq: (...a) => value(a)[0] === value(a)[1],
	/** `{{#if (oneOf data.barang_hilang "KK" "KTP dan KK")}}`. */
	oneOf: (...a) => value(a).slice(1).includes(value(a)[0]),
	lower: (...a) => String(value(a)[0] ?? '').toLocaleLowerCase('id-ID'),
	/** `{{monthYear data.usaha_sejak}}` → `Maret 2018`. */
	monthYear: (...a) => formatDateId(String(value(a)[0] ?? '')).replace(/^\d{1,2} /, ''),
	/**
	 * `{{since data.usaha_sejak}}`: a date as given → `tahun 2015`, `Maret 2015` or `1 Maret 2015`
	 * (a "since" date may be a year alone or a month and year).
	 */
	since: (...a) => formatPartialDateId(String(value(a)[0] ?? ''), letterWords.yearAlone),
	/** `{{validUntil date 3}}` → the issue date plus 3 months, `5 Agustus 2026`. */
	validUntil: (...a) => {
		const d = parseIsoDate(String(value(a)[0] ?? ''));
		if (!d) return '';
		const months = Number(value(a)[1]);
		const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
		// 31 May + 3 months is 31 August; 30 November + 3 months stops at the end of February.
		if (end.getUTCDate() !== d.getUTCDate()) end.setUTCDate(0);
		return formatDateId(end);
	},
	/** `{{purpose data.keperluan}}`: "untuk berobat" → "berobat" (the letter says "untuk keperluan"). */
	purpose: (...a) => letterWords.purpose(String(value(a)[0] ?? '')),
	/** `{{sameOr data.usaha_alamat (homeAddress data letterhead)}}`: "sama" → the home address. */
	sameOr: (...a) => letterWords.sameOr(String(value(a)[0] ?? ''), String(value(a)[1] ?? '')),
	homeAddress: (...a) => {
		const [data, head] = value(a) as [Record<string, unknown>, Record<string, unknown>];
		return `${data?.alamat ?? ''} RT ${data?.rt ?? ''} RW ${data?.rw ?? ''}, ${head?.area ?? ''}`;
	},
	/** `{{idNumber data.nomor_dtsen}}`: the number, or nothing for "gak tau", "-", "belum ada". */
	idNumber: (...a) => {
		const text = String(value(a)[0] ?? '').trim();
		return /^[0-9][0-9 ./-]*$/.test(text) && text.replace(/\D/g, '').length >= 6 ? text : '';
	},
	/** `{{sum data.penghasilan data.pasangan_penghasilan}}`: amounts added (empty counts 0). */
	sum: (...a) =>
		value(a).reduce<number>(
			(s, v) => s + (v === null || v === undefined || v === '' ? 0 : amount(v)),
			0,
		),
	/** `{{#each (heirs data.ahli_waris data.almarhum_agama)}}`: those who inherit. */
	heirs: (...a) => letterWords.heirs(value(a)[0], value(a)[1]),
	/** `{{#each (adopted data.ahli_waris data.almarhum_agama)}}`: adopted children under KHI. */
	adopted: (...a) => letterWords.adopted(value(a)[0], value(a)[1]),
	/** `{{count data.tanggungan}}` → `2 (dua)`. */
	count: (...a) => {
		const v = value(a)[0];
		const n = Array.isArray(v) ? v.length : amount(v);
		return `${n} (${terbilang(n)})`;
	},
};
const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

export const PARTIALS: Record<string, string> = {
	kop,
	kepala,
	dasar,
	identitas,
	'tanda-tangan': tandaTangan,
	penutup,
};

const hb = Handlebars.create();
for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);

type Ast = hbs.AST.Node & Record<string, unknown>;

function walk(node: unknown, visit: (n: Ast) => void): void {
	if (!node || typeof node !== 'object') return;
	if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
	const n = node as Ast;
	if (typeof n.type === 'string') visit(n);
	for (const key of [
		'body',
		'program',
		'inverse',
		'params',
		'path',
		'hash',
		'pairs',
		'value',
		'name',
	]) {
		if (key in n) walk(n[key], visit);
	}
}

/** The checked pass: syntax, helpers and partials, before any data is involved. */
function check(name: string, source: string): hbs.AST.Program {
	let ast: hbs.AST.Program;
	try {
		ast = hb.parse(source);
	} catch (error) {
		const line = /on line (\d+)/.exec((error as Error).message)?.[1];
		const detail = (error as Error).message.split('\n').slice(-1)[0];
		throw new LetterTemplateError(name, `syntax error: ${detail}`, line ? Number(line) : undefined);
	}
	walk(ast, (n) => {
		const line = (n.loc as hbs.AST.SourceLocation | undefined)?.start.line;
		if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
			const partial = (n.name as hbs.AST.PathExpression).original;
			if (!PARTIALS[partial])
				throw new LetterTemplateError(
					name,
					`unknown partial "${partial}" (known: ${Object.keys(PARTIALS).join(', ')})`,
					line,
					partial,
				);
		}
		if (
			n.type === 'MustacheStatement' ||
			n.type === 'SubExpression' ||
			n.type === 'BlockStatement'
		) {
			const path = n.path as hbs.AST.PathExpression;
			const isCall = (n.params as unknown[]).length > 0 || !!n.hash || n.type === 'BlockStatement';
			const helper = path.original;
			if (
				path.type === 'PathExpression' &&
				isCall &&
				!HELPERS[helper] &&
				!BUILT_IN.includes(helper)
			) {
				throw new LetterTemplateError(
					name,
					`unknown helper "${helper}" (known: ${[...Object.keys(HELPERS), ...BUILT_IN].join(', ')})`,
					line,
					helper,
				);
			}
		}
	});
	return ast;
}

/** Finds the variable the strict-mode error points at (line:column) in the template. */
function variableAt(ast: hbs.AST.Program, line: number, column: number): string | undefined {
	let found: string | undefined;
	walk(ast, (n) => {
		const loc = n.loc as hbs.AST.SourceLocation | undefined;
		if (
			n.type === 'PathExpression' &&
			loc &&
			loc.start.line === line &&
			loc.start.column <= column &&
			column <= loc.end.column
		) {
			found = n.original as string;
		}
	});
	return found;
}

interface Compiled {
	ast: hbs.AST.Program;
	run: HandlebarsTemplateDelegate;
}
const cache = new Map<string, Compiled>();

function compile(name: string, source: string): Compiled {
	const key = `${name}\u0000${source}`;
	let compiled = cache.get(key);
	if (!compiled) {
		const ast = check(name, source);
		compiled = { ast, run: hb.compile(ast, { strict: true }) };
		if (cache.size > 200) cache.clear();
		cache.set(key, compiled);
	}
	return compiled;
}

function execute(
	name: string,
	compiled: Compiled,
	context: unknown,
	options: Handlebars.RuntimeOptions,
): string {
	try {
		return compiled.run(context, options);
	} catch (error) {
		if (error instanceof LetterTemplateError) throw error;
		const message = (error as Error).message;
		const at = / - (\d+):(\d+)$/.exec(message);
		const missing = /^"([^"]+)" not defined in/.exec(message);
		if (missing && at) {
			const line = Number(at[1]);
			const variable = variableAt(compiled.ast, line, Number(at[2])) ?? missing[1];
			throw new LetterTemplateError(
				name,
				`variable "${variable}" is missing from the data`,
				line,
				variable,
			);
		}
		// JSON data can hold an object whose own "toString" is not a function: it cannot print.
		const reason = /convert object to primitive value/.test(message)
			? 'a value in the data is a structure where text or a number is expected'
			: message.replace(/ - \d+:\d+$/, '');
		throw new LetterTemplateError(name, reason, at ? Number(at[1]) : undefined);
	}
}

/** Fills a letter template with the letter's data; the result is letter markup. */
export function fillTemplate(
	name: string,
	source: string,
	context: Record<string, unknown>,
): string {
	const compiled = compile(name, source);
	const partials: Record<string, HandlebarsTemplateDelegate> = {};
	for (const [key, text] of Object.entries(PARTIALS)) {
		const partialName = `${name} > partial ${key}`;
		const part = compile(partialName, text);
		partials[key] = (ctx: unknown, options?: Handlebars.RuntimeOptions) =>
			execute(partialName, part, ctx, { ...options, partials });
	}
	return execute(name, compiled, context, { partials });
}
