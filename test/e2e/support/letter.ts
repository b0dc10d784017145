// Reading a delivered letter the way a person does: its text, and its QR code as a phone's camera
// sees it (the page rendered to pixels by poppler's pdftoppm, then decoded by jsQR).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { readPdf, squash } from '../../support/pdfText';

const run = promisify(execFile);

/** All text of a PDF, whitespace collapsed. */
export async function pdfText(pdf: Buffer): Promise<string> {
	return squash((await readPdf(pdf)).map((p) => p.text).join(' '));
}

/** A binary PPM (P6, what pdftoppm writes by default) as RGBA pixels. */
function ppmToRgba(ppm: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
	// Header: "P6", width, height, max value, each after whitespace, then one whitespace byte.
	const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
	if (!header || header[3] !== '255') throw new Error('pdftoppm did not write an 8-bit P6 image');
	const width = Number(header[1]);
	const height = Number(header[2]);
	const rgb = ppm.subarray(header[0].length);
	const data = new Uint8ClampedArray(width * height * 4);
	for (let p = 0, q = 0; p < width * height; p++, q += 3) {
		data[p * 4] = rgb[q];
		data[p * 4 + 1] = rgb[q + 1];
		data[p * 4 + 2] = rgb[q + 2];
		data[p * 4 + 3] = 255;
	}
	return { data, width, height };
}

/**
 * The text of every QR code printed in the PDF, page by page (one per page at most, as jsQR
 * finds one). 150 dpi is a phone camera's view of a printed page: the letter's 1-inch code has
 * four to five pixels a module.
 */
export async function qrCodesIn(pdf: Buffer, dpi = 150): Promise<string[]> {
	const dir = await mkdtemp(join(tmpdir(), 'pecelan-qr-'));
	try {
		await writeFile(join(dir, 'letter.pdf'), pdf);
		await run('pdftoppm', ['-r', String(dpi), join(dir, 'letter.pdf'), join(dir, 'page')]);
		const pages = (await readdir(dir)).filter((f) => f.endsWith('.ppm')).sort();
		const found: string[] = [];
		for (const page of pages) {
			const { data, width, height } = ppmToRgba(await readFile(join(dir, page)));
			const code = jsQR(data, width, height);
			if (code) found.push(code.data);
		}
		return found;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** The one verification link a letter's QR code carries; fails the test when there is none or several. */
export async function qrLinkOf(pdf: Buffer): Promise<URL> {
	const codes = await qrCodesIn(pdf);
	if (codes.length !== 1)
		throw new Error(
			`expected one QR code in the letter, found ${codes.length}: ${codes.join(' | ')}`,
		);
	return new URL(codes[0]);
}

/** The sequence of a letter number written as `{klasifikasi}/{nomor:3}/{unit}/{tahun}`. */
export function sequenceOf(letterNumber: string): number {
	const match = /^[\d.]+\/(\d+)\//.exec(letterNumber);
	if (!match) throw new Error(`not a letter number: ${letterNumber}`);
	return Number(match[1]);
}
