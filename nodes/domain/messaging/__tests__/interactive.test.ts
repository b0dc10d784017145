import fc from 'fast-check';

import {
	clampButtons,
	clampList,
	fitsInteractive,
	splitText,
	toNumberedText,
	truncate,
} from '../interactive';
import { WHATSAPP_LIMITS } from '../types';

describe('truncate', () => {
	it('keeps short text and ends cut text with an ellipsis within the limit', () => {
		expect(truncate('SKTM', 20)).toBe('SKTM');
		expect(truncate('Surat Keterangan Tidak Mampu', 20)).toBe('Surat Keterangan Ti…');
		expect(truncate('Surat Keterangan Tidak Mampu', 20)).toHaveLength(20);
	});

	it('counts emoji as one character and never exceeds the limit', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 80 }),
				fc.integer({ min: 1, max: 40 }),
				(s, max) => {
					expect(Array.from(truncate(s, max)).length).toBeLessThanOrEqual(max);
				},
			),
		);
		expect(truncate('👍👍👍', 2)).toBe('👍…');
	});
});

describe('clamping interactive replies', () => {
	it('fits every text of a buttons reply into Meta limits', () => {
		const long = 'x'.repeat(2000);
		const r = clampButtons({
			type: 'buttons',
			text: long,
			header: long,
			footer: long,
			buttons: [{ id: 'y'.repeat(300), title: long }],
		});
		expect(r.text).toHaveLength(WHATSAPP_LIMITS.interactiveBody);
		expect(r.header).toHaveLength(WHATSAPP_LIMITS.header);
		expect(r.footer).toHaveLength(WHATSAPP_LIMITS.footer);
		expect(r.buttons[0].title).toHaveLength(WHATSAPP_LIMITS.buttonTitle);
		expect(r.buttons[0].id).toHaveLength(256);
	});

	it('fits list button, section titles, row titles and descriptions', () => {
		const long = 'z'.repeat(100);
		const r = clampList({
			type: 'list',
			text: 't',
			button: long,
			sections: [{ title: long, rows: [{ id: 'a', title: long, description: long }] }],
		});
		expect(r.button).toHaveLength(WHATSAPP_LIMITS.listButton);
		expect(r.sections[0].title).toHaveLength(WHATSAPP_LIMITS.listSectionTitle);
		expect(r.sections[0].rows[0].title).toHaveLength(WHATSAPP_LIMITS.listRowTitle);
		expect(r.sections[0].rows[0].description).toHaveLength(WHATSAPP_LIMITS.listRowDescription);
	});

	it('says when a reply has too many options to be interactive', () => {
		const b = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${i}`, title: `${i}` }));
		expect(fitsInteractive({ type: 'buttons', text: '', buttons: b(3) })).toBe(true);
		expect(fitsInteractive({ type: 'buttons', text: '', buttons: b(4) })).toBe(false);
		expect(
			fitsInteractive({
				type: 'list',
				text: '',
				button: 'x',
				sections: [{ rows: b(6) }, { rows: b(4) }],
			}),
		).toBe(true);
		expect(
			fitsInteractive({
				type: 'list',
				text: '',
				button: 'x',
				sections: [{ rows: b(6) }, { rows: b(5) }],
			}),
		).toBe(false);
	});
});

describe('toNumberedText', () => {
	it('numbers options across sections, with header and footer', () => {
		expect(
			toNumberedText({
				type: 'list',
				header: 'Layanan',
				text: 'Pilih:',
				button: 'x',
				footer: 'Ketik angkanya',
				sections: [
					{ rows: [{ id: 'a', title: 'SKU', description: 'KUR' }] },
					{ rows: [{ id: 'b', title: 'SKTM' }] },
				],
			}),
		).toBe('*Layanan*\n\nPilih:\n\n1. SKU (KUR)\n2. SKTM\n\n_Ketik angkanya_');
	});
});

describe('splitText', () => {
	it('keeps text under the limit in one piece', () => {
		expect(splitText('halo', 10)).toEqual(['halo']);
		expect(splitText('', 10)).toEqual(['']);
	});

	it('splits at paragraph, line or word boundaries and loses no words', () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 200 }),
				(words) => {
					const text = words.join(' ');
					const parts = splitText(text, 50);
					for (const p of parts) expect(Array.from(p).length).toBeLessThanOrEqual(50);
					expect(parts.join(' ').split(/\s+/)).toEqual(words);
				},
			),
		);
	});
});
