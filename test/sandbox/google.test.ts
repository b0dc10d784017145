import {
	api,
	bearer,
	serviceAccountJwt,
	startTestSandbox,
	viaProxy,
	type TestSandbox,
} from '../support/sandbox';

const SHEETS = 'sheets.googleapis.com';
let t: TestSandbox;
let id: string;
let auth: Record<string, string>;

beforeAll(async () => {
	t = await startTestSandbox({
		sheetName: 'Permohonan',
		sheetHeader: ['Tiket', 'Nama', 'Status', 'Catatan'],
	});
	id = t.sandbox.config().spreadsheetId;
});
afterAll(() => t.close());
beforeEach(async () => {
	await api(t, 'POST', '/api/reset');
	auth = bearer(await token());
});

async function token(assertion = serviceAccountJwt()) {
	const res = await viaProxy(t, 'oauth2.googleapis.com', 'POST', '/token', {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
			assertion,
		}).toString(),
	});
	return res.status === 200 ? res.json.access_token : `failed:${res.status}:${res.json.error}`;
}

const values = (range: string, render = 'FORMATTED_VALUE') =>
	viaProxy(
		t,
		SHEETS,
		'GET',
		`/v4/spreadsheets/${id}/values/${encodeURIComponent(range)}?valueRenderOption=${render}`,
		{ headers: auth },
	).then((r) => r.json.values);

describe('Google OAuth token stand-in', () => {
	it('issues a bearer token for a well-formed service-account JWT and refuses a wrong audience', async () => {
		expect(await token()).toMatch(/^ya29\./);
		expect(await token(serviceAccountJwt({ aud: 'https://evil.example/token' }))).toBe(
			'failed:400:invalid_grant',
		);
		expect(await token('not-a-jwt')).toBe('failed:400:invalid_grant');
	});

	it('refuses Sheets calls without a bearer token', async () => {
		const res = await viaProxy(t, SHEETS, 'GET', `/v4/spreadsheets/${id}`);
		expect(res.status).toBe(401);
		expect(res.json.error.status).toBe('UNAUTHENTICATED');
	});
});

