/**
 * The OCR assets tests and the bench read with: the bundled worker in dist when the package is
 * built (as n8n runs it), otherwise tesseract.js's own worker and the language data package.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_LANG_PATH } from '../../../nodes/ServiceDesk/ocr/bundledAssets';
import type { OcrAssets } from '../../../nodes/ServiceDesk/ocr/ktpOcr';

export function ocrAssets(): OcrAssets & { bundled: boolean } {
	const worker = join(process.cwd(), 'dist/nodes/ServiceDesk/ocrWorker.js');
	if (existsSync(worker)) return { workerPath: worker, langPath: BUNDLED_LANG_PATH, bundled: true };
	return {
		langPath: join(process.cwd(), 'node_modules/@tesseract.js-data/ind/4.0.0_best_int'),
		bundled: false,
	};
}
