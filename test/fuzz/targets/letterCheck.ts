/**
 * The public letter check (verifyPdf, behind *Periksa surat*), fed a signed letter with its bytes
 * mutated: anywhere, in the byte range, in the signature, in the signing date. It always answers
 * with a report (a throw would tell the reader "not a PDF"), and a letter whose signed bytes
 * changed, or that grew or shrank, is never called intact.
 */
import fc from 'fast-check';

import { renderLetter } from '../../../nodes/domain/letter';
import { loadSigner, signPdf, verifyPdf } from '../../../nodes/domain/signing';
import { sampleRequest } from '../../support/letterSamples';
import { officeP12, PASSWORD } from '../../support/signingFixtures';
import { assert, type FuzzTarget } from './common';

interface Signed {
	pdf: Buffer;
	/** The signed ranges: [a, a+b) and [c, c+d). */
	ranges: [number, number, number, number];
	/** Offsets of the parts the mutations aim at. */
	places: Record<'byteRange' | 'contents' | 'date' | 'end', number>;
}

let signed: Promise<Signed> | undefined;

/** One signed letter for the whole run (an RSA key and a render: seconds, not per case). */
function signedLetter(): Promise<Signed> {
	signed ??= (async () => {
		const letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
		const pdf = Buffer.from(
			(
				await signPdf(letter, loadSigner(officeP12(), PASSWORD), {
					signingTime: new Date('2026-11-30T03:15:00Z'),
				})
			).pdf,
		);
		const at = pdf.lastIndexOf('/ByteRange');
		const numbers = /\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
			pdf.toString('latin1', at, at + 80),
		)!;
		const ranges = numbers.slice(1).map(Number) as Signed['ranges'];
		return {
			pdf,
			ranges,
			places: {
				byteRange: at,
				contents: ranges[1],
				date: pdf.lastIndexOf('/M (D:'),
				end: pdf.length - 64,
			},
		};
	})();
	return signed;
}

type Place = keyof Signed['places'] | 'anywhere';

interface Mutation {
	kind: 'set' | 'flip' | 'digit' | 'insert' | 'delete' | 'truncate';
	place: Place;
	/** Offset from the place (any size: taken modulo what fits). */
	offset: number;
	/** The byte written, the bits flipped, or how many bytes are inserted or deleted. */
	value: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
	kind: fc.constantFrom('set', 'flip', 'digit', 'insert', 'delete', 'truncate'),
	place: fc.constantFrom('anywhere', 'byteRange', 'contents', 'date', 'end'),
	offset: fc.nat({ max: 1 << 20 }),
	value: fc.integer({ min: 1, max: 255 }),
});

/** The mutated copy (the original is never touched). */
export function mutate(base: Signed, mutations: Mutation[]): Buffer {
	let pdf = Buffer.from(base.pdf);
	for (const m of mutations) {
		const span = m.place === 'anywhere' ? pdf.length : m.place === 'contents' ? 4096 : 40;
		const start = m.place === 'anywhere' ? 0 : base.places[m.place];
		const at = Math.min(pdf.length - 1, start + (m.offset % span));
		if (at < 0) break;
		if (m.kind === 'set') pdf[at] = m.value;
		else if (m.kind === 'flip') pdf[at] ^= m.value;
		else if (m.kind === 'digit') pdf[at] = 0x30 + (m.value % 10);
		else if (m.kind === 'insert')
			pdf = Buffer.concat([
				pdf.subarray(0, at),
				Buffer.alloc(m.value % 8 || 1, m.value),
				pdf.subarray(at),
			]);
		else if (m.kind === 'delete')
			pdf = Buffer.concat([pdf.subarray(0, at), pdf.subarray(at + (m.value % 8 || 1))]);
		else pdf = pdf.subarray(0, at);
	}
	return pdf;
}

/** True when a byte the signature covers differs (same length only). */
function signedBytesChanged(base: Signed, pdf: Buffer): boolean {
	const [a, b, c, d] = base.ranges;
	return (
		!pdf.subarray(a, a + b).equals(base.pdf.subarray(a, a + b)) ||
		!pdf.subarray(c, c + d).equals(base.pdf.subarray(c, c + d))
	);
}

export const letterCheck: FuzzTarget<Mutation[]> = {
	name: 'letter check of a mutated signed letter',
	runs: 300,
	arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }),
	async check(mutations) {
		const base = await signedLetter();
		const pdf = mutate(base, mutations);
		let report: ReturnType<typeof verifyPdf>;
		try {
			report = verifyPdf(pdf);
		} catch (error) {
			throw new Error(`the check threw (read as "not a PDF"): ${(error as Error).message}`);
		}
		assert(Array.isArray(report.problems), 'a report without its problems');
		const whole = report.intact && report.coversWholeDocument;
		if (pdf.length !== base.pdf.length)
			assert(!whole, `a letter of ${pdf.length} bytes instead of ${base.pdf.length} called intact`);
		else if (signedBytesChanged(base, pdf))
			assert(!whole, 'a letter with changed signed bytes called intact');
		if (!whole)
			assert(report.problems.length > 0 || !report.signed, 'not intact, and no reason given');
		for (const problem of report.problems)
			assert(typeof problem === 'string' && problem.length > 0, 'an empty problem');
		if (whole) return 'intact';
		return report.signed ? 'refused' : 'no signature';
	},
};
