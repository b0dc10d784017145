// Service outcomes through the real workflows: the satisfaction survey after a letter, a
// complaint from the resident to the sheet and the response back, and the monthly report
// (run on demand) whose figures match the rows those journeys left in the sheet.
import { SANDBOX_REPORT_KEY } from '../../sandbox/runtime/stack';
import reportLabels from '../../templates/report/labels.json';
import sheetLayout from '../../templates/sheet.json';
import { readPdf, squash } from '../support/pdfText';
import { staffClient } from './support/clients';
import {
	columns as c,
	decide,
	nextApprovalsRound,
	nextUnpromptedMessage,
	rowOf,
	statuses,
} from './support/office';
import { reportTableRows } from './support/report';
import {
	catalog,
	photoOf,
	Resident,
	said,
	submitRequest,
	templatePattern,
} from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const m = catalog.messages;
const LURAH = '6281100000099';

async function tab(name: string) {
	const response = await fetch(`${stack().sandboxUrl}/api/sheet?sheet=${encodeURIComponent(name)}`);
	return (
		(await response.json()) as {
			rows: Array<{ rowNumber: number; values: Record<string, string> }>;
		}
	).rows;
}

describe('service outcomes', () => {
	it('invites the resident to the survey after the letter and keeps every answer as a row', async () => {
		const tono = new Resident(stack(), '6281400000011', 'Tono');
		const ticket = await submitRequest(tono, 'pengantar-skck');
		await rowOf(stack(), ticket);
		const before = (await tono.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		const invite = await nextUnpromptedMessage(
			tono,
			before,
			(msg) => said('survey.invite', msg.text),
			'the survey invitation',
		);
		expect(invite.text).toContain(ticket);

		tono.replies = [invite];
		await tono.tap(m['button.survey']);
		const scores = [4, 3, 4, 4, 3, 4, 4, 2, 3];
		for (const score of scores) await tono.choose(`score:${score}`);
		expect(said('survey.suggestion', tono.lastText)).toBe(true);
		await tono.say('Antrean di kantor sudah tidak perlu lagi, terima kasih');
		expect(said('survey.thanks', tono.lastText)).toBe(true);

		const row = await waitFor(
			async () =>
				(await tab('Survei IKM')).find((r) => r.values.Tiket === ticket && r.values.Saran),
			{
				timeoutMs: 30000,
				description: 'the survey row',
			},
		);
		expect(scores.map((_, i) => Number(row.values[`u${i + 1}`]))).toEqual(scores);
		expect(row.values.Saran).toContain('Antrean');
	});

	it('takes a complaint to the sheet and brings the staff response back once', async () => {
		const wati = new Resident(stack(), '6281400000012', 'Wati');
		await wati.say('halo');
		await wati.tap(m['menu.complaint']);
		expect(said('complaint.ask', wati.lastText)).toBe(true);
		await wati.say('Surat saya salah ketik nama ibu, sudah dua hari belum diperbaiki');
		expect(said('complaint.photo.ask', wati.lastText)).toBe(true);
		await wati.photo(photoOf('surat salah ketik'));
		expect(said('complaint.confirm.ask', wati.replies.at(-1)!.text)).toBe(true);
		await wati.tap(m['button.confirm']);
		const ticket = templatePattern('complaint.submitted').exec(wati.lastText)![1];

		const row = await waitFor(
			async () => (await tab('Pengaduan')).find((r) => r.values.Tiket === ticket),
			{
				timeoutMs: 30000,
				description: 'the complaint row',
			},
		);
		expect(row.values.Status).toBe('Baru');
		// The photo goes to Drive and its link into the row, like a request's photos.
		const withPhoto = await waitFor(
			async () => (await tab('Pengaduan')).find((r) => r.values.Tiket === ticket && r.values.Foto),
			{ timeoutMs: 30000, description: 'the complaint photo link' },
		);
		expect(await (await fetch(withPhoto.values.Foto)).text()).toBe('photo of surat salah ketik');
		// In a folder of its own, named by the complaint's ticket, inside the office's folder.
		const listing = async (id: string) =>
			(await (await fetch(`${stack().sandboxUrl}/api/media/${id}`)).json()) as {
				files: Array<{ id: string; name: string; url: string }>;
			};
		const office = await listing(stack().config.driveFolderId);
		const folder = office.files.find((f) => f.name === ticket)!;
		expect((await listing(folder.id)).files.map((f) => f.url)).toEqual([
			new URL(withPhoto.values.Foto).pathname,
		]);
		expect(row.values.Pengaduan).toContain('salah ketik nama ibu');

		const before = (await wati.chat()).length;
		await fetch(`${stack().sandboxUrl}/api/sheet/rows/${row.rowNumber}?sheet=Pengaduan`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				Status: 'Selesai',
				Tanggapan: 'Surat sudah kami terbitkan ulang dengan nama yang benar.',
			}),
		});
		const answer = await nextUnpromptedMessage(
			wati,
			before,
			(msg) => said('complaint.resolved', msg.text),
			'the response',
		);
		expect(answer.text).toContain('terbitkan ulang');
		const done = await waitFor(
			async () =>
				(await tab('Pengaduan')).find((r) => r.values.Tiket === ticket && r.values.Diberitahu),
			{
				timeoutMs: 60000,
				description: 'the complaint marked answered',
			},
		);
		expect(done.values['Selesai Pada']).not.toBe('');
		// Once: another whole approvals round after the row was marked adds no second response.
		await nextApprovalsRound(stack(), new Date());
		const responses = (await wati.chat()).filter((msg) => said('complaint.resolved', msg.text));
		expect(responses).toHaveLength(1);
	});

	it('sends the Lurah a monthly report whose figures match the sheet', async () => {
		const month = new Intl.DateTimeFormat('en-CA', {
			timeZone: 'Asia/Jakarta',
			year: 'numeric',
			month: '2-digit',
		}).format(new Date());
		const before = (await (
			await fetch(`${stack().sandboxUrl}/api/residents/${LURAH}/messages`)
		).json()) as unknown[];
		const hook = stack()
			.workflows.flatMap((w) => w.webhooks)
			.find((h) => h.url.endsWith('/laporan'))!;
		// The report webhook requires its header key: without it n8n refuses and nothing is sent.
		expect((await fetch(`${hook.url}?bulan=${month}`)).status).toBe(403);
		const headers = { [SANDBOX_REPORT_KEY.name]: SANDBOX_REPORT_KEY.value };
		expect((await fetch(`${hook.url}?bulan=${month}`, { headers })).status).toBe(200);

		const lurah = new Resident(stack(), LURAH, 'Lurah');
		const report = await nextUnpromptedMessage(
			lurah,
			before.length,
			(msg) => !!msg.document,
			'the report PDF',
		);
		const pages = await readPdf(await lurah.download(report.document!.url));
		expect(squash(pages.map((p) => p.text).join(' '))).toContain(reportLabels.title);

		// Every figure of the table, against what this test computes itself from the sheet's rows
		// (the definitions in docs/nodes/service-report.md). Every row of these tests was made this
		// month, so the year to date equals the month.
		const printed = reportTableRows(pages, sheetLayout.tabs.report.columns.indicator);
		const expected = await figuresFromSheet(month, printed);
		// The letters per service are drawn as bars in the PDF and listed in the report tab.
		const perService = reportLabels.rows.lettersOfService.split('{layanan}')[0];
		const inTable = [...expected].filter(([label]) => !label.startsWith(perService));
		expect([...printed.keys()].sort()).toEqual(inTable.map(([label]) => label).sort());
		for (const [label, value] of inTable) {
			const [thisMonth, yearToDate] = printed.get(label)!;
			expectFigure(thisMonth, value, label);
			expectFigure(yearToDate, value, label);
		}
		const cols = sheetLayout.tabs.report.columns;
		const tabRows = await waitFor(
			async () => {
				const rows = (await tab(sheetLayout.tabs.report.name)).filter(
					(r) => r.values[cols.month] === month,
				);
				return rows.length ? rows.map((r) => r.values) : undefined;
			},
			{ timeoutMs: 30000, description: 'the report tab' },
		);
		const services = [...expected].filter(([label]) => label.startsWith(perService));
		expect(services.length).toBeGreaterThan(0);
		expect(
			tabRows
				.filter((r) => r[cols.indicator].startsWith(perService))
				.map((r) => r[cols.indicator])
				.sort(),
		).toEqual(services.map(([label]) => label).sort());
		for (const [label, value] of services) {
			const row = tabRows.find((r) => r[cols.indicator] === label)!;
			expect(`${label}: ${row[cols.thisMonth]} / ${row[cols.yearToDate]}`).toBe(
				`${label}: ${value} / ${value}`,
			);
		}
		// The journeys above left a letter, a survey answer and a complaint to count.
		expect(expected.get(reportLabels.rows.lettersIssued)).toBeGreaterThan(0);
		expect(expected.get(reportLabels.rows.ikmRespondents)).toBeGreaterThan(0);
		expect(expected.get(reportLabels.rows.complaintsReceived)).toBeGreaterThan(0);
	});
});

