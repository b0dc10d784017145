// From an empty n8n to a working office through the Setup form (workflows/setup.json): a fresh
// n8n holding only the package, the credentials and the Setup workflow; the admin submits the
// form over HTTP; the spreadsheet, folder, data tables and the ready workflows appear, and a
// resident's request through the installed intake lands in the NEW spreadsheet. Submitted again
// with another address: nothing is created twice and the installed letters carry the new address.
// The admin, who has never written to the office (Meta's 24-hour window closed), still receives the
// test message as the office's template with a sample letter; the files are shared with the staff
// e-mails typed; a spreadsheet deleted in Drive is made again on the next submission.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8nApiError, PublicApi } from '../../sandbox/runtime/api';
import { SANDBOX_SETUP_LOGIN, startStack, type Stack } from '../../sandbox/runtime/stack';
import { keepSuccessfulExecutions, waitForWebhooks } from '../../sandbox/runtime/provision';
import { submitSetupForm } from '../../sandbox/runtime/setup-form';
import type { WorkflowFile } from '../../sandbox/runtime/workflow-file';
import setupWorkflow from '../../workflows/setup.json';
import { BUNDLED_WORKFLOWS, SUB_WORKFLOWS } from '../../nodes/domain/setup/bundled';
import layout from '../../templates/sheet.json';
import { readPdf, squash } from '../support/pdfText';
import { faultClient, residentClient } from './support/clients';
import { nextUnpromptedMessage } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { stackInfo, type StackInfo } from './support/stack-info';
import { E2E_TEST_TIMEOUT_MS, STACK_START_TIMEOUT_MS } from './support/use-stack';
import { waitFor } from './support/wait';
import { editInstalledNodes } from './support/workflow-edit';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const SETUP = 'Pecelan · Setup (prepare the office)';
const setupFile = setupWorkflow as unknown as WorkflowFile;
const INTAKE = 'Pecelan · Intake (WhatsApp conversation)';
const DRIVE_FILES = "Pecelan · Find or create the office's Drive files";
const INTAKE_HOOK = '3f9f4b8e-6a0e-4a57-8d2f-5a3c1e0b7d11';
const SHEET_EDIT_HOOK = '5b1f0c7e-3d2a-4e8b-9c61-7a0d2e4f8b13';
// Numbers no other e2e file uses (test/e2e/support/resident.ts).
const ADMIN = '6281299160001';
const RESIDENT = '6281299160002';
const LATE_RESIDENT = '6281299160003';
const STAFF = 'petugas.satu@gmail.com';

let dir: string;
let stack: Stack;
let info: StackInfo;
let api: PublicApi;

interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string; parameters: Record<string, any> }>;
}
interface Permission {
	type: string;
	role: string;
	emailAddress?: string;
}
interface GoogleState {
	spreadsheets: Array<{
		spreadsheetId: string;
		title: string;
		tabs: string[];
		permissions: Permission[];
	}>;
	folders: Array<{ id: string; name: string; permissions: Permission[] }>;
}

const google = async () =>
	(await (await fetch(`${info.sandboxUrl}/api/google`)).json()) as GoogleState;
const sheetOf = async (spreadsheetId: string, tab: string) =>
	(await (
		await fetch(
			`${info.sandboxUrl}/api/sheet?spreadsheet=${spreadsheetId}&sheet=${encodeURIComponent(tab)}`,
		)
	).json()) as {
		header: string[];
		dropdowns: Record<string, string[]>;
		frozenRowCount: number;
		rows: Array<{ values: Record<string, string> }>;
	};
const workflows = async () =>
	Promise.all(
		(await api.list<{ id: string }>('/workflows')).map((w) =>
			api.call<Workflow>('GET', `/workflows/${w.id}`),
		),
	);

const answers = (address: string, staffEmails = '', more: Record<string, string> = {}) => ({
	office: 'KELURAHAN MAJU JAYA',
	district: 'Sukamaju',
	regency: 'Kabupaten Bogor',
	address,
	phone: '(0351) 765432',
	email: 'majujaya@example.go.id',
	signatoryName: 'Siti Aminah, S.IP., M.AP.',
	signatoryPangkat: 'Pembina (IV/a)',
	signatoryNip: '19800202 200501 2 002',
	signatoryTitle: 'LURAH MAJU JAYA',
	signatoryWhatsApp: '0812 9916 0003',
	paper: 'A4',
	unitCode: '400.10.2',
	adminWhatsApp: ADMIN,
	staffEmails,
	staffWhatsApp: '0813 9916 0005, 0813 9916 0006',
	digestTime: '07:15',
	...more,
});

