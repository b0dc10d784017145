// Batch signing through BSrE, as an office that signs in batches runs it: staff approve, the row
// waits as "Menunggu TTE", the signatory follows the WhatsApp link to the n8n form and enters the
// passphrase once (first wrong, then right), every waiting letter is signed and each resident
// receives the signed PDF. Then the passphrase is looked for everywhere it could have been kept:
// absent, but for the form's own runs, which n8n has marked deleted and erases at its next pass.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import office from '../../sandbox/office.json';
import { SANDBOX_BSRE } from '../../sandbox/server/bsre';
import { ensureNode24 } from '../../sandbox/runtime/install';
import tteForm from '../../templates/signing/tte-form.json';
import { renderLetter } from '../../nodes/domain/letter';
import { loadSigner, signPdf } from '../../nodes/domain/signing';
import { sampleRequest } from '../support/letterSamples';
import { readPdf, squash } from '../support/pdfText';
import { pdfsig } from '../support/signingFixtures';
import { createTestCa, toPkcs12Base64 } from '../support/sandbox';
import verification from '../../templates/signing/verification.json';
import { executionsSince, staffClient } from './support/clients';
import { checkLetter } from './support/letter-check';
import { approvalsWorkflowId, columns as c, decide, rowOf, statuses } from './support/office';
import { Resident, submitRequest } from './support/resident';
import { bsreCalls, signAll } from './support/tte-form';
import { useStack } from './support/use-stack';
import { waitFor } from './support/wait';

const stack = useStack();
const LONG = 9 * 60 * 1000;
/** The number approvals.json's Tell Signatory writes to (the sandbox Lurah). */
const SIGNATORY_WA = '6281100000099';
const WRONG_PASSPHRASE = 'keliru-sekali-4821';

