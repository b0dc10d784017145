// The ready workflows as an admin reads them in the editor: each canvas small enough to read
// (sticky notes not counted), and each mechanic (a chain of connected nodes doing one thing, such
// as the versioned session save with retry) drawn in one workflow only, the others calling it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SETUP_SUB_WORKFLOWS, SUB_WORKFLOWS } from '../nodes/domain/setup/bundled';
import { calledSubWorkflow } from '../nodes/domain/setup/subWorkflows';

interface Node {
	name: string;
	type: string;
	disabled?: boolean;
	parameters?: Record<string, unknown>;
}
interface Workflow {
	name: string;
	nodes: Node[];
	connections: Record<string, Record<string, Array<Array<{ node: string }> | null>>>;
}

const dir = join(__dirname, '..', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
const STICKY = 'n8n-nodes-base.stickyNote';
const drawn = (workflow: Workflow) => workflow.nodes.filter((n) => n.type !== STICKY);

/** The most nodes each canvas may hold: none may grow back. */
const NODE_LIMITS: Record<string, number> = {
	'approvals.json': 35,
	'deliver-letter.json': 17,
	'intake.json': 30,
	'setup.json': 28,
	'register.json': 13,
	'report.json': 11,
	'retention.json': 13,
	'letter-records.json': 4,
	'signing.json': 9,
	'staff-alerts.json': 21,
	'verify.json': 8,
	'save-session.json': 15,
	'file-documents.json': 9,
	'resend-letter.json': 8,
	'office-files.json': 19,
	'round-lock.json': 15,
	'send-notice.json': 14,
	'read-media.json': 6,
};

const SEND_NOTICE = 'Pecelan · Send a notice and mark the sheet';

/** The sub-workflow each calling node runs, by the caller's name. */
const CALLEE: Record<string, string> = {
	'Send Rejection': SEND_NOTICE,
	'Send Fix Request': SEND_NOTICE,
	'Send Survey Invitation': SEND_NOTICE,
	'Send Response': SEND_NOTICE,
	'Send Bot Is Back': SEND_NOTICE,
	'Mark Letter Sent': SEND_NOTICE,
	'Mark Already Sent': SEND_NOTICE,
	'Save Session Safely': 'Pecelan · Save session safely',
	'Invite to Survey': 'Pecelan · Save session safely',
	'Reopen for Fix': 'Pecelan · Save session safely',
	'Resume Bot': 'Pecelan · Save session safely',
	'File Request Documents': 'Pecelan · File documents in Drive',
	'File Complaint Photo': 'Pecelan · File documents in Drive',
	'Send Letter Again': 'Pecelan · Send a letter again',
	'Find Drive Files': "Pecelan · Find or create the office's Drive files",
	'Take Lock': 'Pecelan · Lock (one round at a time)',
	'Release Lock': 'Pecelan · Lock (one round at a time)',
	'Read Photo or Voice': 'Pecelan · Read a KTP photo or a voice note',
	'Take Reading': 'Pecelan · Save session safely',
	'Deliver Letter': 'Pecelan · Sign and send a letter',
	'Deliver Letters': 'Pecelan · Sign and send a letter',
	'Update Letter Records': 'Pecelan · Update letter records',
};

/** A node as a link of a chain: its type and what it does (operation). */
const kind = (node: Node) => {
	const p = node.parameters ?? {};
	// A call names the sub-workflow it runs: calling two different ones is no shared mechanic.
	const callee = (p.workflowId as { cachedResultName?: string } | undefined)?.cachedResultName;
	const op = p.operation ?? p.resume ?? callee ?? '';
	return `${node.type.replace(/^.*\./, '')}${op ? `:${String(op)}` : ''}`;
};

/** Every chain of three connected nodes, as their kinds. */
function chains(workflow: Workflow): Set<string> {
	const byName = new Map(drawn(workflow).map((n) => [n.name, n]));
	const next = new Map<string, Set<string>>();
	for (const [from, outputs] of Object.entries(workflow.connections))
		for (const branches of Object.values(outputs))
			for (const branch of branches)
				for (const { node } of branch ?? [])
					if (byName.has(from) && byName.has(node))
						next.set(from, new Set([...(next.get(from) ?? []), node]));
	const found = new Set<string>();
	for (const a of byName.keys())
		for (const b of next.get(a) ?? [])
			for (const c of next.get(b) ?? [])
				found.add([a, b, c].map((name) => kind(byName.get(name)!)).join(' → '));
	return found;
}

describe('ready workflows an admin can read', () => {
	it('every workflow file has a node limit', () => {
		expect(files.sort()).toEqual(Object.keys(NODE_LIMITS).sort());
	});

	it.each(files)(
		'%s names each node once, sticky notes included (n8n refuses it otherwise)',
		(file) => {
			const names = read(file).nodes.map((n) => n.name);
			expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
		},
	);

	it.each(files)('%s stays within its node limit (sticky notes not counted)', (file) => {
		expect(drawn(read(file)).length).toBeLessThanOrEqual(NODE_LIMITS[file]);
	});

	it('no mechanic is drawn in two workflows', () => {
		const where = new Map<string, string[]>();
		for (const file of files)
			for (const chain of chains(read(file))) where.set(chain, [...(where.get(chain) ?? []), file]);
		const shared = [...where.entries()].filter(([, in_]) => in_.length > 1).map(([c]) => c);
		expect(shared.sort()).toEqual([]);
	});

	it('letters are signed and sent, and their records kept in step, by their sub-workflows alone', () => {
		const where = (test: (node: Node) => boolean) =>
			files.filter((file) => drawn(read(file)).some(test)).sort();
		expect(
			where(
				(n) =>
					n.type === 'n8n-nodes-pecelan.letterSignature' && n.parameters?.operation === 'signPdf',
			),
		).toEqual(['deliver-letter.json']);
		expect(where((n) => n.parameters?.operation === 'letterRecordChanges')).toEqual([
			'letter-records.json',
		]);
		expect(
			where(
				(n) =>
					JSON.stringify(n.parameters ?? {}).includes('"value":"pecelan_letters"') &&
					n.parameters?.operation === 'upsert',
			),
		).toEqual(['deliver-letter.json', 'letter-records.json']);
	});

	it('the versioned session save with retry lives in its sub-workflow alone', () => {
		const save = read('save-session.json');
		const loop = [...chains(save)].filter((c) => c.includes('dataTable:deleteRows'));
		expect(loop.length).toBeGreaterThan(0);
		for (const file of files.filter((f) => f !== 'save-session.json'))
			expect(drawn(read(file)).filter((n) => n.type.endsWith('.wait'))).toEqual(
				file === 'round-lock.json' ? [expect.objectContaining({ name: 'Wait for Lock' })] : [],
			);
	});

	it('the round lock lives in its sub-workflow alone, and a dead holder is looked up there', () => {
		const lockWrites = (file: string) =>
			drawn(read(file))
				.filter((n) => JSON.stringify(n.parameters ?? {}).includes('"value":"pecelan_locks"'))
				.filter((n) => n.parameters?.operation !== 'get')
				.map((n) => n.name);
		expect(lockWrites('round-lock.json').sort()).toEqual([
			'Claim Lock',
			'Create Lock Row',
			'Free Dead Lock',
			'No Lock Row Yet',
			'Release Lock',
		]);
		for (const file of files.filter((f) => f !== 'round-lock.json'))
			expect(lockWrites(file)).toEqual([]);
	});

	it('a notice is sent and its row marked, or remembered as sent but not marked, by its sub-workflow alone', () => {
		const unmarkedWrites = (file: string) =>
			drawn(read(file))
				.filter((n) => JSON.stringify(n.parameters ?? {}).includes('"value":"pecelan_unmarked"'))
				.filter((n) => n.parameters?.operation !== 'get')
				.map((n) => n.name);
		expect(unmarkedWrites('send-notice.json').sort()).toEqual([
			'Forget Sent, Not Marked',
			'Remember Sent, Not Marked',
		]);
		for (const file of files.filter((f) => f !== 'send-notice.json'))
			expect(unmarkedWrites(file)).toEqual([]);
		// In the sub-workflow, a notice sent and a notice refused both go on to the sheet.
		const sub = read('send-notice.json');
		const [sent, refused] = sub.connections['Send Notice'].main;
		expect((sent ?? []).map((t) => t.node)).toEqual(['Anything to Write?']);
		expect((refused ?? []).map((t) => t.node)).toEqual(['Problem to Write']);
		// Approvals sends no notice to a resident itself (only the TTE message to the signatory),
		// and each node preparing a notice passes it on, prepared or failed, to its Send node.
		const approvals = read('approvals.json');
		expect(
			approvals.nodes.filter((n) => n.parameters?.operation === 'sendNotice').map((n) => n.name),
		).toEqual(['Tell Signatory']);
		const sends = approvals.nodes
			.filter((n) => CALLEE[n.name] === SEND_NOTICE && n.name.startsWith('Send '))
			.map((n) => n.name);
		expect(sends.sort()).toEqual([
			'Send Bot Is Back',
			'Send Fix Request',
			'Send Rejection',
			'Send Response',
			'Send Survey Invitation',
		]);
		for (const send of sends) {
			const [from] = Object.entries(approvals.connections).find(([, out]) =>
				out.main.some((branch) => (branch ?? []).some((t) => t.node === send)),
			)!;
			const [ok, failed] = approvals.connections[from].main;
			expect([from, ok?.map((t) => t.node), failed?.map((t) => t.node)]).toEqual([
				from,
				[send],
				[send],
			]);
		}
	});

	it('each call of a sub-workflow names one that is shipped, with the inputs its trigger defines', () => {
		const calls = files.flatMap((file) =>
			read(file)
				.nodes.filter((n) => n.type === 'n8n-nodes-base.executeWorkflow')
				.map((node) => ({ file, node })),
		);
		expect(calls.map((c) => `${c.file}: ${c.node.name}`).sort()).toEqual([
			'approvals.json: Deliver Letter',
			'approvals.json: Invite to Survey',
			'approvals.json: Mark Already Sent',
			'approvals.json: Mark Letter Sent',
			'approvals.json: Release Lock',
			'approvals.json: Reopen for Fix',
			'approvals.json: Resume Bot',
			'approvals.json: Send Bot Is Back',
			'approvals.json: Send Fix Request',
			'approvals.json: Send Rejection',
			'approvals.json: Send Response',
			'approvals.json: Send Survey Invitation',
			'approvals.json: Take Lock',
			'approvals.json: Update Letter Records',
			'intake.json: File Complaint Photo',
			'intake.json: File Request Documents',
			'intake.json: Read Photo or Voice',
			'intake.json: Save Session Safely',
			'intake.json: Send Letter Again',
			'read-media.json: Take Reading',
			'retention.json: Update Letter Records',
			'setup.json: Find Drive Files',
			'signing.json: Deliver Letters',
			'signing.json: Mark Letter Sent',
		]);
		for (const { node } of calls) {
			const sub = calledSubWorkflow(node, [...SUB_WORKFLOWS, ...SETUP_SUB_WORKFLOWS])!;
			expect(sub.name).toBe(CALLEE[node.name]);
			const trigger = sub.nodes.find((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger')!;
			const inputs = (trigger.parameters as { workflowInputs: { values: Array<{ name: string }> } })
				.workflowInputs.values;
			const given = node.parameters?.workflowInputs as { value: Record<string, string> };
			expect(Object.keys(given.value).sort()).toEqual(inputs.map((i) => i.name).sort());
		}
	});
});
