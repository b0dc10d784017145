import {
	chooseSigner,
	deputySignatory,
	renderLetter,
	signerChoiceLabel,
	signerOfChoice,
	waitingSigner,
	type DeputySignatory,
	type Paper,
} from '..';
import { readPdf, type PageText } from '../../../../test/support/pdfText';
import { sampleRequest } from '../../../../test/support/letterSamples';

const DEPUTY: DeputySignatory = {
	title: 'Sekretaris Kelurahan',
	delegation: '',
	name: 'Siti Aminah, S.E.',
	pangkat: 'Penata (III/c)',
	nip: '19800202 200501 2 002',
	tteNik: '3577010202800002',
};

describe('who signs a letter', () => {
	it('is the Lurah when the row picks nobody and no period is set', () => {
		expect(chooseSigner('', '2026-12-07', DEPUTY)).toEqual({ role: 'lurah' });
		expect(chooseSigner(undefined, '2026-12-07', DEPUTY)).toEqual({ role: 'lurah' });
		expect(chooseSigner('  ', '2026-12-07')).toEqual({ role: 'lurah' });
	});

	it("is the deputy when the row picks the dropdown's word, the deputy's name or title, in any case", () => {
		for (const cell of ['Wakil', ' wakil ', 'Siti Aminah, S.E.', 'sekretaris kelurahan'])
			expect(chooseSigner(cell, '2026-12-07', DEPUTY)).toEqual({ role: 'deputy' });
		expect(chooseSigner('LURAH', '2026-12-07', DEPUTY)).toEqual({ role: 'lurah' });
	});

	it("is the deputy for an empty row within the deputy's period, ends included, and the Lurah outside it", () => {
		const away = { ...DEPUTY, from: '2026-12-01', to: '2026-12-10' };
		expect(chooseSigner('', '2026-12-01', away)).toEqual({ role: 'deputy' });
		expect(chooseSigner('', '2026-12-10', away)).toEqual({ role: 'deputy' });
		expect(chooseSigner('', '2026-11-30', away)).toEqual({ role: 'lurah' });
		expect(chooseSigner('', '2026-12-11', away)).toEqual({ role: 'lurah' });
		// An open end: from a day on, with no last day.
		expect(chooseSigner('', '2027-03-01', { ...DEPUTY, from: '2026-12-01' })).toEqual({
			role: 'deputy',
		});
	});

	it("follows the row over the period: the Lurah picked in the deputy's period signs", () => {
		const away = { ...DEPUTY, from: '2026-12-01', to: '2026-12-10' };
		expect(chooseSigner('Lurah', '2026-12-05', away)).toEqual({ role: 'lurah' });
		expect(chooseSigner('Wakil', '2026-12-20', away)).toEqual({ role: 'deputy' });
	});

	it('names the cell, what it holds and the choices when it names nobody', () => {
		const choice = chooseSigner('Pak Camat', '2026-12-07', DEPUTY);
		expect(choice).toEqual({
			problem:
				'kolom Penandatangan berisi "Pak Camat", bukan salah satu pilihannya (Lurah, Wakil); pilih dari daftar atau kosongkan untuk Lurah',
		});
	});

	it('says Setup recorded no deputy when the row picks one, and never signs as the Lurah instead', () => {
		for (const deputy of [undefined, { ...DEPUTY, nip: '' }]) {
			const choice = chooseSigner('Wakil', '2026-12-07', deputy);
			expect('problem' in choice && choice.problem).toContain(
				'Setup belum mencatat wakil penanda tangan',
			);
		}
		// A period without a complete deputy changes nothing.
		expect(chooseSigner('', '2026-12-07', { from: '2026-12-01', name: 'X' })).toEqual({
			role: 'lurah',
		});
	});
});