/** The month (YYYY-MM, office time) of a timestamp cell as the workflows write it (UTC without an offset). */
function monthOf(cell: string | undefined): string | undefined {
	const text = (cell ?? '').trim();
	if (!text) return undefined;
	const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
	if (Number.isNaN(ms)) return undefined;
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Jakarta',
		year: 'numeric',
		month: '2-digit',
	}).format(ms);
}

const msOf = (cell: string) =>
	Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(cell) ? cell : `${cell.replace(' ', 'T')}Z`);
/** The smallest value with at least p% of the values at or below it. */
const rank = (values: number[], p: number) =>
	values.length
		? [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil((p / 100) * values.length)) - 1]
		: null;
const share = (part: number, whole: number) => (whole ? (100 * part) / whole : null);

/** Every indicator of the month, label → figure (null: none), from the sheet's rows alone. */
async function figuresFromSheet(
	month: string,
	printed: Map<string, string[]>,
): Promise<Map<string, number | string | null>> {
	const l = reportLabels.rows;
	const figures = new Map<string, number | string | null>();
	const requests = (await staffClient(stack()).sheet()).rows.map((r) => r.values);
	const received = requests.filter((r) => monthOf(r[c.receivedAt]) === month);
	const letters = requests.filter((r) => monthOf(r[c.completedAt]) === month);
	figures.set(l.requestsReceived, received.length);
	figures.set(l.lettersIssued, letters.length);
	for (const service of new Set(letters.map((r) => r[c.service])))
		figures.set(
			l.lettersOfService.replace('{layanan}', service),
			letters.filter((r) => r[c.service] === service).length,
		);
	figures.set(l.residentsServed, new Set(letters.map((r) => r[c.waId].replace(/\D/g, ''))).size);
	const minutes = letters.map((r) => (msOf(r[c.completedAt]) - msOf(r[c.receivedAt])) / 60000);
	figures.set(l.medianMinutes, rank(minutes, 50));
	figures.set(l.p90Minutes, rank(minutes, 90));
	// The target is the office's setting; the label names it.
	const targetPattern = new RegExp(
		`^${l.withinTarget.replace(/[()%]/g, '\\$&').replace('{menit}', '(\\d+)')}$`,
	);
	const withinLabel = [...printed.keys()].find((label) => targetPattern.test(label));
	expect(withinLabel).toBeDefined();
	const target = Number(targetPattern.exec(withinLabel!)![1]);
	figures.set(withinLabel!, share(minutes.filter((n) => n <= target).length, minutes.length));
	const statusCount = (status: string) => received.filter((r) => r[c.status] === status).length;
	figures.set(l.fixPercent, share(statusCount(statuses.fix), received.length));
	figures.set(l.rejectedPercent, share(statusCount(statuses.rejected), received.length));

	// IKM (PermenPAN-RB 14/2017): 25 × the mean of the nine elements' average scores, one answer
	// set per ticket (the latest).
	const s = sheetLayout.tabs.surveys.columns;
	const latest = new Map<string, Record<string, string>>();
	for (const row of (await tab(sheetLayout.tabs.surveys.name)).map((r) => r.values))
		if (monthOf(row[s.answeredAt]) === month) {
			const seen = latest.get(row[s.ticket]);
			if (!seen || msOf(row[s.answeredAt]) >= msOf(seen[s.answeredAt]))
				latest.set(row[s.ticket], row);
		}
	const answers = [...latest.values()];
	const elements = (['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const).map((u) =>
		answers.map((a) => Number(a[s[u]])).filter((n) => n >= 1 && n <= 4),
	);
	const averages = elements
		.filter((e) => e.length)
		.map((e) => e.reduce((x, y) => x + y, 0) / e.length);
	const ikm = averages.length ? (25 * averages.reduce((x, y) => x + y, 0)) / averages.length : null;
	figures.set(l.ikm, ikm);
	const rounded = ikm === null ? null : Math.round(ikm * 100) / 100;
	const grade =
		rounded === null
			? null
			: rounded >= 88.31
				? 'A'
				: rounded >= 76.61
					? 'B'
					: rounded >= 65
						? 'C'
						: 'D';
	figures.set(
		l.ikmGrade,
		grade && `${grade} (${reportLabels.grades[grade as keyof typeof reportLabels.grades]})`,
	);
	figures.set(l.ikmRespondents, answers.length);

	const k = sheetLayout.tabs.complaints.columns;
	const complaints = (await tab(sheetLayout.tabs.complaints.name))
		.map((r) => r.values)
		.filter((r) => monthOf(r[k.receivedAt]) === month);
	const resolved = complaints.filter((r) => r[k.status] === statuses.done);
	figures.set(l.complaintsReceived, complaints.length);
	figures.set(l.complaintsResolved, resolved.length);
	figures.set(l.resolutionPercent, share(resolved.length, complaints.length));
	figures.set(
		l.medianHoursToResolve,
		rank(
			resolved
				.filter((r) => r[k.completedAt])
				.map((r) => (msOf(r[k.completedAt]) - msOf(r[k.receivedAt])) / 3600000),
			50,
		),
	);
	return figures;
}

/** A figure printed as `1.234,5`, or a word (the grade), or "-" for none, against the expected one. */
function expectFigure(printed: string, expected: number | string | null, label: string): void {
	if (expected === null) expect(`${label}: ${printed}`).toBe(`${label}: ${reportLabels.none}`);
	else if (typeof expected === 'string')
		expect(`${label}: ${printed}`).toBe(`${label}: ${expected}`);
	else expectSameFigure(printed, String(expected), label);
}

/** A figure printed as `1.234,5` (or a word such as the grade) against the tab's plain value. */
function expectSameFigure(printed: string, inTab: string, label: string): void {
	const decimals = /,(\d+)$/.exec(printed)?.[1].length ?? 0;
	const asNumber = Number(printed.replace(/\./g, '').replace(',', '.'));
	if (Number.isNaN(asNumber) || inTab === '' || Number.isNaN(Number(inTab))) {
		expect(`${label}: ${printed}`).toBe(`${label}: ${inTab}`);
		return;
	}
	expect(Math.abs(asNumber - Number(inTab))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}
