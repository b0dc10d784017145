/**
 * The OCR worker thread as bundled into dist (`ocrWorker.js` beside ServiceDesk.node.js):
 * tesseract.js's worker with Tesseract's LSTM engine (WebAssembly with SIMD, which every Node
 * version n8n runs on has, embedded) and the Indonesian language data (embedded): it reads no file
 * and no URL.
 */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- OCR runs off n8n's event loop, in a worker thread
import { parentPort } from 'node:worker_threads';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- Node's zlib, as in the domain (CONTRIBUTING: n8n verification)
import { gunzipSync } from 'node:zlib';
import core from 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js';
import worker from 'tesseract.js/src/worker-script';
import languageData from '@tesseract.js-data/ind/4.0.0_best_int/ind.traineddata.gz';
import { BUNDLED_LANG_PATH } from './bundledAssets';

parentPort?.on('message', (packet: unknown) => {
	worker.dispatchHandlers(packet, (message: unknown) => parentPort?.postMessage(message));
});

worker.setAdapter({
	getCore: async () => core,
	gunzip: (data: Uint8Array) => gunzipSync(data),
	fetch: async () => {
		throw new Error('The OCR worker reads no URL: its language data is bundled');
	},
	// The only file tesseract.js asks for is the language data of the `langPath` it was given.
	readCache: async (path: string) => {
		if (path === `${BUNDLED_LANG_PATH}/ind.traineddata.gz`) return languageData;
		throw new Error(`The OCR worker reads no file (${path})`);
	},
	writeCache: async () => undefined,
	deleteCache: async () => undefined,
	checkCache: async () => false,
});
