// A deputy who signs: the sandbox office's Setup recorded the Sekretaris Kelurahan as deputy
// (sandbox/office.json). Staff pick the deputy in a request's Penandatangan dropdown and approve:
// the letter prints "a.n. LURAH …" above the deputy's title, name and NIP, and the Buku Agenda
// names the deputy. Then, as an office whose Lurah is away, the deputy signs every letter of a
// period through BSrE: the signature's certificate is the deputy's.
import office from '../../sandbox/office.json';
import { SANDBOX_BSRE } from '../../sandbox/server/bsre';
import { SANDBOX_SIGNATORY_LOGIN } from '../../sandbox/runtime/stack';
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import layout from '../../templates/sheet.json';
import { readPdf, squash } from '../support/pdfText';
import { pdfsig } from '../support/signingFixtures';
import { executionsSince, staffClient } from './support/clients';
import {
	approvalsWorkflowId,
	columns as c,
	nextUnpromptedMessage,
	rowOf,
	statuses,
	tabRows,
} from './support/office';
import { openReportWebhook } from './support/report';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import { editInstalledNodes, editWorkflow } from './support/workflow-edit';

const stack = useStack();
const f = office.form;
const SIGNATORY_WA = f.signatoryWhatsApp;
const ON_BEHALF = 'a.n. LURAH ORO-ORO OMBO';
const REGISTER = DEFAULT_SHEET_LAYOUT.tabs.register;

/** Staff pick the signer in the row's dropdown and approve, in one edit as in Google Sheets. */
async function approveSignedBy(ticket: string, signer: string): Promise<void> {
	const row = await rowOf(stack(), ticket);
	await staffClient(stack()).setCells(row.rowNumber, {
		[c.signer]: signer,
		[c.status]: statuses.approved,
	});
}

/** The text of a letter's first page, runs of space collapsed. */
async function letterText(pdf: Buffer): Promise<string> {
	return squash((await readPdf(pdf))[0].text);
}

describe('a letter the deputy signs', () => {
	let deputyLetter = '';
	let restoreRegister: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		// The register's schedule every few seconds, for this test.
		restoreRegister = await editWorkflow(stack(), /Buku Agenda/, {
			'Every 5 Minutes': () => ({ rule: { interval: [{ field: 'seconds', secondsInterval: 3 }] } }),
		});
	}, 120000);
	afterAll(async () => {
		await restoreRegister?.();
	}, 120000);

	it("picked in the Penandatangan dropdown: printed a.n. the Lurah with the deputy's title, name and NIP; the Buku Agenda names the deputy", async () => {
		// Setup laid the dropdown on the column, as Google keeps it (ONE_OF_LIST).
		const sheet = (await staffClient(stack()).sheet()) as { dropdowns?: Record<string, string[]> };
		expect(sheet.dropdowns?.[c.signer]).toEqual(Object.values(layout.signers));

		const resident = new Resident(stack(), '6281377780131', 'Rina');
		const ticket = await submitRequest(resident, 'domisili');
		const before = (await resident.chat()).length;
		await approveSignedBy(ticket, 'Wakil');
		const sent = await nextUnpromptedMessage(resident, before, (m) => !!m.document, 'the letter');
		const text = await letterText(await resident.download(sent.document!.url));
		expect(text).toContain(`${ON_BEHALF} Sekretaris Kelurahan`);
		expect(text).toContain(`${f.deputyName} ${f.deputyPangkat} NIP. ${f.deputyNip}`);
		expect(text).not.toContain(f.signatoryNip);

		const row = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		const number = row.values[c.letterNumber];
		const entry = await waitFor(
			async () =>
				(await tabRows(stack(), REGISTER.name)).find(
					(e) => e.values[REGISTER.columns.number] === number,
				),
			{ timeoutMs: 180000, intervalMs: 1000, description: `the Buku Agenda row of ${number}` },
		);
		expect(entry.values[REGISTER.columns.signer]).toBe(f.deputyName);
		deputyLetter = number;
	});

	it("prints the month's Buku Agenda on demand: saved to Drive and sent to the signatory, naming the deputy who signed", async () => {
		expect(deputyLetter).toBeTruthy();
		const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
		const signatory = new Resident(stack(), SIGNATORY_WA, 'Lurah');
		const before = (await signatory.chat()).length;
		// Like the monthly report's: without the office's header key nothing is printed.
		const { refused, answered } = await openReportWebhook(stack(), 'buku-agenda', month);
		expect(refused).toBe(403);
		expect(answered).toBe(200);
		const sent = await nextUnpromptedMessage(
			signatory,
			before,
			(m) => !!m.document && m.template === 'pecelan_buku_agenda',
			'the register PDF',
		);
		const pdf = await signatory.download(sent.document!.url);
		const pages = await readPdf(pdf);
		expect(pages[0].width).toBeGreaterThan(pages[0].height);
		const all = squash(pages.map((p) => p.text).join(' '));
		expect(all).toContain('BUKU AGENDA SURAT KELUAR');
		expect(all).toContain(deputyLetter);
		expect(all).toContain(f.deputyName);
		// The month's two or three letters fit one page (page numbers come with a second page).
		expect(all).toContain('Jumlah surat keluar bulan');

		// The same file is in the office's Drive folder (what Save to Drive wrote).
		const base = stack().sandboxUrl;
		const name = `buku-agenda-${month}.pdf`;
		const saved = await waitFor(
			async () => {
				const { folders } = (await (await fetch(`${base}/api/google`)).json()) as {
					folders: Array<{ id: string; name: string; parents: string[] }>;
				};
				for (const folder of folders.filter((x) => x.name.includes(f.office))) {
					const listing = (await (await fetch(`${base}/api/media/${folder.id}`)).json()) as {
						files: Array<{ id: string; name: string }>;
					};
					const file = listing.files.find((x) => x.name === name);
					if (file) return { ...file, folder: folder.name };
				}
				return undefined;
			},
			{ timeoutMs: 60000, intervalMs: 1000, description: 'the register saved to Drive' },
		);
		expect(saved.folder).toContain(f.office);
		const stored = Buffer.from(
			await (await fetch(`${base}/api/media/${saved.id}?download`)).arrayBuffer(),
		);
		expect(stored.equals(pdf)).toBe(true);
	});

	it("picked as nobody known: no letter, and the row says why in the staff's words", async () => {
		const resident = new Resident(stack(), '6281377780132', 'Tono');
		const ticket = await submitRequest(resident, 'domisili');
		const row = await rowOf(stack(), ticket);
		// Typed over the dropdown (Sheets shows a warning; an import or a copy can still bring it in).
		await staffClient(stack()).setCells(row.rowNumber, {
			[c.signer]: 'Pak Camat',
			[c.status]: statuses.approved,
		});
		const refused = await rowOf(stack(), ticket, (r) => r.values[c.problem] !== '');
		expect(refused.values[c.problem]).toContain('kolom Penandatangan berisi "Pak Camat"');
		expect(refused.values[c.status]).toBe(statuses.approved);
		expect((await resident.chat()).some((m) => m.direction === 'out' && m.document)).toBe(false);
	});
});