/**
 * Submits the Setup form as the admin's browser does, and waits until the run stands at its
 * finish page (the Form ending node waits there for the browser): every step before it done.
 * Returns the finish page's text.
 */
async function submitSetup(
	address: string,
	staffEmails = '',
	more: Record<string, string> = {},
): Promise<string> {
	const result = await submitSetupRun(address, staffEmails, more);
	return result.runData!['Finish Page'][0].data!.main![0][0].json.message as string;
}

/** The Setup run for these answers, as n8n kept it (every node's runs). */
async function submitSetupRun(
	address: string,
	staffEmails = '',
	more: Record<string, string> = {},
) {
	const setup = (await workflows()).find((w) => w.name === SETUP)!;
	return submitSetupForm({
		url: info.n8nUrl,
		api,
		workflowId: setup.id,
		workflow: setupFile,
		login: SANDBOX_SETUP_LOGIN,
		answers: answers(address, staffEmails, more),
		log: (line) => process.stderr.write(`[setup] ${line}\n`),
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'pecelan-setup-test-'));
	// Nothing provisioned but credentials and the Setup workflow: the admin submits its form.
	stack = await startStack({
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		submitSetup: false,
		keepSuccessfulExecutions: true,
		log: (line) => process.stderr.write(`[setup] ${line}\n`),
	});
	info = stackInfo(stack);
	api = new PublicApi(info.n8nUrl, info.apiKey);
	// The credentials the Setup workflow's own nodes do not use are linked by name (docs/deployment.md): the
	// sandbox's carry the names the ready workflows give, as the admin creates them.
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
	await stack?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
}, 60000);

let spreadsheetId: string;
let resident: Resident;
let ticket: string;

let firstFinish: string;

test('the form makes the spreadsheet with every tab, header, dropdown and frozen header', async () => {
	const before = await google();
	firstFinish = await submitSetup('Jl. Merdeka No. 1, Madiun', `${STAFF}, bukan-surel`);
	const after = await google();
	const made = after.spreadsheets.filter(
		(s) => !before.spreadsheets.some((b) => b.spreadsheetId === s.spreadsheetId),
	);
	expect(made).toHaveLength(1);
	spreadsheetId = made[0].spreadsheetId;
	expect(made[0].title).toBe('Pecelan · KELURAHAN MAJU JAYA');
	const tabs = [layout.sheetName, ...Object.values(layout.tabs).map((t) => t.name)];
	expect(made[0].tabs).toEqual(tabs);
	const requests = await sheetOf(spreadsheetId, layout.sheetName);
	expect(requests.header).toEqual(Object.values(layout.columns));
	expect(requests.dropdowns[layout.columns.status]).toEqual(Object.values(layout.statuses));
	expect(requests.frozenRowCount).toBe(1);
	for (const tab of Object.values(layout.tabs))
		expect((await sheetOf(spreadsheetId, tab.name)).header).toEqual(Object.values(tab.columns));
	expect(
		after.folders.filter((f) => f.name === 'Pecelan · Berkas KELURAHAN MAJU JAYA'),
	).toHaveLength(1);
});

test('the admin, who never wrote to the office, receives the test message and a sample letter', async () => {
	const chat = await residentClient(info).messages(ADMIN);
	expect(chat.some((m) => m.direction === 'in')).toBe(false);
	const sent = chat.filter((m) => m.direction === 'out');
	expect(sent).toHaveLength(1);
	expect(sent[0].template).toBe('pecelan_uji_admin');
	expect(sent[0].text).toContain('KELURAHAN MAJU JAYA');
	expect(sent[0].document).toBeDefined();
	const pdf = await residentClient(info).download(sent[0].document!.url);
	const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
	expect(text).toContain(squash('KELURAHAN MAJU JAYA'));
	expect(text).toContain(squash('Siti Aminah, S.IP., M.AP.'));
	expect(text).toContain('CONTOH');
	expect(firstFinish).toContain(
		`terkirim ke WhatsApp admin (${ADMIN}) sebagai template pecelan_uji_admin`,
	);
});

