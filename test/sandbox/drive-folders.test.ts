// The sandbox's Drive keeps Google's folder rules, the ones the request folders depend on: a file
// lives in the folder it was created in (My Drive's root when none is named), a missing or
// non-folder parent is refused as Drive refuses it, and deleting a folder deletes what it holds.
import {
	api,
	bearer,
	serviceAccountJwt,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

const FOLDER = 'application/vnd.google-apps.folder';
let t: TestSandbox;
let auth: Record<string, string>;
let office: string;

beforeAll(async () => {
	t = await startTestSandbox();
});
afterAll(() => t.close());
beforeEach(async () => {
	await api(t, 'POST', '/api/reset');
	const token = await viaProxy(t, 'oauth2.googleapis.com', 'POST', '/token', {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
			assertion: serviceAccountJwt(),
		}).toString(),
	});
	auth = bearer(token.json.access_token);
	office = '1SandboxPecelanFiles000000000000000000000';
});

const drive = (method: string, path: string, body?: object) =>
	viaProxy(t, 'www.googleapis.com', method, path, { headers: auth, body });
const create = (metadata: object) => drive('POST', '/drive/v3/files?fields=*', metadata);
const list = (q: string) =>
	drive('GET', `/drive/v3/files?q=${encodeURIComponent(q)}`).then((r) =>
		r.json.files.map((f: any) => f.name).sort(),
	);

describe("the sandbox's Drive folders", () => {
	it("has the office's folder in My Drive, after a reset too", async () => {
		const folder = await drive('GET', `/drive/v3/files/${office}`);
		expect(folder.json).toMatchObject({ mimeType: FOLDER, trashed: false });
		const root = await drive('GET', '/drive/v3/files/root');
		expect(folder.json.parents).toEqual([root.json.id]);
	});

	it('puts a folder and its files where they were created; no parent means My Drive', async () => {
		const request = await create({ name: 'SKU-1', mimeType: FOLDER, parents: [office] });
		expect(request.json).toMatchObject({ name: 'SKU-1', mimeType: FOLDER, parents: [office] });
		await create({ name: 'ktp.jpg', parents: [request.json.id] });
		const loose = await create({ name: 'loose.txt' });
		const root = await drive('GET', '/drive/v3/files/root');
		expect(loose.json.parents).toEqual([root.json.id]);
		expect(
			await list(`'${office}' in parents and mimeType = '${FOLDER}' and trashed = false`),
		).toEqual(['SKU-1']);
		expect(await list(`'${request.json.id}' in parents`)).toEqual(['ktp.jpg']);
	});

	it('refuses a parent that does not exist, is not a folder, or a second parent, as Drive does', async () => {
		const missing = await create({ name: 'x', parents: ['nope'] });
		expect([missing.status, missing.json.error.message]).toEqual([404, 'File not found: nope.']);
		const file = await create({ name: 'a.txt', parents: [office] });
		const notFolder = await create({ name: 'x', parents: [file.json.id] });
		expect([notFolder.status, notFolder.json.error.message]).toEqual([
			400,
			'The specified parent is not a folder.',
		]);
		const two = await create({ name: 'x', parents: [office, 'root'] });
		expect(two.status).toBe(403);
		const moved = await drive('PATCH', `/drive/v3/files/${file.json.id}?addParents=root`, {});
		expect(moved.status).toBe(403);
	});

	it('deletes a folder with everything in it; its links then answer 404', async () => {
		const request = await create({ name: 'SKU-2', mimeType: FOLDER, parents: [office] });
		const inner = await create({ name: 'sub', mimeType: FOLDER, parents: [request.json.id] });
		const photo = await create({ name: 'kk.jpg', parents: [inner.json.id] });
		expect((await fetch(photo.json.webViewLink)).status).toBe(200);
		expect((await drive('DELETE', `/drive/v3/files/${request.json.id}`)).status).toBe(204);
		for (const id of [request.json.id, inner.json.id, photo.json.id])
			expect((await drive('GET', `/drive/v3/files/${id}`)).status).toBe(404);
		expect((await fetch(photo.json.webViewLink)).status).toBe(404);
		expect((await drive('GET', `/drive/v3/files/${office}`)).status).toBe(200);
	});

	it('trashes a folder with everything in it: listed only when trashed items are asked for', async () => {
		const request = await create({ name: 'SKU-3', mimeType: FOLDER, parents: [office] });
		await create({ name: 'rt.jpg', parents: [request.json.id] });
		await drive('PATCH', `/drive/v3/files/${request.json.id}`, { trashed: true });
		expect(await list(`'${request.json.id}' in parents and trashed = false`)).toEqual([]);
		expect(await list(`'${request.json.id}' in parents and trashed = true`)).toEqual(['rt.jpg']);
	});
});
