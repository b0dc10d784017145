/**
 * OCR of a KTP photo on the office's own server: tesseract.js (Tesseract's LSTM engine compiled
 * to WebAssembly) with its Indonesian language data, both bundled into the package's OCR worker
 * (no download at run time, nothing leaves the server). One worker thread per n8n process, started
 * on the first photo and kept, so the CPU-heavy reading never blocks the process that answers the
 * other residents; photos are read one at a time.
 */
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { BUNDLED_LANG_PATH } from './bundledAssets';

export interface OcrText {
	text: string;
	/** Tesseract's mean word confidence, 0–100. */
	confidence: number;
	/** Time the reading took, milliseconds. */
	ms: number;
}

/** Where the worker script is and where it reads the language data. */
export interface OcrAssets {
	/** Absent: tesseract.js's own worker (run from the repository's sources). */
	workerPath?: string;
	langPath: string;
}

/** The worker bundled beside ServiceDesk.node.js, its language data inside it. */
function bundledAssets(): OcrAssets {
	// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- the bundled worker's file is beside this bundle
	return { workerPath: `${__dirname}/ocrWorker.js`, langPath: BUNDLED_LANG_PATH };
}

let assets: OcrAssets | undefined;

/** Reads with other assets (tests and the bench, run from the sources or against dist). */
export function useOcrAssets(given: OcrAssets): void {
	assets = given;
}

let current: Promise<Worker> | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function start(): Promise<Worker> {
	const { workerPath, langPath } = assets ?? bundledAssets();
	const worker = await createWorker('ind', OEM.LSTM_ONLY, {
		...(workerPath ? { workerPath } : {}),
		langPath,
		cacheMethod: 'none',
		gzip: true,
	});
	await worker.setParameters({
		// One block of lines: the card's labels and values stay on the same line.
		tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
		// Wide gaps kept: they separate a value from the card's right column.
		preserve_interword_spaces: '1',
		// A phone photo of a card is about 300 dpi; saying so keeps Tesseract from logging its guess.
		user_defined_dpi: '300',
		debug_file: '/dev/null',
	});
	return worker;
}

/** Stops the worker thread (it starts again on the next photo). */
export async function stopKtpOcr(): Promise<void> {
	const worker = current;
	current = undefined;
	if (worker) await (await worker.catch(() => undefined))?.terminate();
}

/** Reads the text of a photo (JPEG or PNG bytes), turned upright first; one photo at a time. */
export function readPhotoText(image: Buffer): Promise<OcrText> {
	const job = queue.then(async () => {
		current ??= start();
		const worker = await current;
		const started = performance.now();
		const { data } = await worker.recognize(image, { rotateAuto: true });
		return {
			text: data.text,
			confidence: data.confidence,
			ms: Math.round(performance.now() - started),
		};
	});
	queue = job.catch(() => undefined);
	return job;
}