test('the spreadsheet and the folder are shared with the staff e-mail typed, and the page says so', async () => {
	const state = await google();
	const sheet = state.spreadsheets.find((s) => s.spreadsheetId === spreadsheetId)!;
	const folder = state.folders.find((f) => f.name === 'Pecelan · Berkas KELURAHAN MAJU JAYA')!;
	for (const file of [sheet, folder])
		expect(file.permissions).toEqual([
			expect.objectContaining({ type: 'user', role: 'writer', emailAddress: STAFF }),
		]);
	expect(firstFinish).toContain(`dibagikan (boleh mengedit) ke: ${STAFF}.`);
	expect(firstFinish).toContain('Bukan alamat surel, dilewati: bukan-surel.');
	// Everything was new: the page names what it installed, and nothing else.
	expect(firstFinish).toContain(`Dipasang baru: ${DRIVE_FILES}, `);
	expect(firstFinish).toContain(INTAKE);
	expect(firstFinish).not.toMatch(/Diperbarui|dipertahankan|Diganti/);
	expect(firstFinish).not.toContain('Bagikan lembar permohonan');
});

test('the ready workflows are installed, active, on the new ids, with the form’s letterhead', async () => {
	const installed = (await workflows()).filter((w) => w.name !== SETUP);
	// The eight ready workflows, the eight sub-workflows they call and the one Setup calls.
	expect(installed.map((w) => w.name).sort()).toHaveLength(17);
	expect(installed.map((w) => w.name)).toContain(DRIVE_FILES);
	for (const w of installed) expect(w.active).toBe(true);
	// The callers of each sub-workflow point at the one installed.
	const save = installed.find((w) => w.name === 'Pecelan · Save session safely')!;
	const filing = installed.find((w) => w.name === 'Pecelan · File documents in Drive')!;
	const resend = installed.find((w) => w.name === 'Pecelan · Send a letter again')!;
	const notice = installed.find((w) => w.name === 'Pecelan · Send a notice and mark the sheet')!;
	const lock = installed.find((w) => w.name === 'Pecelan · Lock (one round at a time)')!;
	const reading = installed.find((w) => w.name === 'Pecelan · Read a KTP photo or a voice note')!;
	const deliver = installed.find((w) => w.name === 'Pecelan · Sign and send a letter')!;
	const records = installed.find((w) => w.name === 'Pecelan · Update letter records')!;
	const calls = installed.flatMap((w) =>
		w.nodes.filter((n) => n.type === 'n8n-nodes-base.executeWorkflow'),
	);
	expect(calls.map((n) => [n.name, n.parameters.workflowId.value]).sort()).toEqual([
		['Deliver Letter', deliver.id],
		['Deliver Letters', deliver.id],
		['File Complaint Photo', filing.id],
		['File Request Documents', filing.id],
		['Invite to Survey', save.id],
		['Mark Already Sent', notice.id],
		['Mark Letter Sent', notice.id],
		['Mark Letter Sent', notice.id],
		['Read Photo or Voice', reading.id],
		['Release Lock', lock.id],
		['Reopen for Fix', save.id],
		['Resume Bot', save.id],
		['Save Session Safely', save.id],
		['Send Bot Is Back', notice.id],
		['Send Fix Request', notice.id],
		['Send Letter Again', resend.id],
		['Send Rejection', notice.id],
		['Send Response', notice.id],
		['Send Survey Invitation', notice.id],
		['Take Lock', lock.id],
		// Read a KTP photo or a voice note saves through the id its caller gives it.
		['Take Reading', "={{ $('When Called').first().json.saveSession }}"],
		['Update Letter Records', records.id],
		['Update Letter Records', records.id],
	]);
	const text = JSON.stringify(installed);
	expect(text).not.toContain('1SandboxPecelan');
	expect(text).toContain(spreadsheetId);
	// The report and the TTE notice go to the signatory's number from the form, as WhatsApp writes it.
	const notices = installed.flatMap((w) =>
		w.nodes.filter((n) => ['Send to Lurah', 'Tell Signatory'].includes(n.name)),
	);
	// (Tell Signatory picks the deputy's number for the deputy's letters: with no deputy recorded,
	// the signatory's too.)
	expect(notices.flatMap((n) => String(n.parameters.to).match(/\d{10,}/g) ?? []).sort()).toEqual([
		'6281299160003',
		'6281299160003',
		'6281299160003',
	]);
	expect(text).not.toContain('6281100000099');
	expect(text).not.toContain('6281100000066');
	// The staff alerts go to the staff numbers from the form, at its digest time.
	const alerts = installed
		.flatMap((w) => w.nodes)
		.find((n) => n.parameters.operation === 'staffAlerts')!;
	expect(alerts.parameters.staffNumbers).toBe('6281399160005, 6281399160006');
	expect(alerts.parameters.digestTime).toBe('07:15');
	const letters = installed.flatMap((w) =>
		w.nodes.filter((n) => n.type === 'n8n-nodes-pecelan.letterPdf'),
	);
	// Letters are printed in one place: Sign and send a letter.
	expect(letters).toHaveLength(1);
	for (const letter of letters) {
		expect(letter.parameters.letterhead.address).toBe(
			'Jl. Merdeka No. 1, Madiun · Telp. (0351) 765432 · Surel: majujaya@example.go.id',
		);
		expect(letter.parameters.signatory).toMatchObject({
			name: 'Siti Aminah, S.IP., M.AP.',
			nip: '19800202 200501 2 002',
		});
	}
});

