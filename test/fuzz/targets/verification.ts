/**
 * The verification page, for any code and any request rows: 404 unless a numbered row carries
 * exactly that code, 410 when that row's Status is the revoked word, else 200 with the letter;
 * every value escaped (only the template's own tags in the HTML), the NIK never whole. The same
 * from the verification records those rows make (what the ready verify workflow reads).
 */
import fc from 'fast-check';

import pageSource from '../../../templates/verification/page.hbs';
import { DEFAULT_SHEET_LAYOUT, statusKeyOf } from '../../../nodes/domain/sheet/requestRow';
import {
	recordsFromRows,
	verificationAnswerFromRecord,
} from '../../../nodes/domain/sheet/letterRecord';
import { verificationAnswer, type Row } from '../../../nodes/domain/sheet/verification';
import { anyText, assert, weird, type FuzzTarget } from './common';

const c = DEFAULT_SHEET_LAYOUT.columns;
const CODE = 'K7QX3KD0ABCDEFGHJMNPQ';
const NIK = '3577014107900001';
const tagsOf = (html: string) =>
	new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
const TEMPLATE_TAGS = tagsOf(pageSource);
const htmlish = fc.oneof(
	anyText,
	fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=1>', '{{office}}', '&amp;'),
);

const row = fc.record(
	{
		[c.verificationCode]: fc.oneof(fc.constantFrom(CODE, ` ${CODE} `, ''), anyText, weird),
		[c.letterNumber]: fc.oneof(fc.constantFrom('474/012/401.301.3/2026', ''), htmlish, weird),
		[c.status]: fc.oneof(
			fc.constantFrom(...Object.values(DEFAULT_SHEET_LAYOUT.statuses)),
			fc.constantFrom(' dicabut ', 'DICABUT', 'Dicabut'),
			anyText,
		),
		[c.name]: fc.oneof(htmlish, weird),
		[c.service]: htmlish,
		[c.nik]: fc.oneof(fc.constant(NIK), anyText),
		[c.completedAt]: fc.oneof(fc.constantFrom('2026-05-05T03:00:00Z', '2026-13-45'), anyText),
	},
	{ requiredKeys: [] },
) as fc.Arbitrary<Row>;

interface Scan {
	rows: Row[];
	code: string;
	office: string;
}

const cell = (r: Row, key: string) => {
	const v = r[key];
	return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
};

export const verificationScans: FuzzTarget<Scan> = {
	name: 'verification page for any code',
	runs: 2000,
	arbitrary: fc.record({
		rows: fc.array(row, { maxLength: 5 }),
		code: fc.oneof(fc.constantFrom(CODE, ` ${CODE}`, '', '../../etc'), anyText),
		office: htmlish,
	}),
	check({ rows, code, office }) {
		const { statusCode, html } = verificationAnswer(rows, code, office);
		const match = code.trim()
			? rows.find((r) => cell(r, c.verificationCode) === code.trim() && cell(r, c.letterNumber))
			: undefined;
		const expected = !match ? 404 : statusKeyOf(cell(match, c.status)) === 'revoked' ? 410 : 200;
		assert(statusCode === expected, `answered ${statusCode}, expected ${expected}`);
		for (const tag of tagsOf(html))
			assert(TEMPLATE_TAGS.has(tag), `an unescaped <${tag}> in the page`);
		if (match && cell(match, c.nik) === NIK)
			assert(!html.includes(NIK), 'the whole NIK is on the page');

		const record = recordsFromRows(rows).find((r) => r.code === code.trim());
		const fromRecord = verificationAnswerFromRecord(record, code, office);
		const expectedFromRecord = !record ? 404 : record.status === 'revoked' ? 410 : 200;
		assert(
			fromRecord.statusCode === expectedFromRecord,
			`from the record: answered ${fromRecord.statusCode}, expected ${expectedFromRecord}`,
		);
		for (const tag of tagsOf(fromRecord.html))
			assert(TEMPLATE_TAGS.has(tag), `an unescaped <${tag}> in the page from a record`);
		assert(!fromRecord.html.includes(NIK), 'the whole NIK is on the page from a record');
		return String(statusCode);
	},
};
