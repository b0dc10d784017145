import { parseKtpText } from '../../domain/ktp/parse';
import { readPhotoText, stopKtpOcr, useOcrAssets } from '../ocr/ktpOcr';
import { ocrAssets } from '../../../test/support/ktp/ocrAssets';
import { drawKtpPhoto, PHOTO_STYLES } from '../../../test/support/ktp/draw';
import { SAMPLE_KTPS } from '../../../test/support/ktp/identities';

// Real OCR (Tesseract in a worker thread) on two synthetic photos: a few seconds of CPU each.
jest.setTimeout(120_000);
beforeAll(() => useOcrAssets(ocrAssets()));
afterAll(stopKtpOcr);

describe('KTP photo OCR on this server', () => {
	it("reads a phone photo of a sample card into the card's fields", async () => {
		const ktp = SAMPLE_KTPS[1];
		const ocr = await readPhotoText(drawKtpPhoto(ktp, PHOTO_STYLES.phone, 11));
		const { fields, isKtp } = parseKtpText(ocr.text);
		expect(isKtp).toBe(true);
		expect(fields).toMatchObject({
			nik: ktp.nik,
			nama: ktp.nama,
			tanggalLahir: ktp.tanggalLahir,
			jenisKelamin: ktp.jenisKelamin,
			rt: ktp.rt,
			rw: ktp.rw,
		});
	});

	it('finds no KTP in a photo too blurred to read', async () => {
		const ocr = await readPhotoText(drawKtpPhoto(SAMPLE_KTPS[0], PHOTO_STYLES.blurred, 12));
		const reading = parseKtpText(ocr.text);
		expect(reading.isKtp).toBe(false);
		expect(reading.fields.nik).toBeUndefined();
	});
});
