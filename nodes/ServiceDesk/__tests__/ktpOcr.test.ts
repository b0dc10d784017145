import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { router } from '../actions/router';
import { stopKtpOcr, useOcrAssets } from '../ocr/ktpOcr';
import { drawKtpPhoto, PHOTO_STYLES } from '../../../test/support/ktp/draw';
import { SAMPLE_KTPS } from '../../../test/support/ktp/identities';
import { ocrAssets } from '../../../test/support/ktp/ocrAssets';

// Real OCR (Tesseract in a worker thread) on two synthetic photos: a few seconds of CPU each.
jest.setTimeout(120_000);
beforeAll(() => useOcrAssets(ocrAssets()));
afterAll(stopKtpOcr);

/** Service Desk's Read KTP Photo on one photo, as the download of a WhatsApp image leaves it. */
async function readKtp(photo: Buffer): Promise<IDataObject> {
	const parameters: Record<string, unknown> = {
		resource: 'conversation',
		operation: 'readKtp',
		binaryPropertyName: 'data',
	};
	const context = {
		getInputData: () => [{ json: { waId: '6281234567890' } }],
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => ({ name: 'Read KTP', type: 'serviceDesk' }),
		continueOnFail: () => false,
		logger: { warn: () => undefined },
		helpers: { getBinaryDataBuffer: async () => photo },
	} as unknown as IExecuteFunctions;
	const [[item]] = await router.call(context);
	return item.json;
}

describe('Read KTP Photo', () => {
	it('reads a phone photo of a sample card and shows it to the resident with the NIK masked', async () => {
		const ktp = SAMPLE_KTPS[1];
		const out = await readKtp(drawKtpPhoto(ktp, PHOTO_STYLES.phone, 11));
		const read = out.ktp as { isKtp: boolean; answers: { values: Record<string, unknown> } };
		expect(out.waId).toBe('6281234567890');
		expect(read.isKtp).toBe(true);
		expect(read.answers.values).toMatchObject({
			nik: ktp.nik,
			nama: 'Budi Santoso',
			tanggal_lahir: ktp.tanggalLahir,
			jenis_kelamin: 'Laki-laki',
			rt: ktp.rt,
			rw: ktp.rw,
		});
		const [summary] = out.replies as Array<{ text: string }>;
		expect(summary.text).toContain(`************${ktp.nik.slice(-4)}`);
		expect(summary.text).not.toContain(ktp.nik);
		expect(summary.text).toContain('Budi Santoso');
	});

	it('answers a photo too blurred to read with the short reason, and fills nothing', async () => {
		const out = await readKtp(drawKtpPhoto(SAMPLE_KTPS[0], PHOTO_STYLES.blurred, 12));
		const read = out.ktp as { isKtp: boolean; unreadable: string; answers: { keys: string[] } };
		expect(read.isKtp).toBe(false);
		expect(read.unreadable).toBe('blur');
		expect(read.answers.keys).toEqual([]);
		expect((out.replies as Array<{ text: string }>)[0].text).toMatch(/kurang jelas/);
	});
});