/** n8n's public API. */
async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	const res = await fetch(`${stack().n8nUrl}/api/v1${path}`, {
		method: init.method ?? 'GET',
		headers: {
			'x-n8n-api-key': stack().apiKey,
			...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	if (!res.ok)
		throw new Error(`n8n ${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

interface Workflow {
	name: string;
	nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	connections: unknown;
	settings: Record<string, unknown>;
}

/** What an admin does in the editor: Triage → Signing → the given mode, saved and published. */
async function setSigning(mode: 'batch' | 'immediate'): Promise<void> {
	const id = approvalsWorkflowId(stack());
	const wf = await api<Workflow>(`/workflows/${id}`);
	const triage = wf.nodes.find((n) => n.name === 'Triage')!;
	triage.parameters = { ...triage.parameters, signing: mode };
	await api(`/workflows/${id}/deactivate`, { method: 'POST', body: {} });
	const { name, nodes, connections, settings } = wf;
	await api(`/workflows/${id}`, { method: 'PUT', body: { name, nodes, connections, settings } });
	await api(`/workflows/${id}/activate`, { method: 'POST', body: {} });
}

/** Every execution n8n keeps, with its data: all pages of the API, not only the first. */
async function everyExecution(): Promise<Array<{ id: string }>> {
	const all: Array<{ id: string }> = [];
	let cursor: string | undefined;
	do {
		const page = await api<{ data: Array<{ id: string }>; nextCursor?: string | null }>(
			`/executions?includeData=true&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** A row holding a searched text; for execution data, its execution's workflow and deletion mark. */
interface Held {
	table: string;
	row: number;
	needle: string;
	workflowId?: string;
	deletedAt?: string | null;
}

/**
 * The rows of the SQLite database at `path` (its -wal included, as SQLite reads it) whose text
 * holds one of `needles`: table and row number. Read with the runtime's Node 24 (node:sqlite),
 * read-only, while n8n keeps running.
 */
async function rowsHolding(path: string, needles: string[]): Promise<Held[]> {
	const node = await ensureNode24({ log: () => undefined });
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const [path, ...needles] = process.argv.slice(1);
		const db = new DatabaseSync(path, { readOnly: true });
		const hits = [];
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
		for (const { name } of tables) {
			const rows = db.prepare('SELECT * FROM "' + name.replace(/"/g, '""') + '"').all();
			rows.forEach((row, i) => {
				const text = Object.values(row)
					.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v)))
					.join('\\n');
				for (const needle of needles)
					if (text.includes(needle)) {
						const hit = { table: name, row: i, needle };
						if (name === 'execution_data') {
							const run = db
								.prepare('SELECT workflowId, deletedAt FROM execution_entity WHERE id = ?')
								.get(row.executionId);
							Object.assign(hit, run ?? {});
						}
						hits.push(hit);
					}
			});
		}
		db.close();
		process.stdout.write(JSON.stringify(hits));
	`;
	const out = execFileSync(node.bin, ['-e', script, path, ...needles], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(out) as Held[];
}

/** Every file under `dir` (n8n's database and its WAL, binary data, logs), not installed packages. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name === 'nodes') return [];
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe('batch signing through BSrE (the TTE form)', () => {
	let batchSince = new Date();
	beforeAll(async () => {
		batchSince = new Date();
		await setSigning('batch');
	}, 120000);
	afterAll(async () => {
		// Each staff edit starts a round that waits for the lock; rounds started under batch signing
		// finish under it, and would put the next test's approval in the batch: let them end first.
		const unfinished = (status: string) =>
			executionsSince(stack(), {
				workflowId: approvalsWorkflowId(stack()),
				since: batchSince,
				status,
			});
		await waitFor(
			async () =>
				(await unfinished('running')).length + (await unfinished('waiting')).length === 0 ||
				undefined,
			{ timeoutMs: 180000, description: 'the rounds started under batch signing to end' },
		);
		await setSigning('immediate');
	}, 300000);

	it(
		'approved → Menunggu TTE → the signatory signs both waiting letters in one form submission → each resident gets a signed PDF; the passphrase is kept nowhere but in runs n8n has marked deleted',
		async () => {
			const started = Date.now();
			const signatory = new Resident(stack(), SIGNATORY_WA, 'Lurah');
			const dewi = new Resident(stack(), '6281344440021', 'Dewi Lestari');
			const fitri = new Resident(stack(), '6281344440025', 'Fitri Handayani');
			const tickets = [
				await submitRequest(dewi, 'domisili'),
				await submitRequest(fitri, 'domisili'),
			];
			const invitesBefore = (await signatory.chat()).length;
			const chatsBefore = [(await dewi.chat()).length, (await fitri.chat()).length];
			for (const ticket of tickets) await decide(stack(), ticket, statuses.approved);

			// Numbered, waiting for the signature; the signatory gets the link, the residents nothing yet.
			const waiting = await Promise.all(
				tickets.map((ticket) =>
					rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.awaitingSignature),
				),
			);
			for (const row of waiting) expect(row.values[c.letterNumber]).toMatch(/\/\d{3}\//);
			const invite = await waitFor(
				async () =>
					(await signatory.chat())
						.slice(invitesBefore)
						.find((m) => m.direction === 'out' && m.template === 'pecelan_tte_menunggu'),
				{ timeoutMs: 150000, description: "the signatory's WhatsApp link to the TTE form" },
			);
			const formUrl = /https?:\/\/\S+\/form\/tte/.exec(invite.text)?.[0];
			expect(formUrl).toBeDefined();

			// A wrong passphrase: the letters keep waiting, the first one BSrE refused with a reason
			// staff can read; the signatory reads how many wrong passphrases BSrE allows before it
			// locks the certificate.
			const wrong = await signAll(formUrl!, WRONG_PASSPHRASE);
			expect(wrong.page).toContain('Menunggu TTE');
			expect(wrong.page).toMatch(/type=['"]password['"]/);
			expect(wrong.shown).toContain('Passphrase TTE salah');
			expect(wrong.shown).toContain(
				`setelah ${tteForm.bsreWrongPassphraseLimit} kali passphrase salah`,
			);
			const refused = await waitFor(
				async () => {
					const rows = await Promise.all(tickets.map((t) => rowOf(stack(), t, () => true)));
					return rows.some((r) => r.values[c.problem] !== '') && rows;
				},
				{ timeoutMs: 60000, description: 'the reason on the letter BSrE refused' },
			);
			for (const row of refused) expect(row.values[c.status]).toBe(statuses.awaitingSignature);
			expect(
				refused.map((r) => /^TTE belum selesai: Passphrase TTE salah/.test(r.values[c.problem])),
			).toContain(true);
			const residents = [dewi, fitri];
			const documents = async () =>
				Promise.all(
					residents.map(async (r, i) =>
						(await r.chat()).slice(chatsBefore[i]).find((m) => m.direction === 'out' && m.document),
					),
				);
			expect((await documents()).every((d) => d === undefined)).toBe(true);

			// The right one, once: both letters signed through the BSrE stand-in (one call each) and sent.
			const callsBefore = await bsreCalls(stack());
			await signAll(formUrl!, SANDBOX_BSRE.passphrase);
			const letters = await waitFor(
				async () => {
					const found = await documents();
					return found.every((d) => d !== undefined) && found;
				},
				{ timeoutMs: 60000, description: "both signed letters in the residents' chats" },
			);
			expect(await bsreCalls(stack())).toBe(callsBefore + 2);
			for (const [i, letter] of letters.entries()) {
				const report = pdfsig(await residents[i].download(letter!.document!.url));
				expect(report).toMatchObject({ valid: true, wholeDocument: true });
				expect(report.signers).toEqual([SANDBOX_BSRE.users['3577010101700001'].name]);
				const done = await rowOf(stack(), tickets[i], (r) => r.values[c.status] === statuses.done);
				expect(done.values[c.problem]).toBe('');
				expect(done.values[c.letterNumber]).toBe(waiting[i].values[c.letterNumber]);
				expect(
					squash(
						(await readPdf(await residents[i].download(letter!.document!.url)))
							.map((p) => p.text)
							.join(' '),
					),
				).toContain(done.values[c.letterNumber]);
			}

			// Nowhere: n8n's database (executions), binary data and logs; every sheet tab; every chat
			// and every call the sandbox's Meta and Google saw.
			const secrets = [SANDBOX_BSRE.passphrase, WRONG_PASSPHRASE];
			// Every execution n8n kept, with its data: none holds the passphrase (the signing
			// workflow's own runs are deleted when they end).
			const kept = await everyExecution();
			expect(kept.length).toBeGreaterThan(0);
			for (const secret of secrets)
				expect(kept.filter((e) => JSON.stringify(e).includes(secret)).map((e) => e.id)).toEqual([]);
			// Every row n8n's database holds, read as SQLite reads it: the main file and the
			// write-ahead log (-wal) together. What raw bytes remain of deleted rows is not data
			// (n8n does not turn on SQLite's secure_delete): docs/signing.md states that limit.
			const database = filesUnder(stack().userFolder).find((f) => /database\.sqlite$/.test(f))!;
			expect(database).toBeDefined();
			const held = await rowsHolding(database, [...secrets, dewi.waId]);
			// The search reads the live rows: the resident's session row is found by her number.
			expect(held.some((hit) => hit.needle === dewi.waId)).toBe(true);
			// The one place it stays a while: the form's own runs and those of Sign and send a letter
			// it hands the passphrase to. n8n (pruning on) does not erase an unsaved run at its end but
			// marks it deleted, and erases it at its next hard-delete pass
			// (EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL, 15 minutes); nowhere else, and never a run
			// kept for reading.
			const signingIds = stack()
				.workflows.filter((w) => /(signing|deliver-letter)\.json$/.test(w.file))
				.map((w) => w.id);
			expect(signingIds).toHaveLength(2);
			const holding = held.filter((hit) => secrets.includes(hit.needle));
			expect(
				holding.map((hit) => [hit.table, signingIds.includes(hit.workflowId), !!hit.deletedAt]),
			).toEqual(holding.map(() => ['execution_data', true, true]));
			// Every other file under n8n's folder (binary data, logs, settings), byte by byte.
			const files = filesUnder(stack().userFolder).filter((f) => !/\.sqlite(-wal|-shm)?$/.test(f));
			expect(files.length).toBeGreaterThan(0);
			for (const file of files) {
				const bytes = readFileSync(file);
				for (const secret of secrets) expect([file, bytes.includes(secret)]).toEqual([file, false]);
			}
			const staff = staffClient(stack());
			const seen = [
				JSON.stringify(await staff.sheet()),
				JSON.stringify(await staff.calls()),
				...(await Promise.all(
					((await (await fetch(`${stack().sandboxUrl}/api/residents`)).json()) as string[]).map(
						async (waId) => JSON.stringify(await new Resident(stack(), waId).chat()),
					),
				)),
			].join('\n');
			for (const secret of secrets) expect(seen).not.toContain(secret);
			process.stderr.write(
				`[signing e2e] journey ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
			);
		},
		LONG,
	);

	it(
		'a wrong passphrase for 6 waiting letters makes one call to BSrE; a 4th try in 15 minutes is refused',
		async () => {
			const names = [
				'Agus Salim',
				'Budi Santoso',
				'Citra Dewi',
				'Dian Pratama',
				'Eka Putri',
				'Fajar Nugroho',
			];
			const residents = names.map((name, i) => new Resident(stack(), `62813444400${31 + i}`, name));
			const tickets = await Promise.all(residents.map((r) => submitRequest(r, 'domisili')));
			const chats = await Promise.all(residents.map(async (r) => (await r.chat()).length));
			for (const ticket of tickets) await decide(stack(), ticket, statuses.approved);
			for (const ticket of tickets)
				await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.awaitingSignature);
			const formUrl = `${stack().n8nUrl}/form/tte`;

			const before = await bsreCalls(stack());
			const wrong = await signAll(formUrl, WRONG_PASSPHRASE);
			expect(wrong.shown).toContain(
				`setelah ${tteForm.bsreWrongPassphraseLimit} kali passphrase salah`,
			);
			expect(await bsreCalls(stack())).toBe(before + 1);
			// One letter has the reason; the other five were not sent to BSrE and are as they were.
			const rows = await waitFor(
				async () => {
					const now = await Promise.all(tickets.map((t) => rowOf(stack(), t, () => true)));
					return now.some((r) => r.values[c.problem] !== '') && now;
				},
				{ timeoutMs: 60000, description: 'the reason on the letter BSrE refused' },
			);
			for (const row of rows) expect(row.values[c.status]).toBe(statuses.awaitingSignature);
			expect(rows.filter((r) => /Passphrase TTE salah/.test(r.values[c.problem]))).toHaveLength(1);
			expect(rows.filter((r) => r.values[c.problem] === '')).toHaveLength(5);

			// The form allows 3 tries in 15 minutes: the journey above tried twice, this test once.
			// The 4th is refused without a call to BSrE, even with the right passphrase.
			const refused = await signAll(formUrl, SANDBOX_BSRE.passphrase, 429);
			expect(refused.shown).toMatch(/sudah dicoba 3 kali dalam 15 menit terakhir/);
			expect(refused.shown).toMatch(/Coba lagi setelah pukul \d{2}[.:]\d{2}/);
			expect(await bsreCalls(stack())).toBe(before + 1);
			for (const ticket of tickets)
				expect((await rowOf(stack(), ticket, () => true)).values[c.status]).toBe(
					statuses.awaitingSignature,
				);
			const delivered = await Promise.all(
				residents.map(async (r, i) => (await r.chat()).slice(chats[i]).some((m) => m.document)),
			);
			expect(delivered).toEqual([false, false, false, false, false, false]);
		},
		LONG,
	);
});