/**
 * A resident of the installed intake. The resident's helper follows the intake's executions, which
 * a ready workflow does not keep: the test alone keeps them, as the e2e stack does for its own
 * import (provision.ts); a Setup submission puts the workflow's own settings back.
 */
async function intakeResident(waId: string): Promise<Resident> {
	const intake = (await workflows()).find((w) => w.name === INTAKE)!;
	const hook = `${info.n8nUrl}/webhook/${INTAKE_HOOK}/webhook`;
	stack.sandbox.setIntakeWebhookUrl(hook);
	const residentInfo: StackInfo = {
		...info,
		workflows: [
			{
				id: intake.id,
				name: INTAKE,
				file: 'intake.json',
				active: true,
				webhooks: [{ node: 'WhatsApp Trigger', name: 'default', method: 'POST', url: hook }],
				nodeTypes: { 'WhatsApp Trigger': 'n8n-nodes-pecelan.whatsAppGatewayTrigger' },
			},
		],
	};
	await keepSuccessfulExecutions(
		api,
		intake.id,
		await api.call<WorkflowFile & { active: boolean }>('GET', `/workflows/${intake.id}`),
	);
	// Published again: its webhook answers once n8n has registered it anew.
	await waitForWebhooks(
		[{ node: 'WhatsApp Trigger', name: 'default', method: 'POST', url: hook }],
		60000,
	);
	return new Resident(residentInfo, waId);
}

test("a resident's request through the installed intake becomes a row in the new spreadsheet", async () => {
	resident = await intakeResident(RESIDENT);
	ticket = await submitRequest(resident, 'domisili');
	const row = await waitFor(
		async () =>
			(await sheetOf(spreadsheetId, layout.sheetName)).rows.find(
				(r) => r.values[layout.columns.ticket] === ticket,
			),
		{ timeoutMs: 120000, description: `the row of ${ticket} in the new spreadsheet` },
	);
	expect(row.values[layout.columns.status]).toBe(layout.statuses.pending);
});