describe('Sheets v4 stand-in', () => {
	it('lists the tabs as the node asks for them (fields=sheets.properties)', async () => {
		const res = await viaProxy(
			t,
			SHEETS,
			'GET',
			`/v4/spreadsheets/${id}?fields=sheets.properties`,
			{ headers: auth },
		);
		expect(res.json).toEqual({
			sheets: [
				{
					properties: expect.objectContaining({
						sheetId: 0,
						title: 'Permohonan',
						gridProperties: { rowCount: 1000, columnCount: 26 },
					}),
				},
			],
		});
	});

	it('stores USER_ENTERED "=1+1" as a formula but RAW "=1+1" as text', async () => {
		for (const [option, ticket] of [
			['USER_ENTERED', 'T-1'],
			['RAW', 'T-2'],
		]) {
			const res = await viaProxy(
				t,
				SHEETS,
				'POST',
				`/v4/spreadsheets/${id}/values/Permohonan!A:D:append?valueInputOption=${option}`,
				{
					headers: auth,
					body: { values: [[ticket, '=1+1', 'Menunggu', '007']] },
				},
			);
			expect(res.status).toBe(200);
		}
		expect(await values('Permohonan!A2:D3', 'FORMULA')).toEqual([
			['T-1', '=1+1', 'Menunggu', 7],
			['T-2', '=1+1', 'Menunggu', '007'],
		]);
		expect(await values('Permohonan!B2:B3')).toEqual([['#NAME?'], ['=1+1']]);
		const sheet = (await api(t, 'GET', '/api/sheet')).json;
		expect(sheet.rows.map((r: any) => r.values.Nama)).toEqual(['#NAME?', '=1+1']);
	});

	it('appends the way the node does by default: appendDimension, then PUT on the next row', async () => {
		const before = await values("'Permohonan'", 'UNFORMATTED_VALUE');
		expect(before).toEqual([['Tiket', 'Nama', 'Status', 'Catatan']]);
		await viaProxy(t, SHEETS, 'POST', `/v4/spreadsheets/${id}:batchUpdate`, {
			headers: auth,
			body: {
				requests: [
					{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 } },
					{ repeatCell: {} },
				],
			},
		});
		const put = await viaProxy(
			t,
			SHEETS,
			'PUT',
			`/v4/spreadsheets/${id}/values/Permohonan!2:2?valueInputOption=RAW`,
			{
				headers: auth,
				body: { range: 'Permohonan!2:2', values: [['T-9', 'Siti', 'Menunggu', '']] },
			},
		);
		expect(put.json).toMatchObject({
			updatedRange: 'Permohonan!A2:D2',
			updatedRows: 1,
			updatedCells: 4,
		});
		expect(await values('Permohonan!A:Z')).toEqual([
			['Tiket', 'Nama', 'Status', 'Catatan'],
			['T-9', 'Siti', 'Menunggu'],
		]);
	});

	it('updates cells through values:batchUpdate and refuses a write outside the grid', async () => {
		await viaProxy(
			t,
			SHEETS,
			'PUT',
			`/v4/spreadsheets/${id}/values/Permohonan!A2?valueInputOption=RAW`,
			{ headers: auth, body: { values: [['T-3', 'Budi', 'Menunggu']] } },
		);
		const res = await viaProxy(t, SHEETS, 'POST', `/v4/spreadsheets/${id}/values:batchUpdate`, {
			headers: auth,
			body: {
				valueInputOption: 'RAW',
				data: [
					{ range: 'Permohonan!C2', values: [['Disetujui']] },
					{ range: "'Permohonan'!D2", values: [['ok']] },
				],
			},
		});
		expect(res.json).toMatchObject({ totalUpdatedCells: 2 });
		expect(await values('Permohonan!A2:D2')).toEqual([['T-3', 'Budi', 'Disetujui', 'ok']]);
		const outside = await viaProxy(
			t,
			SHEETS,
			'PUT',
			`/v4/spreadsheets/${id}/values/Permohonan!A1001?valueInputOption=RAW`,
			{ headers: auth, body: { values: [['x']] } },
		);
		expect(outside.status).toBe(400);
		expect(outside.json.error.message).toMatch(/exceeds grid limits/);
	});

	it('adds a tab on demand and reads it by column', async () => {
		const add = await viaProxy(t, SHEETS, 'POST', `/v4/spreadsheets/${id}:batchUpdate`, {
			headers: auth,
			body: { requests: [{ addSheet: { properties: { title: 'Nomor Surat' } } }] },
		});
		expect(add.json.replies[0].addSheet.properties.title).toBe('Nomor Surat');
		await viaProxy(
			t,
			SHEETS,
			'PUT',
			`/v4/spreadsheets/${id}/values/${encodeURIComponent("'Nomor Surat'!A1")}?valueInputOption=USER_ENTERED`,
			{
				headers: auth,
				body: {
					values: [
						['Tahun', 'Urut'],
						['2026', '41'],
					],
				},
			},
		);
		const res = await viaProxy(
			t,
			SHEETS,
			'GET',
			`/v4/spreadsheets/${id}/values/${encodeURIComponent("'Nomor Surat'!A:B")}?valueRenderOption=UNFORMATTED_VALUE&majorDimension=COLUMNS`,
			{ headers: auth },
		);
		expect(res.json.values).toEqual([
			['Tahun', 2026],
			['Urut', 41],
		]);
	});

	it('answers 404 for an unknown spreadsheet', async () => {
		const res = await viaProxy(t, SHEETS, 'GET', '/v4/spreadsheets/nope/values/A1', {
			headers: auth,
		});
		expect(res.status).toBe(404);
	});
});

