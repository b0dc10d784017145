/** What poppler (pdftotext, pdffonts) reads from a PDF, as a receiver's tools would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Word {
	/** From 0. */
	page: number;
	text: string;
	/** Points from the page's top-left corner. */
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}

export interface PopplerPage {
	width: number;
	height: number;
	words: Word[];
}

function withFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
	const dir = mkdtempSync(join(tmpdir(), 'poppler-'));
	try {
		const file = join(dir, 'letter.pdf');
		writeFileSync(file, pdf);
		return read(file);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const unescape = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');

/** Every word pdftotext finds (annotation appearances included), with its box, page by page. */
export function popplerWords(pdf: Uint8Array): PopplerPage[] {
	const html = withFile(pdf, (file) =>
		execFileSync('pdftotext', ['-bbox', file, '-'], { maxBuffer: 1 << 26 }).toString('utf8'),
	);
	const pages: PopplerPage[] = [];
	for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
		const page = pages.length;
		const words = [
			...m[3].matchAll(
				/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
			),
		].map((w) => ({
			page,
			text: unescape(w[5]),
			xMin: Number(w[1]),
			yMin: Number(w[2]),
			xMax: Number(w[3]),
			yMax: Number(w[4]),
		}));
		pages.push({ width: Number(m[1]), height: Number(m[2]), words });
	}
	return pages;
}

/** The words of a page joined with spaces. */
export const pageText = (page: PopplerPage) => page.words.map((w) => w.text).join(' ');

/** pdffonts' table: one row per font with its name, type and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): Array<{ name: string; embedded: boolean }> {
	const out = withFile(pdf, (file) => execFileSync('pdffonts', [file]).toString('utf8'));
	return out
		.split('\n')
		.slice(2)
		.filter((l) => l.trim())
		.map((l) => {
			const cols = l.trim().split(/\s+/);
			// name, type…, encoding, emb, sub, uni, object, ID: emb is the fifth column from the end.
			return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
		});
}
