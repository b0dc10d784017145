// The OCR worker's imports: tesseract.js internals (CommonJS, untyped) and the language data,
// bundled as bytes by esbuild's binary loader.
declare module 'tesseract.js/src/worker-script' {
	const worker: {
		dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
		setAdapter(adapter: Record<string, unknown>): void;
	};
	export default worker;
}
declare module 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js' {
	const core: unknown;
	export default core;
}
declare module '*.traineddata.gz' {
	const data: Uint8Array;
	export default data;
}
