/**
 * Where the signatory signs, as the letter engine records it in the PDF's document information:
 * the room between the signatory's title and name, so the mark of an electronic signature goes
 * where a receiver expects a signature, not in the footer.
 */
export const SIGNATURE_SPACE_KEY = 'PecelanSignatureSpace';

/** In PDF points from the page's lower-left corner; `page` counts from 0. */
export interface SignatureSpace {
	page: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** The value written under SIGNATURE_SPACE_KEY: `page x y width height`, or `draft`. */
export function signatureSpaceValue(space: SignatureSpace | 'draft'): string {
	if (space === 'draft') return space;
	return [space.page, space.x, space.y, space.width, space.height].map(n).join(' ');
}

/**
 * The signature space a letter recorded; `draft` for a letter to be signed by hand first (no
 * mark goes on it); undefined for any other PDF.
 */
export function readSignatureSpace(pdf: Uint8Array): SignatureSpace | 'draft' | undefined {
	const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
	const at = bytes.lastIndexOf(`/${SIGNATURE_SPACE_KEY}`);
	if (at < 0) return undefined;
	const head = bytes.toString('latin1', at, at + 120);
	if (/^\/\w+\s*\(draft\)/.test(head)) return 'draft';
	const m = /^\/\w+\s*\((\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\)/.exec(head);
	if (!m) return undefined;
	const [page, x, y, width, height] = m.slice(1).map(Number);
	return { page, x, y, width, height };
}

/** Whether the PDF is a draft its signers sign by hand (Letter PDF records it): never e-signed. */
export function isDraftLetter(pdf: Uint8Array): boolean {
	return readSignatureSpace(pdf) === 'draft';
}