describe('signing at once (the default): the office certificate', () => {
	it(
		'an approved letter reaches the resident signed by the office signatory, pdfsig valid',
		async () => {
			const eko = new Resident(stack(), '6281344440022', 'Eko Prasetyo');
			const ticket = await submitRequest(eko, 'domisili');
			const before = (await eko.chat()).length;
			await decide(stack(), ticket, statuses.approved);
			const letter = await waitFor(
				async () =>
					(await eko.chat()).slice(before).find((m) => m.direction === 'out' && m.document),
				{ timeoutMs: 150000, description: "the signed letter in the resident's chat" },
			);
			const report = pdfsig(await eko.download(letter.document!.url));
			expect(report).toMatchObject({ valid: true, wholeDocument: true });
			expect(report.signers).toEqual([office.form.signatoryName]);
			// What the sandbox page shows under it.
			expect(letter.document!.signature).toMatchObject({
				signedBy: office.form.signatoryName,
				intact: true,
			});
			await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);

			// A bank clerk checks the file on the verification page's upload form; then a changed copy.
			const pdf = await eko.download(letter.document!.url);
			const check = (file: Buffer) => checkLetter(stack().n8nUrl, file);
			const genuine = await check(pdf);
			expect(genuine).toContain(verification.intact);
			expect(genuine).toContain(`Ditandatangani oleh: ${office.form.signatoryName}`);
			expect(genuine).toContain(verification.recorded);

			// A forger's copy: the same letter, code and signatory name, signed under a self-made CA
			// that calls itself "Balai Sertifikasi Elektronik". Intact, and refused.
			const done = await rowOf(stack(), ticket, () => true);
			const forgedCa = createTestCa('Balai Sertifikasi Elektronik');
			const forger = loadSigner(
				toPkcs12Base64(
					forgedCa.issue({ commonName: office.form.signatoryName, nik: '3577010101700001' }),
					forgedCa.cert,
					'x',
				),
				'x',
			);
			const copy = await renderLetter({
				...sampleRequest('domisili'),
				number: done.values[c.letterNumber],
				verificationCode: done.values[c.verificationCode],
			});
			const forged = await check((await signPdf(copy.pdf, forger)).pdf);
			expect(forged).toContain(verification.unknownIssuer);
			expect(forged).toContain(`Ditandatangani oleh: ${office.form.signatoryName}`);
			expect(forged).not.toContain(verification.intact);
			expect(forged).not.toContain(verification.recorded);
			const changed = Buffer.from(pdf);
			changed[300] ^= 0x01;
			expect(await check(changed)).toContain('Tanda tangan elektronik TIDAK COCOK');
		},
		LONG,
	);
});
