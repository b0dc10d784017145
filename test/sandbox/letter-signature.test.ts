// What the sandbox page says under a letter: "signed by …" for a signed PDF, a broken signature
// for a changed file, nothing for an unsigned one.
import { renderLetter } from '../../nodes/domain/letter';
import { loadSigner, signPdf } from '../../nodes/domain/signing';
import { signatureOf } from '../../sandbox/server/letter-signature';
import type { StoredFile } from '../../sandbox/server/state';
import { sampleRequest } from '../support/letterSamples';
import { officeP12, PASSWORD, SIGNATORY } from '../support/signingFixtures';

jest.setTimeout(30_000);

const stored = (bytes: Uint8Array, mimeType = 'application/pdf'): StoredFile => ({
	id: 'm1',
	name: 'surat.pdf',
	mimeType,
	dataBase64: Buffer.from(bytes).toString('base64'),
	sha256: '',
	size: bytes.length,
	createdTime: new Date().toISOString(),
});

describe('the sandbox page on a letter it shows', () => {
	let letter: Uint8Array;
	let signed: Buffer;
	beforeAll(async () => {
		letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
		signed = Buffer.from((await signPdf(letter, loadSigner(officeP12(), PASSWORD))).pdf);
	});

	it('names the signer of a signed letter, signature intact', () => {
		expect(signatureOf(stored(signed))).toMatchObject({ signedBy: SIGNATORY, intact: true });
	});

	it('says the signature no longer matches when one byte of the letter changed', () => {
		const changed = Buffer.from(signed);
		const at = changed.indexOf('BT');
		changed[at + 3] = changed[at + 3] === 0x41 ? 0x42 : 0x41;
		expect(signatureOf(stored(changed))).toMatchObject({ signedBy: SIGNATORY, intact: false });
	});

	it('says nothing for an unsigned letter or a photo', () => {
		expect(signatureOf(stored(letter))).toBeUndefined();
		expect(signatureOf(stored(signed, 'image/jpeg'))).toBeUndefined();
	});
});
