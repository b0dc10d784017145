import layout from '../../../../templates/sheet.json';
import {
	officeTabs,
	spreadsheetCreateBody,
	spreadsheetHeadersBody,
	spreadsheetLayoutBody,
} from '../spreadsheet';

const tabNames = [layout.sheetName, ...Object.values(layout.tabs).map((t) => t.name)];

describe("the office's spreadsheet", () => {
	it('is created with every tab the workflows read, each header row frozen', () => {
		const body = spreadsheetCreateBody('Kantor Contoh');
		expect(body.properties.title).toBe('Kantor Contoh');
		expect(body.sheets.map((s) => s.properties.title)).toEqual(tabNames);
		for (const sheet of body.sheets) expect(sheet.properties.gridProperties.frozenRowCount).toBe(1);
	});

	it('gets every header row, in the order of templates/sheet.json', () => {
		const { data, valueInputOption } = spreadsheetHeadersBody();
		expect(valueInputOption).toBe('RAW');
		expect(data[0]).toEqual({
			range: `'Permohonan'!A1:U1`,
			majorDimension: 'ROWS',
			values: [Object.values(layout.columns)],
		});
		expect(data.map((d) => d.values[0])).toEqual(officeTabs().map((t) => t.header));
		expect(data[2].range).toBe(`'Pengaduan'!A1:K1`);
	});

	it("puts the Status and signer dropdowns on the requests tab's columns, below the header", () => {
		const { requests } = spreadsheetLayoutBody(
			tabNames.map((title, i) => ({ sheetId: i === 0 ? 0 : 100 + i, title })),
		);
		expect(requests.filter((r) => 'addSheet' in r)).toEqual([]);
		const validations = requests.filter((r) => 'setDataValidation' in r);
		expect(validations).toEqual([
			{
				setDataValidation: {
					range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
					rule: {
						condition: {
							type: 'ONE_OF_LIST',
							values: Object.values(layout.statuses).map((v) => ({ userEnteredValue: v })),
						},
						strict: true,
						showCustomUi: true,
					},
				},
			},
			{
				setDataValidation: {
					range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 17, endColumnIndex: 18 },
					rule: {
						condition: {
							type: 'ONE_OF_LIST',
							values: [{ userEnteredValue: 'Lurah' }, { userEnteredValue: 'Wakil' }],
						},
						strict: true,
						showCustomUi: true,
					},
				},
			},
		]);
		expect(Object.values(layout.columns)[17]).toBe('Penandatangan');
		const frozen = requests.filter((r) => 'updateSheetProperties' in r) as any[];
		expect(frozen.map((r) => r.updateSheetProperties.properties.sheetId)).toEqual([
			0, 101, 102, 103, 104, 105,
		]);
	});

	it('adds only the tabs an existing spreadsheet lacks, with ids it can lay out at once', () => {
		const { requests } = spreadsheetLayoutBody([
			{ sheetId: 0, title: 'Permohonan' },
			{ sheetId: 9, title: 'Pengaduan' },
		]);
		const added = requests.filter((r) => 'addSheet' in r) as any[];
		expect(added.map((r) => r.addSheet.properties.title)).toEqual([
			'Survei IKM',
			'Bicara Petugas',
			'Laporan',
			'Buku Agenda',
		]);
		const frozen = (requests.filter((r) => 'updateSheetProperties' in r) as any[]).map(
			(r) => r.updateSheetProperties.properties.sheetId,
		);
		const addedIds = added.map((r) => r.addSheet.properties.sheetId);
		expect(frozen).toEqual([0, addedIds[0], 9, addedIds[1], addedIds[2], addedIds[3]]);
	});

	it('lays out a spreadsheet it already laid out without a second copy of any tab', () => {
		// Google's batchUpdate as far as tabs go: addSheet is refused for a sheetId or a title
		// the spreadsheet already has, and a refused request changes nothing.
		const apply = (tabs: Array<{ sheetId: number; title: string }>, requests: any[]) => {
			const after = [...tabs];
			for (const r of requests.filter((r) => 'addSheet' in r)) {
				const { sheetId, title } = r.addSheet.properties;
				if (after.some((t) => t.sheetId === sheetId || t.title === title)) return tabs;
				after.push({ sheetId, title });
			}
			return after;
		};
		const partial = [{ sheetId: 0, title: 'Permohonan' }];
		const first = spreadsheetLayoutBody(partial).requests;
		const laidOut = apply(partial, first);
		expect(laidOut.map((t) => t.title).sort()).toEqual([...tabNames].sort());
		// Setup run again on the laid-out spreadsheet adds nothing and lays out each tab once.
		const again = spreadsheetLayoutBody(laidOut).requests;
		expect(again.filter((r) => 'addSheet' in r)).toEqual([]);
		const frozen = (again.filter((r) => 'updateSheetProperties' in r) as any[]).map(
			(r) => r.updateSheetProperties.properties.sheetId,
		);
		expect([...frozen].sort()).toEqual(laidOut.map((t) => t.sheetId).sort());
		// The first request retried (its answer lost) asks for the ids it already got: refused, so
		// the spreadsheet keeps one copy of each tab.
		const retried = spreadsheetLayoutBody(partial).requests;
		const retriedIds = (retried.filter((r) => 'addSheet' in r) as any[]).map(
			(r) => r.addSheet.properties.sheetId,
		);
		expect(retriedIds.every((id) => laidOut.some((t) => t.sheetId === id))).toBe(true);
		expect(apply(laidOut, retried)).toEqual(laidOut);
	});
});