test('submitted again with a new address: nothing twice, the letters carry the new address', async () => {
	const before = await google();
	const ids = (await workflows()).map((w) => w.id).sort();
	const finish = await submitSetup('Jl. Pahlawan No. 9, Madiun');
	// No e-mails this time: sharing is on the list of what is left by hand.
	expect(finish).toContain('Bagikan lembar permohonan');
	// Nobody edited a workflow: each is updated from the package, none is said to be kept.
	expect(finish).toContain(`Diperbarui ke versi paket ini: ${DRIVE_FILES}, `);
	expect(finish).not.toMatch(/Dipasang baru|dipertahankan|Diganti/);
	const after = await google();
	expect(after.spreadsheets).toHaveLength(before.spreadsheets.length);
	expect(after.folders).toHaveLength(before.folders.length);
	const again = await workflows();
	expect(again.map((w) => w.id).sort()).toEqual(ids);
	for (const w of again) expect(w.active).toBe(true);
	const letters = again
		.filter((w) => w.name !== SETUP)
		.flatMap((w) => w.nodes.filter((n) => n.type === 'n8n-nodes-pecelan.letterPdf'));
	for (const letter of letters)
		expect(letter.parameters.letterhead.address).toMatch(/^Jl\. Pahlawan No\. 9, Madiun · /);
	const tables = await api.list<{ name: string }>('/data-tables');
	// Each table once. pecelan_alerts, which the Staff alerts workflow makes on its first run
	// (within a minute), may or may not exist yet: it is not the Setup's.
	const names = tables.map((t) => t.name);
	expect(names.filter((n) => n === 'pecelan_alerts').length).toBeLessThanOrEqual(1);
	expect(names.filter((n) => n !== 'pecelan_alerts').sort()).toEqual(
		[
			'pecelan_events',
			'pecelan_letters',
			'pecelan_locks',
			'pecelan_office',
			'pecelan_sessions',
			'pecelan_unmarked',
		].sort(),
	);
});

test('an approval in the new spreadsheet sends a letter with the form’s letterhead and signatory', async () => {
	stack.sandbox.setSheetEditWebhookUrl(`${info.n8nUrl}/webhook/${SHEET_EDIT_HOOK}/sheet-edit`);
	const row = (await sheetOf(spreadsheetId, layout.sheetName)).rows.findIndex(
		(r) => r.values[layout.columns.ticket] === ticket,
	);
	expect(row).toBeGreaterThanOrEqual(0);
	const before = (await resident.chat()).length;
	const rowNumber = (await sheetOf(spreadsheetId, layout.sheetName)).rows[row] as any;
	const patched = await fetch(
		`${info.sandboxUrl}/api/sheet/rows/${rowNumber.rowNumber}?spreadsheet=${spreadsheetId}`,
		{
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ [layout.columns.status]: layout.statuses.approved }),
		},
	);
	expect(patched.status).toBe(200);
	const letter = await nextUnpromptedMessage(resident, before, (m) => !!m.document, 'the letter');
	const text = squash(
		(await readPdf(await resident.download(letter.document!.url))).map((p) => p.text).join(' '),
	);
	expect(text).toContain(squash('Jl. Pahlawan No. 9, Madiun'));
	expect(text).toContain(squash('Siti Aminah, S.IP., M.AP.'));
	expect(text).toContain(squash('19800202 200501 2 002'));
	// The office's own region, from the form's kecamatan and kabupaten: not the reference office's.
	expect(text).toContain(squash('PEMERINTAH KABUPATEN BOGOR'));
	expect(text).toContain(squash('Lurah Maju Jaya, Kecamatan Sukamaju, Kabupaten Bogor'));
	expect(text).toContain(squash('LURAH MAJU JAYA'));
	expect(text).not.toMatch(/Oro-Oro Ombo|Kartoharjo/i);
});

test('a spreadsheet and folder deleted in Drive are made again on the next submission, and requests land there', async () => {
	const folderId = (await google()).folders.find(
		(f) => f.name === 'Pecelan · Berkas KELURAHAN MAJU JAYA',
	)!.id;
	for (const path of [`spreadsheets/${spreadsheetId}`, `folders/${folderId}`]) {
		const deleted = await fetch(`${info.sandboxUrl}/api/google/${path}`, { method: 'DELETE' });
		expect(deleted.status).toBe(200);
	}
	const before = await google();
	await submitSetup('Jl. Pahlawan No. 9, Madiun');
	const after = await google();
	const made = after.spreadsheets.filter(
		(s) => !before.spreadsheets.some((b) => b.spreadsheetId === s.spreadsheetId),
	);
	expect(made).toHaveLength(1);
	const folders = after.folders.filter((f) => f.name === 'Pecelan · Berkas KELURAHAN MAJU JAYA');
	expect(folders).toHaveLength(1);
	expect(folders[0].id).not.toBe(folderId);
	const renewed = made[0].spreadsheetId;
	expect((await sheetOf(renewed, layout.sheetName)).header).toEqual(Object.values(layout.columns));
	const text = JSON.stringify(await workflows());
	expect(text).toContain(renewed);
	expect(text).not.toContain(spreadsheetId);
	expect(text).toContain(folders[0].id);
	expect(text).not.toContain(folderId);
	const late = await intakeResident(LATE_RESIDENT);
	const lateTicket = await submitRequest(late, 'domisili');
	await waitFor(
		async () =>
			(await sheetOf(renewed, layout.sheetName)).rows.find(
				(r) => r.values[layout.columns.ticket] === lateTicket,
			),
		{ timeoutMs: 120000, description: `the row of ${lateTicket} in the new spreadsheet` },
	);
});

