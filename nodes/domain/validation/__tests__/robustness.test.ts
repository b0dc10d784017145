import fc from 'fast-check';

import { defaultCatalog } from '../../catalog';
import { checkKk, checkNik, checkPhone, parseDate, parseMoney, validateField } from '..';

const now = new Date('2026-05-05T03:00:00Z');
const fields = defaultCatalog().services.flatMap((s) =>
	s.fields.filter((f) => f.type !== 'records'),
);
const messages = defaultCatalog().messages;
// Resident-like text: digits, separators and month words as well as anything at all.
const answer = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.stringMatching(/^[0-9 .,\-/]{0,24}$/),
	fc.constantFrom(
		'17 Agustus 1990',
		'1,5 juta',
		'Rp 1.500.000,-',
		'3577015708900002',
		'=1+1',
		'\u0000',
		'',
	),
);

describe('validators on arbitrary input', () => {
	it('never throw, and every error has an Indonesian message', () => {
		fc.assert(
			fc.property(answer, fc.nat(fields.length - 1), (text, i) => {
				const results = [
					checkNik(text, { birthDate: '1990-08-17', sex: 'Perempuan' }, now),
					checkKk(text, now),
					checkPhone(text),
					parseDate(text, now),
					parseMoney(text),
					validateField(fields[i], text, { values: { tanggal_lahir: '1990-08-17' }, now }),
				];
				for (const result of results) {
					if (!result.ok)
						expect(messages[`error.${result.error.code}`]).toEqual(expect.any(String));
				}
			}),
			{ numRuns: 3000 },
		);
	});

	it('a valid date always reads back as itself in DD-MM-YYYY form', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
				(d) => {
					const iso = d.toISOString().slice(0, 10);
					const [y, m, day] = iso.split('-');
					expect(parseDate(`${day}-${m}-${y}`, now)).toEqual({ ok: true, value: iso });
				},
			),
		);
	});
});
