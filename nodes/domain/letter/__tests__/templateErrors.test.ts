import { LetterTemplateError, renderLetter } from '..';
import { sampleRequest } from '../../../../test/support/letterSamples';

const withTemplate = (template: string, templateName = 'custom-sku') =>
	sampleRequest('sku-kur', { template, templateName });

async function failure(template: string): Promise<LetterTemplateError> {
	try {
		await renderLetter(withTemplate(template));
	} catch (error) {
		expect(error).toBeInstanceOf(LetterTemplateError);
		return error as LetterTemplateError;
	}
	throw new Error('the template was accepted');
}

describe('template errors name the template, the line and the variable', () => {
	it('a syntax error', async () => {
		const error = await failure('<letter>\n<p>Halo</p>\n<p>{{data.nama}</p>\n</letter>');
		expect(error.line).toBe(3);
		expect(error.message).toMatch(/^Letter template "custom-sku", line 3: syntax error/);
	});

	it('an unknown helper', async () => {
		const error = await failure('<letter>\n<p>{{tanggal data.tanggal_lahir}}</p>\n</letter>');
		expect(error.line).toBe(2);
		expect(error.variable).toBe('tanggal');
		expect(error.message).toContain('unknown helper "tanggal"');
	});

	it('a variable the data lacks', async () => {
		const error = await failure(
			'<letter>\n<p>Nama: {{data.nama}}</p>\n\n<p>Usaha: {{data.nama_usaha}}</p>\n</letter>',
		);
		expect(error.line).toBe(4);
		expect(error.variable).toBe('data.nama_usaha');
		expect(error.message).toBe(
			'Letter template "custom-sku", line 4: variable "data.nama_usaha" is missing from the data',
		);
	});

	it('a variable missing inside a row of a list', async () => {
		const req = sampleRequest('ahli-waris');
		delete (
			(req.application.data as { ahli_waris: Array<Record<string, unknown>> })
				.ahli_waris[1] as Record<string, unknown>
		).hubungan;
		await expect(renderLetter(req)).rejects.toThrow(
			/"ahli-waris", line 27: variable "hubungan" is missing/,
		);
	});

	it('an unknown partial', async () => {
		const error = await failure('<letter>\n{{> kaki}}\n</letter>');
		expect(error.message).toContain('unknown partial "kaki"');
		expect(error.line).toBe(2);
	});

	it('markup that is not a letter', async () => {
		await expect(renderLetter(withTemplate('<letter>\n<p>Halo\n</letter>'))).rejects.toThrow(
			/custom-sku.*<\/letter> closes <p>.*line 3/,
		);
		await expect(
			renderLetter(withTemplate('<letter><marquee>x</marquee></letter>')),
		).rejects.toThrow(/<marquee> cannot be used inside <letter>/);
	});

	it('a service template whose data lacks a field', async () => {
		const req = sampleRequest('sku-kur');
		delete (req.application.data as Record<string, unknown>).usaha_jenis;
		await expect(renderLetter(req)).rejects.toThrow(
			'Letter template "sku-kur", line 9: variable "data.usaha_jenis" is missing from the data',
		);
	});
});
