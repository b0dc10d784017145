import type { IDataObject } from 'n8n-workflow';

import { OfficeSetup } from '../OfficeSetup.node';
import { executeContext } from '../../../test/support/nodeContext';

const node = new OfficeSetup();
const run = (params: IDataObject, fail = false) =>
	node.execute.call(executeContext(params, [{ json: {} }], fail));

describe('Office Setup node', () => {
	it('gives the body that creates the spreadsheet with its tabs', async () => {
		const [[out]] = await run({ operation: 'spreadsheetRequest', title: 'Kelurahan Maju' });
		const body = out.json.body as { properties: IDataObject; sheets: unknown[] };
		expect(body.properties.title).toBe('Kelurahan Maju');
		expect(body.sheets).toHaveLength(6);
	});

	it("lays out Google's answer for a created spreadsheet, and says what a wrong input lacks", async () => {
		const spreadsheet = {
			spreadsheetId: 'abc',
			sheets: [{ properties: { sheetId: 0, title: 'Permohonan' } }],
		};
		const [[out]] = await run({ operation: 'spreadsheetLayout', spreadsheet });
		expect(out.json.spreadsheetId).toBe('abc');
		expect(JSON.stringify(out.json.structure)).toContain('ONE_OF_LIST');
		expect((out.json.headers as { data: unknown[] }).data).toHaveLength(6);
		await expect(run({ operation: 'spreadsheetLayout', spreadsheet: { id: 1 } })).rejects.toThrow(
			'The spreadsheet has no spreadsheetId or sheets',
		);
	});

	it("gives Setup's Drive files sub-workflow before any id is known, then the sub-workflows, then one item per ready workflow, with the chosen credentials", async () => {
		const parameters = {
			operation: 'readyWorkflows',
			spreadsheetId: 'S',
			folderId: 'F',
			signatory: { name: 'Siti' },
			credentials: JSON.stringify({ googleApi: { id: 'g', name: 'Google' } }),
		};
		const verify = { json: { id: '7', name: 'Pecelan · Verify (letter QR code)' } };
		const files = { json: { id: '5', name: "Pecelan · Find or create the office's Drive files" } };
		const [drive] = await run({
			...parameters,
			spreadsheetId: '',
			folderId: '',
			installStep: 'driveFiles',
			installed: [files],
		});
		expect(drive.map((i) => [i.json.name, i.json.id, i.json.then])).toEqual([
			["Pecelan · Find or create the office's Drive files", '5', 'findDriveFiles'],
		]);
		// It reads and writes Google with the credential the admin picked in Setup.
		expect(JSON.stringify(drive[0].json.body)).toContain('"googleApi":{"id":"g","name":"Google"}');
		const [first] = await run({
			...parameters,
			installStep: 'subWorkflows',
			installed: [verify, { json: {} }],
		});
		expect(first.map((i) => [i.json.name, i.json.id, i.json.callersWaiting, i.json.then])).toEqual([
			['Pecelan · Save session safely', null, true, 'installCallers'],
			['Pecelan · File documents in Drive', null, true, 'installCallers'],
			['Pecelan · Send a letter again', null, true, 'installCallers'],
			['Pecelan · Send a notice and mark the sheet', null, true, 'installCallers'],
			['Pecelan · Lock (one round at a time)', null, true, 'installCallers'],
			['Pecelan · Read a KTP photo or a voice note', null, true, 'installCallers'],
			['Pecelan · Sign and send a letter', null, true, 'installCallers'],
			['Pecelan · Update letter records', null, true, 'installCallers'],
		]);
		const sub = { json: { id: '9', name: 'Pecelan · Save session safely' } };
		const filing = { json: { id: '10', name: 'Pecelan · File documents in Drive' } };
		const resend = { json: { id: '11', name: 'Pecelan · Send a letter again' } };
		const mark = { json: { id: '12', name: 'Pecelan · Send a notice and mark the sheet' } };
		const lock = { json: { id: '13', name: 'Pecelan · Lock (one round at a time)' } };
		const reading = { json: { id: '14', name: 'Pecelan · Read a KTP photo or a voice note' } };
		const deliver = { json: { id: '15', name: 'Pecelan · Sign and send a letter' } };
		const records = { json: { id: '16', name: 'Pecelan · Update letter records' } };
		const [items] = await run({
			...parameters,
			installed: [verify, sub, filing, resend, mark, lock, reading, deliver, records],
		});
		expect(items).toHaveLength(8);
		expect(items.every((i) => i.pairedItem && (i.json.body as IDataObject).nodes)).toBe(true);
		expect(items.map((i) => i.json.id)).toEqual([null, null, '7', null, null, null, null, null]);
		expect(items.some((i) => i.json.callersWaiting)).toBe(false);
		expect(new Set(items.map((i) => i.json.then))).toEqual(new Set(['checkAndFinish']));
		expect(JSON.stringify(items)).toContain('"googleApi":{"id":"g","name":"Google"}');
		expect(JSON.stringify(items[0].json.body)).toContain(
			'"value":"9","cachedResultName":"Pecelan · Save session safely"',
		);
		expect(JSON.stringify(items[0].json.body)).toContain(
			'"value":"10","cachedResultName":"Pecelan · File documents in Drive"',
		);
		expect(JSON.stringify(items[0].json.body)).toContain(
			'"value":"11","cachedResultName":"Pecelan · Send a letter again"',
		);
		expect(JSON.stringify(items[1].json.body)).toContain(
			'"value":"12","cachedResultName":"Pecelan · Send a notice and mark the sheet"',
		);
		expect(JSON.stringify(items[1].json.body)).toContain(
			'"value":"13","cachedResultName":"Pecelan · Lock (one round at a time)"',
		);
		// Approvals and Batch signing send letters through one sub-workflow; Approvals and
		// Retention keep the letter records through another.
		for (const i of [1, 3])
			expect(JSON.stringify(items[i].json.body)).toContain(
				'"value":"15","cachedResultName":"Pecelan · Sign and send a letter"',
			);
		for (const i of [1, 5])
			expect(JSON.stringify(items[i].json.body)).toContain(
				'"value":"16","cachedResultName":"Pecelan · Update letter records"',
			);
		expect(JSON.stringify(items[0].json.body)).toContain(
			'"value":"14","cachedResultName":"Pecelan · Read a KTP photo or a voice note"',
		);
	});

	it('refuses a credential without an id, naming its type, or an empty folder id', async () => {
		await expect(
			run({
				operation: 'readyWorkflows',
				spreadsheetId: 'S',
				folderId: 'F',
				credentials: { googleApi: {} },
			}),
		).rejects.toThrow('The credential for "googleApi" has no id');
		const [[failed]] = await run(
			{ operation: 'readyWorkflows', spreadsheetId: 'S', folderId: '' },
			true,
		);
		expect(failed.json.error).toBe('The Drive folder id is empty');
	});

	it('prepares the sample letter from the ready workflows, and refuses when none prints letters', async () => {
		const [ready] = await run({
			operation: 'readyWorkflows',
			spreadsheetId: 'S',
			folderId: 'F',
			letterhead: { office: 'KELURAHAN MAJU JAYA' },
			signatory: { name: 'Siti' },
			installed: [
				{ json: { id: '9', name: 'Pecelan · Save session safely' } },
				{ json: { id: '10', name: 'Pecelan · File documents in Drive' } },
				{ json: { id: '11', name: 'Pecelan · Send a letter again' } },
				{ json: { id: '12', name: 'Pecelan · Send a notice and mark the sheet' } },
				{ json: { id: '13', name: 'Pecelan · Lock (one round at a time)' } },
				{ json: { id: '14', name: 'Pecelan · Read a KTP photo or a voice note' } },
				{ json: { id: '15', name: 'Pecelan · Sign and send a letter' } },
				{ json: { id: '16', name: 'Pecelan · Update letter records' } },
			],
		});
		const [[sample]] = await run({ operation: 'sampleLetter', workflows: ready });
		expect(sample.json).toMatchObject({
			letterhead: { office: 'KELURAHAN MAJU JAYA' },
			signatory: { name: 'Siti' },
			application: { serviceKey: 'domisili' },
		});
		await expect(run({ operation: 'sampleLetter', workflows: [] })).rejects.toThrow(
			'no Letter PDF node',
		);
	});

	it('shares with each staff address typed, and writes the finish page from the results', async () => {
		const [[requests]] = await run({
			operation: 'shareRequests',
			staffEmails: 'a@x.id, nope',
			spreadsheetId: 'S',
			folderId: 'F',
		});
		expect(requests.json).toEqual({
			shares: [
				{ fileId: 'S', file: 'spreadsheet', emailAddress: 'a@x.id' },
				{ fileId: 'F', file: 'folder', emailAddress: 'a@x.id' },
			],
			invalid: ['nope'],
		});
		const [[page]] = await run({
			operation: 'finishPage',
			spreadsheetId: 'S',
			folderId: 'F',
			workflows: ['Intake'],
			adminNumber: '62812',
			template: 'pecelan_uji_admin',
			adminMessage: { error: 'The template is paused because of low quality (132015)' },
			staffEmails: 'a@x.id, nope',
			shares: requests.json.shares as IDataObject[],
			shareResults: [{ json: { id: 'p1' } }, { json: { error: 'File not found' } }],
		});
		expect(page.json.title).toBe('Kantor siap');
		expect(page.json.message).toContain('belum disetujui');
		expect(page.json.message).toContain('Belum dibagikan ke a@x.id: File not found.');
		expect(page.json.message).toContain('Bukan alamat surel, dilewati: nope.');
	});
});