test('while Meta has not approved the test template, the finish page says so and what to do', async () => {
	const status = (value: string) =>
		fetch(`${info.sandboxUrl}/api/templates/pecelan_uji_admin/status`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ status: value }),
		});
	const before = (await residentClient(info).messages(ADMIN)).length;
	expect((await status('PENDING')).status).toBe(200);
	try {
		const finish = await submitSetup('Jl. Pahlawan No. 9, Madiun');
		expect(finish).toContain('belum terkirim ke WhatsApp admin');
		expect(finish).toContain('belum disetujui');
		expect(finish).toContain('Create Office Templates');
		expect(await residentClient(info).messages(ADMIN)).toHaveLength(before);
	} finally {
		await status('APPROVED');
	}
});

test('a form value written like an n8n expression prints as typed on the sample letter', async () => {
	const typed = '={{ $json }}';
	const before = (await residentClient(info).messages(ADMIN)).length;
	await submitSetup('Jl. Pahlawan No. 9, Madiun', '', { signatoryName: typed });
	const sample = await waitFor(
		async () =>
			(await residentClient(info).messages(ADMIN))
				.slice(before)
				.find((m) => m.direction === 'out' && m.document),
		{ timeoutMs: 60000, description: 'the sample letter of the new submission' },
	);
	const sampleText = squash(
		(await readPdf(await residentClient(info).download(sample.document!.url)))
			.map((p) => p.text)
			.join(' '),
	);
	expect(sampleText).toContain(squash(typed));
	expect(sampleText).not.toContain('Siti Aminah');

	// Installed as an expression that yields the text: n8n never evaluates what was typed.
	const letters = (await workflows())
		.filter((w) => w.name !== SETUP)
		.flatMap((w) => w.nodes.filter((n) => n.type === 'n8n-nodes-pecelan.letterPdf'));
	// Letters are printed in one place: Sign and send a letter.
	expect(letters).toHaveLength(1);
	for (const letter of letters)
		expect(letter.parameters.signatory.name).toBe('={{ "=\\u007b\\u007b $json \\u007d\\u007d" }}');
});

