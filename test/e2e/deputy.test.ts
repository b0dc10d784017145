// A deputy who signs: the sandbox office's Setup recorded the Sekretaris Kelurahan as deputy
// (sandbox/office.json). Staff pick the deputy in a request's Penandatangan dropdown and approve:
// the letter prints "a.n. LURAH …" above the deputy's title, name and NIP, and the Buku Agenda
// names the deputy; the month's Buku Agenda is printed on demand. Then, in an office that signs at
// once through BSrE, the letter the deputy signs carries the deputy's certificate. Last, in an
// office that signs in batches, the TTE notice goes to who signs and each signer signs only their
// own letters on the form, with their own passphrase.
import office from '../../sandbox/office.json';
import { SANDBOX_BSRE } from '../../sandbox/server/bsre';
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import layout from '../../templates/sheet.json';
import widget from '../../templates/signing/widget.json';
import { readPdf, squash } from '../support/pdfText';
import { pdfsig } from '../support/signingFixtures';
import { executionsSince, staffClient } from './support/clients';
import {
	approvalsWorkflowId,
	columns as c,
	decide,
	nextUnpromptedMessage,
	registerEverySeconds,
	registerRowOf,
	rowOf,
	statuses,
} from './support/office';
import { openReportWebhook } from './support/report';
import { Resident, submitRequest } from './support/resident';
import { bsreCalls, signAll } from './support/tte-form';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import {
	editInstalledNodes,
	editWorkflow,
	installedWorkflows,
	type InstalledNode,
} from './support/workflow-edit';

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
	registerEverySeconds(stack);

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
		const entry = await registerRowOf(stack(), number);
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

describe('an office that signs at once through BSrE', () => {
	const SIGNATURE = 'n8n-nodes-pecelan.letterSignature';
	let restore: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		// What an admin does in the editor: Sign Letter signs through BSrE (the passphrase kept in
		// the node, the BSrE credential the batch signing uses), with the deputy's TTE identity.
		const bsre = (await installedWorkflows(stack()))
			.flatMap((w) => w.nodes)
			.find((n) => (n as InstalledNode).type === SIGNATURE && n.parameters.signWith === 'bsre')!;
		const edit = await editInstalledNodes(stack(), (node) =>
			node.type === SIGNATURE && node.parameters.signWith === 'officeCertificate'
				? {
						...node,
						credentials: bsre.credentials,
						parameters: {
							...node.parameters,
							signWith: 'bsre',
							passphrase: SANDBOX_BSRE.users[f.deputyTteNik].passphrase,
							signatoryName: bsre.parameters.signatoryName,
							deputyName: f.deputyName,
							deputyNik: f.deputyTteNik,
						},
					}
				: undefined,
		);
		expect(Object.keys(edit.changed).length).toBeGreaterThan(0);
		restore = edit.restore;
	}, 300000);
	afterAll(async () => {
		await restore?.();
	}, 300000);

	it("signs a letter whose row picks the deputy with the deputy's certificate, beside the deputy's lines", async () => {
		const resident = new Resident(stack(), '6281377780133', 'Maya');
		const ticket = await submitRequest(resident, 'domisili');
		const before = (await resident.chat()).length;
		await approveSignedBy(ticket, 'Wakil');
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
		// The e-sign block names the deputy too.
		expect(text).toContain(widget.signedBy.replace('{signer}', f.deputyName));
	});
});

