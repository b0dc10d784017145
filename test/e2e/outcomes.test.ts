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
	tabRows,
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

const tab = (name: string) => tabRows(stack(), name);

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

		// Every request, letter and complaint of these tests was made this month.
		const requests = (await staffClient(stack()).sheet()).rows;
		const letters = requests.filter((r) => r.values[c.completedAt]).length;
		const complaints = (await tab('Pengaduan')).length;
		const lines = await waitFor(
			async () => {
				const rows = (await tab('Laporan')).filter((r) => r.values.Bulan === month);
				return rows.length ? rows : undefined;
			},
			{ timeoutMs: 30000, description: 'the report tab' },
		);
		const figure = (label: string) =>
			lines.find((r) => r.values.Indikator === label)?.values['Bulan Ini'];
		expect(Number(figure(reportLabels.rows.requestsReceived))).toBe(requests.length);
		expect(Number(figure(reportLabels.rows.lettersIssued))).toBe(letters);
		expect(Number(figure(reportLabels.rows.complaintsReceived))).toBe(complaints);

		// The PDF's table prints the tab's figures, row by row, as Indonesians write numbers.
		const cols = sheetLayout.tabs.report.columns;
		const printed = reportTableRows(pages, cols.indicator);
		for (const label of [
			reportLabels.rows.requestsReceived,
			reportLabels.rows.lettersIssued,
			reportLabels.rows.complaintsReceived,
		])
			expect(printed.has(label)).toBe(true);
		const compared = [...printed.keys()].filter((label) => figure(label) !== undefined);
		expect(compared.length).toBe(printed.size);
		for (const label of compared) {
			const tabRow = lines.find((r) => r.values.Indikator === label)!.values;
			const [month, yearToDate] = printed.get(label)!;
			expectSameFigure(month, tabRow[cols.thisMonth], label);
			expectSameFigure(yearToDate, tabRow[cols.yearToDate], label);
		}
	});
});

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