test('a stored spreadsheet Google refuses to read (403, not gone) stops the run at Google Refused: nothing is replaced', async () => {
	const setup = (await workflows()).find((w) => w.name === SETUP)!;
	const driveFiles = (await workflows()).find((w) => w.name === DRIVE_FILES)!;
	const seenDrive = new Set(
		(await api.list<{ id: string }>(`/executions?workflowId=${driveFiles.id}`)).map((e) => e.id),
	);
	const installed = async () =>
		JSON.stringify(
			(await workflows())
				.filter((w) => w.name !== SETUP)
				.map((w) => [w.name, w.active, w.nodes])
				.sort(),
		);
	const googleBefore = await google();
	const installedBefore = await installed();
	const seen = new Set(
		(await api.list<{ id: string }>(`/executions?workflowId=${setup.id}`)).map((e) => e.id),
	);
	// Google Sheets (Find Spreadsheet) answers 403 PERMISSION_DENIED, as when the spreadsheet was
	// unshared from the service account: it still exists, so it must be kept. Find Drive Files
	// tries three times: each is refused. Only that call fails: the scheduled workflows keep
	// reading the sheet meanwhile.
	const faults = faultClient(info);
	await faults.arm({ service: 'sheets', operation: 'getSpreadsheet', status: 403, times: 3 });
	let outcome: string;
	try {
		outcome = await submitSetup('Jl. Pahlawan No. 9, Madiun').then(
			() => 'the run finished',
			(error: Error) => error.message,
		);
	} finally {
		await faults.clear();
	}
	expect(outcome).not.toBe('the run finished');
	const run = await waitFor(
		async () =>
			(await api.list<{ id: string; status: string }>(`/executions?workflowId=${setup.id}`)).find(
				(e) => !seen.has(e.id) && !['new', 'running'].includes(e.status),
			),
		{ timeoutMs: 60000, description: 'the refused Setup run to end' },
	);
	const full = await api.call<{
		status: string;
		data: { resultData: { lastNodeExecuted: string; error?: { message?: string } } };
	}>('GET', `/executions/${run.id}?includeData=true`);
	expect(full.status).toBe('error');
	expect(full.data.resultData.lastNodeExecuted).toBe('Find Drive Files');
	// Google's answer is named, so the admin knows what to fix.
	expect(full.data.resultData.error?.message).toMatch(/not a 404, so nothing was replaced/);
	expect(full.data.resultData.error?.message).toMatch(/The caller does not have permission/);
	// The sub-workflow stopped at its Google Refused node.
	const drive = await waitFor(
		async () =>
			(
				await api.list<{ id: string; status: string }>(`/executions?workflowId=${driveFiles.id}`)
			).find((e) => !seenDrive.has(e.id) && !['new', 'running'].includes(e.status)),
		{ timeoutMs: 60000, description: 'the refused Drive files run to end' },
	);
	const driveRun = await api.call<typeof full>('GET', `/executions/${drive.id}?includeData=true`);
	expect(driveRun.status).toBe('error');
	expect(driveRun.data.resultData.lastNodeExecuted).toBe('Google Refused');
	// Nothing created, nothing moved: the same spreadsheets and folders, the same workflows.
	const googleAfter = await google();
	expect(googleAfter.spreadsheets.map((s) => s.spreadsheetId)).toEqual(
		googleBefore.spreadsheets.map((s) => s.spreadsheetId),
	);
	expect(googleAfter.folders.map((f) => f.id)).toEqual(googleBefore.folders.map((f) => f.id));
	expect(await installed()).toBe(installedBefore);
});

