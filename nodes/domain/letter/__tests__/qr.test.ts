import qrcode from 'qrcode-generator';
import { encodeQr } from '../qr';

/** qrcode-generator's symbol with mask pattern 0 (its mask scoring skipped, as marks.ts did before). */
function reference(text: string): number[] {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	const count = qr.getModuleCount;
	qr.getModuleCount = () => 0;
	qr.make();
	qr.getModuleCount = count;
	const size = qr.getModuleCount();
	const out: number[] = [];
	for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out.push(qr.isDark(r, c) ? 1 : 0);
	return out;
}

describe('QR encoder', () => {
	// Lengths chosen to land on every version from 1 to 10.
	it.each([1, 10, 20, 30, 50, 70, 90, 110, 130, 150, 180, 210])(
		'matches qrcode-generator module for module (%d bytes)',
		(length) => {
			const text =
				`https://surat.example.go.id/v/${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(8)}`.slice(
					0,
					length,
				);
			const ours = encodeQr(text, 0)!;
			expect(Array.from(ours.modules)).toEqual(reference(text));
		},
	);

	it('encodes UTF-8 text and picks a mask by penalty', () => {
		const a = encodeQr('https://surat.example.go.id/v/ÜMMÜ')!;
		expect(a.size).toBe(29);
		const masked = [0, 1, 2, 3, 4, 5, 6, 7].map((m) =>
			Array.from(encodeQr('https://surat.example.go.id/v/ÜMMÜ', m)!.modules).join(''),
		);
		expect(masked).toContain(Array.from(a.modules).join(''));
	});

	it('leaves texts longer than version 10 to the library', () => {
		expect(encodeQr('x'.repeat(214))).toBeUndefined();
	});
});
