import axios from 'axios';

import { FonnteApi } from '../../credentials/FonnteApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { FakeApi } from '../support/whatsapp/fakeApi';
import { resolveCredentialTemplate } from '../support/whatsapp/harness';

const api = new FakeApi();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.reset());

/** Runs a credential's test request the way n8n does: resolve, authenticate, send, apply rules. */
async function runCredentialTest(cred: WhatsAppCloudApi | FonnteApi, data: Record<string, string>) {
	const { request, rules } = cred.test;
	const headers = Object.fromEntries(
		Object.entries(cred.authenticate.properties.headers ?? {}).map(([k, v]) => [
			k,
			resolveCredentialTemplate(String(v), data),
		]),
	);
	const res = await axios.request({
		baseURL: resolveCredentialTemplate(String(request.baseURL), data),
		url: resolveCredentialTemplate(String(request.url), data),
		method: request.method ?? 'GET',
		headers,
		validateStatus: () => true,
	});
	if (res.status >= 400) return { ok: false, message: `HTTP ${res.status}` };
	for (const rule of rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			res.data?.[rule.properties.key] === rule.properties.value
		) {
			return { ok: false, message: rule.properties.message };
		}
	}
	return { ok: true };
}

const defaults = (cred: WhatsAppCloudApi | FonnteApi) =>
	Object.fromEntries(cred.properties.map((p) => [p.name, String(p.default)]));

describe('WhatsApp Cloud API credential', () => {
	const cred = new WhatsAppCloudApi();

	it("defaults to Meta's Graph API host and a current version", () => {
		expect(defaults(cred)).toMatchObject({
			baseUrl: 'https://graph.facebook.com',
			graphApiVersion: 'v26.0',
		});
	});

	it('tests with GET {baseUrl}/{version}/{phoneNumberId} and a bearer token', async () => {
		api.on('GET', '/v26.0/106540352242922', {
			body: {
				verified_name: 'Kelurahan',
				display_phone_number: '+62 31 555',
				id: '106540352242922',
			},
		});
		const result = await runCredentialTest(cred, {
			...defaults(cred),
			baseUrl: api.baseUrl,
			accessToken: 'EAAG',
			phoneNumberId: '106540352242922',
		});
		expect(result.ok).toBe(true);
		expect(api.requests[0].headers.authorization).toBe('Bearer EAAG');
	});

	it('fails the test on a Graph error', async () => {
		api.on('GET', '/v26.0/1', { status: 401, body: { error: { code: 190, message: 'expired' } } });
		const result = await runCredentialTest(cred, {
			...defaults(cred),
			baseUrl: api.baseUrl,
			accessToken: 'old',
			phoneNumberId: '1',
		});
		expect(result.ok).toBe(false);
	});
});

describe('Fonnte credential', () => {
	const cred = new FonnteApi();

	it('tests with POST /device and the raw token as Authorization', async () => {
		api.on('POST', '/device', {
			body: { device: '6282227097005', device_status: 'connect', status: true },
		});
		const result = await runCredentialTest(cred, {
			...defaults(cred),
			baseUrl: api.baseUrl,
			token: 'tok',
		});
		expect(result.ok).toBe(true);
		expect(api.requests[0].headers.authorization).toBe('tok');
	});

	it('fails the test when Fonnte answers status false', async () => {
		api.on('POST', '/device', { body: { reason: 'token invalid', status: false } });
		expect(
			await runCredentialTest(cred, { ...defaults(cred), baseUrl: api.baseUrl, token: 'bad' }),
		).toEqual({ ok: false, message: 'Fonnte rejected the device token' });
	});
});
