/**
 * Attachment downloads with an untrusted URL (Fonnte) or size (Meta): https on the provider's
 * hosts only, no redirects, a size cap; each refusal says what to do.
 */
import type { IDataObject } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { mediaUrlProblem } from '../providers/fonnte/download';
import { FakeApi } from '../../../test/support/whatsapp/fakeApi';
import { executeContext } from '../../../test/support/whatsapp/harness';

const api = new FakeApi();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.reset());
const node = new WhatsAppGateway();

async function download(provider: 'fonnte' | 'meta', params: IDataObject) {
	const ctx = executeContext({
		params: {
			provider,
			options: { retryDelayMs: 1 },
			resource: 'media',
			operation: 'download',
			binaryPropertyName: 'data',
			fileName: '',
			...params,
		},
		credentials: {
			fonnteApi: { token: 'fonnte-device-token', baseUrl: api.baseUrl, webhookSecret: 's' },
			whatsAppCloudApi: {
				accessToken: 'EAAG-test-token',
				phoneNumberId: '1',
				graphApiVersion: 'v26.0',
				baseUrl: api.baseUrl,
			},
		},
	});
	const [out] = await node.execute.call(ctx);
	return out;
}

describe('which attachment URLs may be fetched', () => {
	it.each([
		['https://cdn.fonnte.com/f/ktp.jpg', null],
		['https://fonnte.com/f/ktp.jpg', null],
		['http://cdn.fonnte.com/f/ktp.jpg', /only over https/],
		['https://fonnte.com.evil.example/f', /not one of the attachment hosts/],
		['https://169.254.169.254/latest/meta-data', /not one of the attachment hosts/],
		['file:///etc/passwd', /only over https/],
		['not a url', /is not a URL/],
	])('%s', (url, expected) => {
		const problem = mediaUrlProblem(url, 'fonnte.com, *.fonnte.com');
		if (expected === null) expect(problem).toBeNull();
		else expect(problem).toMatch(expected);
	});
});

describe('Fonnte attachment downloads', () => {
	const local = () => `http://${new URL(api.baseUrl).host}`;

	it('refuses a host outside the list before any request', async () => {
		await expect(download('fonnte', { mediaUrl: `${api.baseUrl}/files/ktp.jpg` })).rejects.toThrow(
			/Refused to download the attachment: attachments are fetched only over https/,
		);
		expect(api.requests).toHaveLength(0);
	});

	it('does not follow a redirect, and says so', async () => {
		api.on('GET', '/files/ktp.jpg', {
			status: 302,
			headers: { Location: 'http://169.254.169.254/' },
			body: {},
		});
		await expect(
			download('fonnte', { mediaUrl: `${api.baseUrl}/files/ktp.jpg`, allowedHosts: local() }),
		).rejects.toThrow(/redirects \(HTTP 302\); redirects are not followed/);
		expect(api.requests).toHaveLength(1);
	});

	it('stops at the size cap', async () => {
		api.on('GET', '/files/big.pdf', { body: Buffer.alloc(2 * 1024 * 1024 + 1, 1) });
		await expect(
			download('fonnte', {
				mediaUrl: `${api.baseUrl}/files/big.pdf`,
				allowedHosts: local(),
				maxSizeMb: 2,
			}),
		).rejects.toThrow(/larger than 2 MB/);
	});

	it('downloads a file within the limits', async () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 9]);
		api.on('GET', '/files/ktp.jpg', { body: jpeg, headers: { 'Content-Type': 'image/jpeg' } });
		const out = await download('fonnte', {
			mediaUrl: `${api.baseUrl}/files/ktp.jpg`,
			allowedHosts: local(),
		});
		expect(Buffer.from(out[0].binary!.data.data, 'base64').equals(jpeg)).toBe(true);
	});
});

describe('Meta media downloads', () => {
	it('refuses media whose stated size is over the cap without downloading it', async () => {
		api.on('GET', '/v26.0/1003383421387256', {
			body: {
				url: `${api.baseUrl}/whatsapp_business/attachments/?mid=1`,
				mime_type: 'application/pdf',
				file_size: 30 * 1024 * 1024,
				id: '1003383421387256',
			},
		});
		await expect(download('meta', { mediaId: '1003383421387256' })).rejects.toThrow(
			/is 30 MB, more than the 25 MB allowed/,
		);
		expect(api.requests).toHaveLength(1);
	});
});
