/**
 * The visible block for letters BSrE signs: BSrE's own signature is invisible, so the block is
 * drawn into the last page before the letter goes to BSrE (the signature then covers it).
 */
import {
	PDFDocument,
	PDFRawStream,
	pushGraphicsState,
	popGraphicsState,
	concatTransformationMatrix,
	drawObject,
	type PDFDict,
} from 'pdf-lib';

import { embedFace } from '../letter/draw';
import { letterFaces } from '../letter/fonts';
import type { WidgetPlacement } from './pdf';

export async function stampBlock(pdf: Uint8Array, widget: WidgetPlacement): Promise<Uint8Array> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	const { context } = doc;
	const { drawing } = widget;
	const faces = letterFaces();
	const fonts = Object.fromEntries(
		drawing.fonts.map((f) => [f.tag, embedFace(context, faces[f.face], f.subset)]),
	);
	const form = context.register(
		PDFRawStream.of(
			context.obj({
				Type: 'XObject',
				Subtype: 'Form',
				BBox: [0, 0, drawing.width, drawing.height],
				Resources: { Font: fonts },
			}) as PDFDict,
			Buffer.from(drawing.ops, 'latin1'),
		),
	);
	const page =
		doc.getPages()[widget.page ?? doc.getPageCount() - 1] ?? doc.getPages()[doc.getPageCount() - 1];
	const name = page.node.newXObject('TTE', form);
	page.pushOperators(
		pushGraphicsState(),
		concatTransformationMatrix(1, 0, 0, 1, widget.x, widget.y),
		drawObject(name),
		popGraphicsState(),
	);
	return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
