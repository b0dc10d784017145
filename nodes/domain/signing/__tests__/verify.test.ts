import { renderLetter } from '../../letter';
import { loadSigner, signPdf, verifyPdf } from '..';
import { sampleRequest } from '../../../../test/support/letterSamples';
import { officeP12, PASSWORD, SIGNATORY } from '../../../../test/support/signingFixtures';

// Each test certificate is a fresh RSA-2048 key; slow when the machine is busy.
jest.setTimeout(30_000);

let letter: Uint8Array;
let signed: Buffer;
const time = new Date('2026-11-30T03:15:00Z');

beforeAll(async () => {
	letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
	signed = (
		await signPdf(letter, loadSigner(officeP12(), PASSWORD), { signingTime: time, visible: {} })
	).pdf;
});

describe('checking a received letter', () => {
	it('names the signer and the time of an intact signature covering the whole file', () => {
		expect(verifyPdf(signed)).toEqual({
			signed: true,
			intact: true,
			coversWholeDocument: true,
			signer: SIGNATORY,
			issuer: expect.stringContaining('Pecelan Test CA'),
			signingTime: '2026-11-30T03:15:00.000Z',
			timestamped: false,
			problems: [],
			// Letter PDF keeps the letter's code in the signed part, for the office's record.
			verificationCode: 'ABCDEFGHIJKLMNOPQRSTU',
		});
	});

	it('says the content changed when one byte of the letter differs', () => {
		const copy = Buffer.from(signed);
		copy[copy.indexOf('/MediaBox') + 3] ^= 0x20;
		expect(verifyPdf(copy)).toMatchObject({
			signed: true,
			intact: false,
			problems: ['The signed content was changed after signing.'],
		});
	});

	it('says the file grew after signing, and that an unsigned letter carries no signature', () => {
		const extended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
		expect(verifyPdf(extended)).toMatchObject({
			intact: true,
			coversWholeDocument: false,
			problems: ['The file was changed or extended after it was signed.'],
		});
		expect(verifyPdf(letter)).toMatchObject({
			signed: false,
			intact: false,
			problems: ['The PDF carries no electronic signature.'],
		});
	});
});