test('a notice reworded in the editor survives the next submission, which still applies the new address; "replace" brings the package\'s back', async () => {
	const GATEWAY = 'n8n-nodes-pecelan.whatsAppGateway';
	const wording =
		'Surat {serviceTitle} Anda sudah jadi, {name}. Tiket {ticket}, nomor {letterNumber}.';
	const sendLetters = async () =>
		(await workflows())
			.filter((w) => w.name !== SETUP)
			.flatMap((w) =>
				w.nodes
					.filter((n) => n.name === 'Send Letter' && n.type === GATEWAY)
					.map((n) => ({ workflow: w.name, parameters: n.parameters })),
			);
	const addresses = async () =>
		(await workflows())
			.filter((w) => w.name !== SETUP)
			.flatMap((w) => w.nodes.filter((n) => n.type === 'n8n-nodes-pecelan.letterPdf'))
			.map((n) => n.parameters.letterhead.address as string);
	// The admin rewords the "letter ready" notice in the editor, as in admin-tasks.test.ts.
	const edit = await editInstalledNodes(info, (node) =>
		node.name === 'Send Letter' && node.type === GATEWAY
			? { ...node, parameters: { ...node.parameters, noticeWording: wording } }
			: undefined,
	);
	const edited = Object.keys(edit.changed).sort();
	expect(edited.length).toBeGreaterThan(0);

	// Submitted again for another address: the wording stays, the address goes in everywhere.
	const kept = await submitSetup('Jl. Kenanga No. 3, Madiun');
	const after = await sendLetters();
	expect(after.map((s) => s.workflow).sort()).toEqual(edited);
	for (const send of after) expect(send.parameters.noticeWording).toBe(wording);
	expect(await addresses()).toEqual([expect.stringMatching(/^Jl\. Kenanga No\. 3, Madiun · /)]);
	expect(kept).toContain(
		`Perubahan Anda di editor n8n dipertahankan di: ${edited.join(', ')}. Data kantor dari formulir ini`,
	);
	const updatedLine = (page: string) => page.split('\n').find((l) => l.startsWith('Diperbarui'))!;
	for (const name of edited) expect(updatedLine(kept)).not.toContain(name);
	expect(updatedLine(kept)).toContain(INTAKE);

	// A third submission with nothing edited since: still the admin's workflows, still kept.
	const again = await submitSetup('Jl. Kenanga No. 3, Madiun');
	expect(again).toContain(`dipertahankan di: ${edited.join(', ')}.`);
	for (const send of await sendLetters()) expect(send.parameters.noticeWording).toBe(wording);

	// With "replace": the package's Send Letter is back, and the page says the edits are gone.
	const replaced = await submitSetup('Jl. Kenanga No. 3, Madiun', '', {
		replaceEdited: 'Ganti dengan versi paket (perubahan saya dibuang)',
	});
	expect(replaced).toContain(
		`Diganti dengan versi paket, perubahan Anda di editor n8n dibuang: ${edited.join(', ')}.`,
	);
	expect(replaced).not.toContain('dipertahankan');
	for (const send of await sendLetters()) {
		const drawn = [...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS]
			.find((w) => w.name === send.workflow)!
			.nodes.find((n) => n.name === 'Send Letter')!;
		expect(send.parameters).toEqual(drawn.parameters);
	}
	expect(JSON.stringify(await workflows())).not.toContain('sudah jadi');
	expect(await addresses()).toEqual([expect.stringMatching(/^Jl\. Kenanga No\. 3, Madiun · /)]);
	// And the next run updates them from the package again.
	const next = await submitSetup('Jl. Kenanga No. 3, Madiun');
	expect(next).not.toMatch(/dipertahankan|Diganti/);
	for (const name of edited) expect(updatedLine(next)).toContain(name);
});

test('an office set up before a sub-workflow existed gets it on the next submission, its callers pointed at it, in one run to the finish page', async () => {
	const NOTICE = 'Pecelan · Send a notice and mark the sheet';
	const old = (await workflows()).find((w) => w.name === NOTICE)!;
	// As an earlier version of the package left the office: the others installed, this one not.
	await api.call('POST', `/workflows/${old.id}/deactivate`);
	// n8n refuses the deletion (409) while it is still unpublishing the workflow.
	await waitFor(
		async () => {
			try {
				await api.call('DELETE', `/workflows/${old.id}`);
				return true;
			} catch (error) {
				if (error instanceof N8nApiError && error.status === 409) return false;
				throw error;
			}
		},
		{ timeoutMs: 60000, intervalMs: 1000, description: `${NOTICE} to be deleted` },
	);
	expect((await workflows()).map((w) => w.name)).not.toContain(NOTICE);

	const run = await submitSetupRun('Jl. Kenanga No. 3, Madiun');
	const finish = run.runData!['Finish Page'][0].data!.main![0][0].json.message as string;
	expect(finish).toContain(`Dipasang baru: ${NOTICE}`);
	expect(finish).toContain(`Diperbarui ke versi paket ini: ${DRIVE_FILES}, `);
	// One run through the checks: one sample letter, one test message, one finish page.
	expect(run.runData!['Test Message']).toHaveLength(1);
	expect(run.runData!['Finish Page']).toHaveLength(1);
	const installed = await workflows();
	const notice = installed.find((w) => w.name === NOTICE)!;
	expect(notice.active).toBe(true);
	const callers = installed.flatMap((w) =>
		w.nodes.filter(
			(n) =>
				n.type === 'n8n-nodes-base.executeWorkflow' &&
				n.parameters.workflowId.cachedResultName === NOTICE,
		),
	);
	expect(callers.map((n) => n.name).sort()).toEqual([
		'Mark Already Sent',
		'Mark Letter Sent',
		'Mark Letter Sent',
		'Send Bot Is Back',
		'Send Fix Request',
		'Send Rejection',
		'Send Response',
		'Send Survey Invitation',
	]);
	for (const caller of callers) expect(caller.parameters.workflowId.value).toBe(notice.id);
});
