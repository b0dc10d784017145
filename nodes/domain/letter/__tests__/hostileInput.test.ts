/**
 * Templates and values that would hang or misprint a naive letter engine (cases of the fuzz
 * suite in test/fuzz): a column narrower than one glyph, an entity named like an Object.prototype
 * member, an amount beyond what the number speller spells.
 */
import { LetterTemplateError, composeLetter, parseLetterMarkup, renderLetter } from '..';
import { TERBILANG_MAX, terbilang } from '../../indonesian/terbilang';
import { parseMoney } from '../../validation/money';
import { renderMessage } from '../../catalog/render';
import messages from '../../../../templates/validation-messages.json';
import { readPdf } from '../../../../test/support/pdfText';
import { sampleRequest } from '../../../../test/support/letterSamples';

const letter = (body: string) =>
	sampleRequest('sku-kur', { template: `<letter>${body}</letter>`, templateName: 'custom' });

describe('a table column narrower than one glyph', () => {
	it('is widened to its longest word when the table has room, so the word prints whole', async () => {
		const request = letter(
			'<table widths="1,400"><tr><td>WAWASAN</td><td>Kolom lebar</td></tr></table>',
		);
		const [page] = await readPdf((await renderLetter(request)).pdf);
		expect(page.text).toContain('WAWASAN');
		expect(page.text).toContain('Kolom lebar');
	});

	it('finishes without room to widen it, setting one character per line, and prints every character', async () => {
		const request = letter(
			`<table widths="1,400"><tr><td>WAWASAN</td><td>${'X'.repeat(160)}</td></tr></table>`,
		);
		const { laid } = composeLetter(request);
		expect(laid.pages).toHaveLength(1);
		const rendered = await renderLetter(request);
		const [page] = await readPdf(rendered.pdf);
		for (const ch of 'WAWASAN') expect(page.items.some((i) => i.str === ch)).toBe(true);
	});

	it('refuses a header that such a column makes taller than a page, as a template error', () => {
		const request = letter(
			`<table widths="1,400"><tr><th>${'W'.repeat(300)}</th><th>x</th></tr><tr><td>a</td><td>b</td></tr></table>`,
		);
		expect(() => composeLetter(request)).toThrow(LetterTemplateError);
		expect(() => composeLetter(request)).toThrow(/table header is taller than a page/);
	});

	it('refuses widths that are not finite positive numbers, naming them', () => {
		expect(() => parseLetterMarkup('<letter><table widths="Infinity,1"></table></letter>')).toThrow(
			/widths="Infinity,1".*positive numbers/,
		);
	});
});

describe('entities', () => {
	it.each(['constructor', 'toString', '__proto__', 'valueOf'])(
		'"&%s;" prints as typed, never JavaScript source',
		(name) => {
			const doc = parseLetterMarkup(`<letter><p>a &${name}; b</p></letter>`);
			expect(doc.blocks[0]).toMatchObject({ runs: [{ text: `a &${name}; b` }] });
		},
	);
});

describe('amounts in words', () => {
	it('spells the largest amount a money field accepts', () => {
		expect(terbilang(TERBILANG_MAX)).toMatch(
			/^sembilan ratus sembilan puluh sembilan triliun .* sembilan$/,
		);
	});

	it('a money field refuses more than the speller spells, saying the most it takes', () => {
		for (const typed of ['1000 triliun', '9007199254740991']) {
			const result = parseMoney(typed);
			expect(result).toEqual({
				ok: false,
				error: { code: 'money.tooLarge', params: { max: 'Rp999.999.999.999.999' } },
			});
		}
		const text = renderMessage(messages, 'error.money.tooLarge', { max: 'Rp999.999.999.999.999' });
		expect(text).toContain('Rp999.999.999.999.999');
		expect(parseMoney('999 triliun')).toEqual({ ok: true, value: 999e12 });
	});

	it('a template that spells a larger amount fails as a template error saying so', async () => {
		const request = letter('<p>{{terbilang 10000000000000000}}</p>');
		await expect(renderLetter(request)).rejects.toThrow(LetterTemplateError);
		await expect(renderLetter(request)).rejects.toThrow(/too large to spell/);
	});
});
