// jest setupFiles of the end-to-end projects. A request written on a kept-alive connection that
// n8n closed at that moment (idle past its 5 s keep-alive while the test did something else) fails
// before n8n read it: a reset, a broken pipe, or "other side closed". A browser sends such a request
// again on a new connection; so do the tests, for every call they make.
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const fetchOnce = globalThis.fetch;

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetchOnce(input, init);
		} catch (error) {
			const code = (error as { cause?: { code?: string } }).cause?.code;
			if (attempt >= 3 || !code || !STALE_CONNECTION.has(code)) throw error;
		}
	}
};
