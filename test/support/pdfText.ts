/** Reads generated letters back with pdf.js: text items with positions, per page. */
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js');

export interface TextItem {
	str: string;
	x: number;
	/** Baseline, from the bottom of the page. */
	y: number;
	width: number;
	size: number;
}

export interface PageText {
	width: number;
	height: number;
	items: TextItem[];
	/** All text of the page, items joined with spaces. */
	text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PageText[]> {
	const doc = await pdfjs.getDocument({
		data: new Uint8Array(bytes),
		verbosity: 0,
		isEvalSupported: false,
	}).promise;
	const pages: PageText[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const [, , width, height] = page.view;
		const content = await page.getTextContent({ disableCombineTextItems: true });
		const items: TextItem[] = content.items
			.filter((i: { str?: string }) => i.str !== undefined && i.str.trim() !== '')
			.map((i: { str: string; transform: number[]; width: number }) => ({
				str: i.str,
				x: i.transform[4],
				y: i.transform[5],
				width: i.width,
				size: Math.hypot(i.transform[0], i.transform[1]),
			}));
		pages.push({ width, height, items, text: items.map((i) => i.str).join(' ') });
	}
	await doc.destroy();
	return pages;
}

/** Text with runs of whitespace collapsed, for substring checks across items. */
export const squash = (text: string) => text.replace(/\s+/g, ' ');
