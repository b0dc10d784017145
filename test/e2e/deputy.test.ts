// A deputy who signs: the sandbox office's Setup recorded the Sekretaris Kelurahan as deputy
// (sandbox/office.json). Staff pick the deputy in a request's Penandatangan dropdown and approve:
// the letter prints "a.n. LURAH …" above the deputy's title, name and NIP, and the Buku Agenda
// names the deputy; the month's Buku Agenda is printed on demand. Then, in an office that signs at
// once through BSrE, the letter the deputy signs carries the deputy's certificate.
import office from '../../sandbox/office.json';
import { SANDBOX_BSRE } from '../../sandbox/server/bsre';
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import layout from '../../templates/sheet.json';
import widget from '../../templates/signing/widget.json';
import { readPdf, squash } from '../support/pdfText';
import { pdfsig } from '../support/signingFixtures';
import { staffClient } from './support/clients';
import {
	columns as c,
	nextUnpromptedMessage,
	registerEverySeconds,
	registerRowOf,
	rowOf,
	statuses,
} from './support/office';
import { openReportWebhook } from './support/report';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';
import {
	editInstalledNodes,
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
							passphrase: SANDBOX_BSRE.passphrase,
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