describe("the deputy's period, signed through BSrE (the TTE form)", () => {
	let restore: Array<() => Promise<void>> = [];
	let since = new Date();
	beforeAll(async () => {
		since = new Date();
		// What Setup writes when the form says "the deputy signs from … to …": yesterday to tomorrow (WIB).
		const day = (offset: number) =>
			new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
		const period = await editInstalledNodes(stack(), (node) =>
			node.type === 'n8n-nodes-pecelan.letterPdf'
				? {
						...node,
						parameters: {
							...node.parameters,
							deputy: {
								...(node.parameters.deputy as object),
								from: day(-1),
								to: day(1),
							},
						},
					}
				: undefined,
		);
		const batch = await editWorkflow(stack(), /approvals/i, {
			Triage: (p) => ({ ...p, signing: 'batch' }),
		});
		restore = [batch, period.restore];
	}, 300000);
	afterAll(async () => {
		// Rounds started under batch signing end first, so no later approval joins a batch.
		const unfinished = (status: string) =>
			executionsSince(stack(), { workflowId: approvalsWorkflowId(stack()), since, status });
		await waitFor(
			async () =>
				(await unfinished('running')).length + (await unfinished('waiting')).length === 0 ||
				undefined,
			{ timeoutMs: 180000, description: 'the rounds started under batch signing to end' },
		);
		for (const undo of restore) await undo();
	}, 400000);

	it("a request whose row picks nobody is signed by the deputy: the deputy's lines, and the deputy's certificate in the signature", async () => {
		const signatory = new Resident(stack(), SIGNATORY_WA, 'Lurah');
		const resident = new Resident(stack(), '6281377780133', 'Maya');
		const ticket = await submitRequest(resident, 'domisili');
		const invitesBefore = (await signatory.chat()).length;
		const before = (await resident.chat()).length;
		await approveSignedBy(ticket, '');
		await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.awaitingSignature);
		const invite = await waitFor(
			async () =>
				(await signatory.chat())
					.slice(invitesBefore)
					.find((m) => m.direction === 'out' && m.template === 'pecelan_tte_menunggu'),
			{ timeoutMs: 150000, description: 'the link to the TTE form' },
		);
		const formUrl = /https?:\/\/\S+\/form\/tte/.exec(invite.text)![0];
		const auth = `Basic ${Buffer.from(`${SANDBOX_SIGNATORY_LOGIN.user}:${SANDBOX_SIGNATORY_LOGIN.password}`).toString('base64')}`;
		const page = await (await fetch(formUrl, { headers: { authorization: auth } })).text();
		const field = /name=['"](field-\d+)['"]/.exec(page)![1];
		const form = new FormData();
		form.append(field, SANDBOX_BSRE.passphrase);
		const posted = await fetch(formUrl, {
			method: 'POST',
			body: form,
			headers: { authorization: auth },
		});
		expect(posted.status).toBe(200);

		const sent = await nextUnpromptedMessage(
			resident,
			before,
			(m) => !!m.document,
			'the signed letter',
		);
		const pdf = await resident.download(sent.document!.url);
		const report = pdfsig(pdf);
		expect(report.valid).toBe(true);
		expect(report.signers).toEqual([SANDBOX_BSRE.users[f.deputyTteNik].name]);
		const text = await letterText(pdf);
		expect(text).toContain(`${ON_BEHALF} Sekretaris Kelurahan`);
		expect(text).toContain(`NIP. ${f.deputyNip}`);
		expect(text).toContain(SANDBOX_BSRE.users[f.deputyTteNik].name);
	});
});