describe('Drive v3 stand-in', () => {
	const drive = (method: string, path: string, body?: object) =>
		viaProxy(t, 'www.googleapis.com', method, path, { headers: auth, body });

	it('shares a spreadsheet with a user as Google does (role and type required, an address for a user)', async () => {
		const shared = await drive('POST', `/drive/v3/files/${id}/permissions`, {
			role: 'writer',
			type: 'user',
			emailAddress: 'petugas@gmail.com',
		});
		expect(shared.status).toBe(200);
		expect(shared.json).toMatchObject({ kind: 'drive#permission', type: 'user', role: 'writer' });
		expect(
			(await drive('POST', `/drive/v3/files/${id}/permissions`, { type: 'user' })).status,
		).toBe(400);
		const noAddress = await drive('POST', `/drive/v3/files/${id}/permissions`, {
			role: 'writer',
			type: 'user',
		});
		expect(noAddress.status).toBe(400);
		const google = await api(t, 'GET', '/api/google');
		const sheet = google.json.spreadsheets.find((s: any) => s.spreadsheetId === id);
		expect(sheet.permissions).toEqual([
			expect.objectContaining({ type: 'user', role: 'writer', emailAddress: 'petugas@gmail.com' }),
		]);
	});

	it('answers 404 for a spreadsheet deleted in Drive, as Sheets does', async () => {
		const made = await viaProxy(t, SHEETS, 'POST', '/v4/spreadsheets', {
			headers: auth,
			body: { properties: { title: 'Pecelan · lost' } },
		});
		const lost = made.json.spreadsheetId;
		expect((await drive('DELETE', `/drive/v3/files/${lost}`)).status).toBe(204);
		const gone = await viaProxy(t, SHEETS, 'GET', `/v4/spreadsheets/${lost}`, { headers: auth });
		expect(gone.status).toBe(404);
		expect(gone.json.error.status).toBe('NOT_FOUND');
	});

	it("tells a spreadsheet's version (fields=version) and moves it on with every write, ours or staff's", async () => {
		const version = async () =>
			viaProxy(t, 'www.googleapis.com', 'GET', `/drive/v3/files/${id}?fields=version`, {
				headers: auth,
			}).then((r) => r.json);
		const first = await version();
		expect(Object.keys(first)).toEqual(['version']);
		expect(await version()).toEqual(first); // reading changes nothing
		await viaProxy(
			t,
			SHEETS,
			'PUT',
			`/v4/spreadsheets/${id}/values/${encodeURIComponent('Permohonan!A2')}?valueInputOption=RAW`,
			{
				headers: auth,
				body: { values: [['T-1']] },
			},
		);
		const written = await version();
		expect(Number(written.version)).toBeGreaterThan(Number(first.version));
		await api(t, 'PATCH', '/api/sheet/rows/2', { Status: 'Disetujui' });
		expect(Number((await version()).version)).toBeGreaterThan(Number(written.version));
	});

	it('uploads a photo (multipart, as the Drive node does) into a folder and serves it from its webViewLink', async () => {
		const drive = (
			method: string,
			path: string,
			body?: object | Buffer,
			headers: Record<string, string> = {},
		) =>
			viaProxy(t, 'www.googleapis.com', method, path, { headers: { ...auth, ...headers }, body });
		const folder = await drive('POST', '/drive/v3/files', {
			name: 'T-1',
			mimeType: 'application/vnd.google-apps.folder',
			parents: ['root'],
		});
		const boundary = 'xyz';
		const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
		const body = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n`,
			),
			Buffer.from(JSON.stringify({ name: 'ktp.jpg', parents: [folder.json.id] })),
			Buffer.from(
				`\r\n--${boundary}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: image/jpeg\r\n\r\n`,
			),
			photo,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const up = await drive(
			'POST',
			'/upload/drive/v3/files?uploadType=multipart&supportsAllDrives=true',
			body,
			{
				'Content-Type': `multipart/related; boundary=${boundary}`,
			},
		);
		const patched = await drive('PATCH', `/drive/v3/files/${up.json.id}?fields=*`, {
			name: 'ktp-siti.jpg',
			mimeType: 'image/jpeg',
		});
		expect(patched.json).toMatchObject({
			id: up.json.id,
			name: 'ktp-siti.jpg',
			parents: [folder.json.id],
		});
		const found = await drive(
			'GET',
			`/drive/v3/files?q=${encodeURIComponent(`'${folder.json.id}' in parents and trashed = false`)}`,
		);
		expect(found.json.files.map((f: any) => f.name)).toEqual(['ktp-siti.jpg']);
		const shared = await drive('POST', `/drive/v3/files/${up.json.id}/permissions`, {
			role: 'reader',
			type: 'anyone',
		});
		expect(shared.status).toBe(200);
		const served = await fetch(patched.json.webViewLink);
		expect(served.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await served.arrayBuffer())).toEqual(photo);
		const media = await drive('GET', `/drive/v3/files/${up.json.id}?alt=media`);
		expect(media.body).toEqual(photo);
	});
});