describe("the deputy's signature lines", () => {
	const lurah = {
		title: 'LURAH ORO-ORO OMBO',
		delegation: '',
		name: 'Drs. Hadi Santoso, M.Si.',
		pangkat: 'Penata Tk. I',
		nip: '19700101 199503 1 001',
	};

	it("sign on behalf of the Lurah (a.n.) under the deputy's own title, name and NIP", () => {
		expect(deputySignatory(lurah, DEPUTY)).toEqual({
			delegation: 'a.n. LURAH ORO-ORO OMBO',
			title: 'Sekretaris Kelurahan',
			name: 'Siti Aminah, S.E.',
			pangkat: 'Penata (III/c)',
			nip: '19800202 200501 2 002',
		});
		expect(deputySignatory(lurah, { ...DEPUTY, title: '' }).title).toBe('Sekretaris Kelurahan');
	});

	it('carry a Plh./Plt. title alone, without a.n.', () => {
		for (const title of ['Plh. LURAH ORO-ORO OMBO', 'Plt. Lurah Oro-Oro Ombo', 'PLH LURAH X']) {
			const lines = deputySignatory(lurah, { ...DEPUTY, title });
			expect(lines.delegation).toBe('');
			expect(lines.title).toBe(title);
		}
	});
});

describe.each<Paper>(['F4', 'A4'])('a letter the deputy signs, on %s', (paper) => {
	let page: PageText;
	beforeAll(async () => {
		const req = sampleRequest('domisili');
		const letter = await renderLetter({
			...req,
			paper,
			signatory: deputySignatory(req.signatory, DEPUTY),
		});
		expect(letter.warnings).toEqual([]);
		[page] = await readPdf(letter.pdf);
	});

	const line = (text: string) => {
		const found = page.items.filter((item) => item.str.trim() === text);
		expect(found).toHaveLength(1);
		return found[0];
	};

	it("prints a.n. LURAH above the deputy's title, the space to sign, the name and the NIP, in that order", () => {
		const onBehalf = line('a.n. LURAH ORO-ORO OMBO');
		const title = line('Sekretaris Kelurahan');
		const name = line('Siti Aminah, S.E.');
		const nip = line('NIP. 19800202 200501 2 002');
		expect(onBehalf.y).toBeGreaterThan(title.y);
		// Room for the signature (64 pt and the mark) between the title and the name.
		expect(title.y - name.y).toBeGreaterThan(60);
		expect(name.y).toBeGreaterThan(nip.y);
		// One column, centred on the right half of the page.
		for (const item of [onBehalf, title, name, nip]) {
			const centre = item.x + item.width / 2;
			expect(Math.abs(centre - (onBehalf.x + onBehalf.width / 2))).toBeLessThan(1);
			expect(centre).toBeGreaterThan(page.width / 2);
		}
	});

	it("names nobody else: neither the Lurah's name nor NIP", () => {
		expect(page.text).not.toContain('Hadi Santoso');
		expect(page.text).not.toContain('19700101 199503 1 001');
	});
});

describe('the signer of a letter waiting for the batch TTE', () => {
	it('is decided once and recorded as the dropdown word, the period included', () => {
		const away = { ...DEPUTY, from: '2026-12-01', to: '2026-12-10' };
		expect(waitingSigner('', '2026-12-05', away)).toEqual({ role: 'deputy', word: 'Wakil' });
		expect(waitingSigner('', '2026-12-15', away)).toEqual({ role: 'lurah', word: 'Lurah' });
		expect(waitingSigner('siti aminah, s.e.', '2026-12-15', DEPUTY)).toEqual({
			role: 'deputy',
			word: 'Wakil',
		});
		expect(waitingSigner('Wakil', '2026-12-15')).toEqual({
			problem: expect.stringContaining('Setup belum mencatat wakil penanda tangan'),
		});
	});

	it('is named on the form by the dropdown word and the Setup name, and read back from either', () => {
		expect(signerChoiceLabel('deputy', ' Siti Aminah, S.E. ')).toBe('Wakil — Siti Aminah, S.E.');
		expect(signerChoiceLabel('lurah', '')).toBe('Lurah');
		for (const [choice, role] of [
			['Wakil — Siti Aminah, S.E.', 'deputy'],
			['wakil', 'deputy'],
			['Lurah — Hadi Santoso', 'lurah'],
			[' LURAH ', 'lurah'],
		])
			expect(signerOfChoice(choice)).toBe(role);
		for (const choice of ['', 'Pak Camat', 'Siti Aminah, S.E.', undefined, 'Lurahku'])
			expect(signerOfChoice(choice)).toBeUndefined();
	});
});
