/**
 * Attachment downloads with an untrusted URL (Fonnte) or size (Meta): https on the provider's
 * hosts only, no redirects, a size cap; each refusal says what to do.
 */
import type { IDataObject } from 'n8n-workflow';

import { WhatsAppGateway } from '../WhatsAppGateway.node';
import { fileNameOfUrl, mediaUrlProblem } from '../providers/fonnte/download';
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
		['https://cdn.fonnte.com:443/f/ktp.jpg', null],
		['https://cdn.fonnte.com:8443/f/ktp.jpg', /port 8443 is not the https port/],
		['https://fonnte.com:22/f/ktp.jpg', /fetched from port 443 only/],
		['https://evil.example:8443/f', /not one of the attachment hosts/],
	])('%s', (url, expected) => {
		const problem = mediaUrlProblem(url, 'fonnte.com, *.fonnte.com');
		if (expected === null) expect(problem).toBeNull();
		else expect(problem).toMatch(expected);
	});
});

describe('an allowed host with its own https port', () => {
	it('is reached on that port only when the entry names it', () => {
		expect(
			mediaUrlProblem('https://files.example:8443/f', 'https://files.example:8443'),
		).toBeNull();
		expect(mediaUrlProblem('https://files.example/f', 'https://files.example:8443')).toMatch(
			/not one of the attachment hosts/,
		);
		expect(mediaUrlProblem('https://files.example:9443/f', 'https://files.example:8443')).toMatch(
			/port 9443/,
		);
	});
});

describe('the file name a downloaded URL ends with', () => {
	it.each([
		['https://cdn.fonnte.com/f/KTP%20Budi.jpg', 'KTP Budi.jpg'],
		['https://cdn.fonnte.com/f/ktp%E0%A4%A.jpg', 'ktp%E0%A4%A.jpg'],
		['https://cdn.fonnte.com/f/%', '%'],
		['https://cdn.fonnte.com/f/..%2F..%2Fetc%2Fpasswd', '....etcpasswd'],
		['https://cdn.fonnte.com/f/%2E%2E', 'attachment'],
		['https://cdn.fonnte.com/', 'attachment'],
	])('%s → %s', (url, name) => {
		expect(fileNameOfUrl(url)).toBe(name);
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

	it('keeps a file whose name is a malformed %-escape, under a name that can be saved', async () => {
		const pdf = Buffer.from('%PDF-1.4 x');
		api.on('GET', '/files/surat%E0%A4%A.pdf', {
			body: pdf,
			headers: { 'Content-Type': 'application/pdf' },
		});
		const out = await download('fonnte', {
			mediaUrl: `${api.baseUrl}/files/surat%E0%A4%A.pdf`,
			allowedHosts: local(),
		});
		expect(out[0].binary!.data.fileName).toBe('surat%E0%A4%A.pdf');
		expect(Buffer.from(out[0].binary!.data.data, 'base64').equals(pdf)).toBe(true);
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