describe('an office that signs in batches (the TTE form)', () => {
	const DEPUTY_WA = f.deputyWhatsApp;
	const deputyPassphrase = SANDBOX_BSRE.users[f.deputyTteNik].passphrase!;
	let since = new Date();
	let restore: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		since = new Date();
		restore = await editWorkflow(stack(), /approvals/i, {
			Triage: (parameters) => ({ ...parameters, signing: 'batch' }),
		});
	}, 120000);
	afterAll(async () => {
		// Rounds started under batch signing finish under it: let them end before signing at once again.
		const unfinished = async (status: string) =>
			(await executionsSince(stack(), { workflowId: approvalsWorkflowId(stack()), since, status }))
				.length;
		await waitFor(
			async () => (await unfinished('running')) + (await unfinished('waiting')) === 0 || undefined,
			{ timeoutMs: 180000, description: 'the rounds started under batch signing to end' },
		);
		await restore?.();
	}, 300000);

	/** The TTE notices a number received since `from` (chat index), with the letters each counts. */
	const notices = async (signer: Resident, from: number) =>
		(await signer.chat())
			.slice(from)
			.filter((m) => m.direction === 'out' && m.template === 'pecelan_tte_menunggu')
			.map((m) => ({ count: Number(/(\d+) surat/.exec(m.text)?.[1]), text: m.text }));

	it("tells the deputy of the deputy's letter and the Lurah of the Lurah's; the deputy signs hers on the form as Wakil, the Lurah's waits for the Lurah", async () => {
		const deputy = new Resident(stack(), DEPUTY_WA, 'Wakil');
		const lurah = new Resident(stack(), SIGNATORY_WA, 'Lurah');
		const [deputyBefore, lurahBefore] = [(await deputy.chat()).length, (await lurah.chat()).length];
		const rani = new Resident(stack(), '6281377780134', 'Rani');
		const joko = new Resident(stack(), '6281377780135', 'Joko');
		const forDeputy = await submitRequest(rani, 'domisili');
		const forLurah = await submitRequest(joko, 'domisili');
		const chats = [(await rani.chat()).length, (await joko.chat()).length];
		await approveSignedBy(forDeputy, 'Wakil');
		await decide(stack(), forLurah, statuses.approved);

		// Both wait, each row naming who signs it (the empty pick is the Lurah's).
		const waiting = await Promise.all(
			[forDeputy, forLurah].map((t) =>
				rowOf(stack(), t, (r) => r.values[c.status] === statuses.awaitingSignature),
			),
		);
		expect(waiting.map((r) => r.values[c.signer])).toEqual(['Wakil', 'Lurah']);
		// One notice to each signer, counting only that signer's letter.
		const told = await waitFor(
			async () => {
				const [d, l] = [await notices(deputy, deputyBefore), await notices(lurah, lurahBefore)];
				return d.length > 0 && l.length > 0 && { d, l };
			},
			{ timeoutMs: 180000, description: 'the TTE notices to the deputy and to the Lurah' },
		);
		expect(told.d.map((n) => n.count)).toEqual([1]);
		expect(told.l.map((n) => n.count)).toEqual([1]);
		const formUrl = /https?:\/\/\S+\/form\/tte/.exec(told.d[0].text)?.[0];
		expect(formUrl).toBeDefined();

		// The form names both signers as Setup recorded them.
		const callsBefore = await bsreCalls(stack());
		const signed = await signAll(formUrl!, deputyPassphrase, 200, 'Wakil');
		expect(signed.page).toContain(`Lurah — ${f.signatoryName}`);
		expect(signed.page).toContain(`Wakil — ${f.deputyName}`);
		const sent = await nextUnpromptedMessage(rani, chats[0], (m) => !!m.document, 'the letter');
		const pdf = await rani.download(sent.document!.url);
		expect(pdfsig(pdf).signers).toEqual([SANDBOX_BSRE.users[f.deputyTteNik].name]);
		const text = await letterText(pdf);
		expect(text).toContain(`${ON_BEHALF} Sekretaris Kelurahan`);
		expect(text).toContain(`NIP. ${f.deputyNip}`);
		await rowOf(stack(), forDeputy, (r) => r.values[c.status] === statuses.done);
		// Only the deputy's letter went to BSrE: the Lurah's is untouched, never under her passphrase.
		expect(await bsreCalls(stack())).toBe(callsBefore + 1);
		const untouched = await rowOf(stack(), forLurah, () => true);
		expect(untouched.values[c.status]).toBe(statuses.awaitingSignature);
		expect(untouched.values[c.problem]).toBe('');
		expect((await joko.chat()).slice(chats[1]).some((m) => m.document)).toBe(false);

		// The Lurah signing hers on the form, under the Lurah's NIK, is signing.test.ts's journey;
		// the form counts the Lurah's tries in a 15-minute window that file's tests count on, so
		// here staff withdraw that letter instead, and no letter is left waiting for the Lurah.
		await decide(stack(), forLurah, statuses.rejected, 'Ditarik petugas');
		await rowOf(stack(), forLurah, (r) => r.values[c.status] === statuses.rejected);
		expect(await bsreCalls(stack())).toBe(callsBefore + 1);
	});
});
