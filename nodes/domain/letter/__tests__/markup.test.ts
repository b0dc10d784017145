import { parseLetterMarkup } from '..';

describe('letter markup', () => {
	it('turns nested bold/italic/underline into styled runs, whitespace collapsed', () => {
		const doc = parseLetterMarkup(
			'<letter><p>Nama  <b>Siti <u>Ümmü</u></b>\n <i>x</i></p></letter>',
		);
		expect(doc.blocks[0]).toMatchObject({
			kind: 'paragraph',
			align: 'justify',
			runs: [
				{ text: 'Nama ' },
				{ text: 'Siti ', bold: true },
				{ text: 'Ümmü', bold: true, underline: true },
				{ text: ' ' },
				{ text: 'x', italic: true },
			],
		});
	});

	it('decodes escaped values back to the text the resident typed', () => {
		const doc = parseLetterMarkup(
			'<letter><p>&lt;b&gt;x&lt;/b&gt; &amp; &#x27;{{a}}&#x27; &#x3D;</p></letter>',
		);
		expect(doc.blocks[0]).toMatchObject({ runs: [{ text: "<b>x</b> & '{{a}}' =" }] });
	});

	it('reads fields, tables with header rows, and the signature with its countersignature', () => {
		const doc = parseLetterMarkup(`<letter>
			<fields><field label="Nama">Siti</field></fields>
			<table widths="1,3"><tr><th>No</th><th>Nama</th></tr><tr><td>1</td><td>Budi</td></tr></table>
			<signature><countersign><line>Mengetahui,</line></countersign><line>LURAH</line><qr/><gap size="20"/></signature>
		</letter>`);
		expect(doc.blocks.map((b) => b.kind)).toEqual(['fields', 'table', 'signature']);
		expect(doc.blocks[1]).toMatchObject({
			widths: [1, 3],
			header: [[[{ text: 'No', bold: true }], [{ text: 'Nama', bold: true }]]],
			rows: [[[{ text: '1' }], [{ text: 'Budi' }]]],
		});
		expect(doc.blocks[2]).toMatchObject({
			left: [{ kind: 'text' }],
			lines: [{ kind: 'text' }, { kind: 'qr' }, { kind: 'gap', size: 20 }],
		});
	});

	it('rejects unknown elements, stray text and bad numbers with the line', () => {
		expect(() => parseLetterMarkup('<letter>\n\n<blink>x</blink></letter>')).toThrow(
			/<blink> cannot be used inside <letter>.*\(line 3 /,
		);
		expect(() => parseLetterMarkup('<letter>loose text</letter>')).toThrow(
			/must be inside an element/,
		);
		expect(() => parseLetterMarkup('<letter><space size="big"/></letter>')).toThrow(/not a number/);
		expect(() => parseLetterMarkup('<p>x</p>')).toThrow(
			/<p> cannot be used inside <#root>|expected <letter>/,
		);
	});
});
