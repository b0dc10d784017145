import {
	BUNDLED_WORKFLOWS,
	fingerprintOf,
	installRecords,
	readyWithSubWorkflows,
	SANDBOX_IDS,
	type InstalledWorkflow,
	type OfficeSettings,
} from '..';
import type { WorkflowFileShape, WorkflowNodeFile } from '../workflowFile';

const APPROVALS = 'Pecelan · Approvals (staff decisions in the sheet)';
const INTAKE = 'Pecelan · Intake (WhatsApp conversation)';
/** The sub-workflow holding Send Letter (the "letter ready" notice) and Letter PDF. */
const DELIVER = 'Pecelan · Sign and send a letter';
const SUBS = [
	'Pecelan · Save session safely',
	'Pecelan · File documents in Drive',
	'Pecelan · Send a letter again',
	'Pecelan · Send a notice and mark the sheet',
	'Pecelan · Lock (one round at a time)',
	'Pecelan · Read a KTP photo or a voice note',
	'Pecelan · Sign and send a letter',
	'Pecelan · Update letter records',
];
const WORDING = 'Surat {serviceTitle} Anda sudah jadi, {name}.';

const office = (more: Partial<OfficeSettings> = {}): OfficeSettings => ({
	spreadsheetId: '1OfficeSheet',
	folderId: '1OfficeFolder',
	letterhead: { office: 'KELURAHAN MAJU JAYA', address: 'Jl. Baru No. 2' },
	signatory: { name: 'Siti Aminah, S.IP.', nip: '19800202 200501 2 002' },
	signatoryWhatsApp: '0812 9916 0003',
	unitCode: '400.10.2',
	credentials: { googleApi: { id: 'g1', name: 'Google kantor' } },
	...more,
});

/** n8n after a Setup run: every workflow as Setup sent it, with ids and positions n8n keeps. */
function n8nAfter(settings: OfficeSettings) {
	const installed: InstalledWorkflow[] = [];
	const rows: Array<{ key: string; value: string }> = [];
	const withSubs = { ...settings, installed };
	for (const step of ['subWorkflows', 'callers'] as const)
		for (const ready of readyWithSubWorkflows(BUNDLED_WORKFLOWS, withSubs, step)) {
			installed.push({
				id: ready.id ?? `id-${installed.length}`,
				name: ready.name,
				// n8n gives each node an id, and links a credential named in the workflow.
				nodes: ready.body.nodes.map((node, i) => ({
					...node,
					id: `node-${i}`,
					...(node.credentials
						? {
								credentials: Object.fromEntries(
									Object.entries(node.credentials).map(([type, ref]) => [
										type,
										{ id: ref.id ?? `linked-${type}`, name: ref.name },
									]),
								),
							}
						: {}),
				})),
				connections: ready.body.connections,
				settings: ready.body.settings,
			});
			rows.push(ready.record);
		}
	return { installed, records: installRecords(rows) };
}

/** `installed` with `change` applied to the nodes of the workflow named `name`. */
const edited = (
	installed: InstalledWorkflow[],
	name: string,
	change: (node: WorkflowNodeFile) => WorkflowNodeFile,
) => installed.map((w) => (w.name === name ? { ...w, nodes: w.nodes!.map(change) } : w));

const rewordSendLetter = (node: WorkflowNodeFile) =>
	node.name === 'Send Letter'
		? { ...node, parameters: { ...node.parameters, noticeWording: WORDING } }
		: node;

/** The survey invitation switched off in Approvals, as an admin does in the editor. */
const disableSurvey = (node: WorkflowNodeFile) =>
	node.name === 'Invite to Survey' ? { ...node, disabled: true } : node;

const subWorkflows = (settings: OfficeSettings) =>
	readyWithSubWorkflows(BUNDLED_WORKFLOWS, settings, 'subWorkflows');
const callers = (settings: OfficeSettings) =>
	readyWithSubWorkflows(BUNDLED_WORKFLOWS, settings, 'callers');
const nodeOf = (body: WorkflowFileShape, name: string) => body.nodes.find((n) => n.name === name)!;

describe('a second Setup run and the workflows the admin edited in the editor', () => {
	const first = n8nAfter(office());

	it('on the first run installs everything and remembers it; with no edits, updates everything', () => {
		const fresh = readyWithSubWorkflows(BUNDLED_WORKFLOWS, office(), 'subWorkflows');
		expect(fresh.map((w) => [w.name, w.outcome])).toEqual(SUBS.map((name) => [name, 'installed']));
		expect(fresh[0].record.key).toBe('installed: Pecelan · Save session safely');
		expect(JSON.parse(fresh[0].record.value)).toEqual({
			fingerprint: fingerprintOf(fresh[0].body),
			ids: {
				spreadsheet: '1OfficeSheet',
				folder: '1OfficeFolder',
				signatoryWhatsApp: '6281299160003',
				// No deputy's number: the deputy's letters are announced to the Lurah.
				deputyWhatsApp: '6281299160003',
			},
		});
		const again = callers(office({ ...first }));
		expect(again.map((w) => w.outcome)).toEqual(BUNDLED_WORKFLOWS.map(() => 'updated'));
	});

	it('keeps an edited wording and node switched off, and applies the new settings to it', () => {
		const installed = edited(
			edited(first.installed, DELIVER, rewordSendLetter),
			APPROVALS,
			disableSurvey,
		);
		const now = office({
			...first,
			installed,
			letterhead: { office: 'KELURAHAN MAJU JAYA', address: 'Jl. Kenanga No. 3' },
			unitCode: '400.10.9',
			signatoryWhatsApp: '0813 1111 2222',
		});
		const ready = [...subWorkflows(now), ...callers(now)];
		expect(ready.filter((w) => w.outcome === 'kept').map((w) => w.name)).toEqual([
			DELIVER,
			APPROVALS,
		]);
		const deliver = ready.find((w) => w.name === DELIVER)!;
		expect(deliver.id).toBe(installed.find((w) => w.name === DELIVER)!.id);
		expect(nodeOf(deliver.body, 'Send Letter').parameters!.noticeWording).toBe(WORDING);
		const approvals = ready.find((w) => w.name === APPROVALS)!;
		expect(approvals.id).toBe(installed.find((w) => w.name === APPROVALS)!.id);
		expect(nodeOf(approvals.body, 'Invite to Survey').disabled).toBe(true);
		// The office's settings still go in: letterhead, unit code, the signatory's new number.
		const letter = deliver.body.nodes.find((n) => n.type === 'n8n-nodes-pecelan.letterPdf')!;
		expect((letter.parameters!.letterhead as Record<string, string>).address).toBe(
			'Jl. Kenanga No. 3',
		);
		const text = JSON.stringify(approvals.body);
		expect(text).toContain('400.10.9');
		expect(text).not.toContain('400.10.2');
		// The sub-workflow calls still point at the installed sub-workflows.
		const calls = approvals.body.nodes.filter((n) => n.type === 'n8n-nodes-base.executeWorkflow');
		for (const call of calls)
			expect(installed.map((w) => w.id)).toContain(
				(call.parameters!.workflowId as { value: string }).value,
			);
		// The record still holds what Setup installed, so the next run keeps the edits too.
		expect(JSON.parse(approvals.record.value)).toEqual({
			fingerprint: JSON.parse(
				readyWithSubWorkflows(BUNDLED_WORKFLOWS, office({ ...first }), 'callers').find(
					(w) => w.name === APPROVALS,
				)!.record.value,
			).fingerprint,
			ids: {
				spreadsheet: '1OfficeSheet',
				folder: '1OfficeFolder',
				signatoryWhatsApp: '6281311112222',
				deputyWhatsApp: '6281311112222',
			},
		});
		// The others are the package's, with the new settings.
		const intake = ready.find((w) => w.name === INTAKE)!;
		expect(intake.outcome).toBe('updated');
	});

	it("puts the office's new ids in place of the ones an earlier run wrote into an edited workflow", () => {
		const installed = edited(first.installed, APPROVALS, disableSurvey);
		const approvals = callers(
			office({
				...first,
				installed,
				spreadsheetId: '1NewSheet',
				signatoryWhatsApp: '0813 1111 2222',
			}),
		).find((w) => w.name === APPROVALS)!;
		const text = JSON.stringify(approvals.body);
		expect(text).toContain('1NewSheet');
		expect(text).not.toContain('1OfficeSheet');
		expect(text).not.toContain('6281299160003');
		expect(text).not.toContain(SANDBOX_IDS.spreadsheet);
	});

	it('replaces the edited workflows with the package’s when asked', () => {
		const installed = edited(first.installed, APPROVALS, disableSurvey);
		const ready = callers(office({ ...first, installed, replaceEdited: true }));
		const approvals = ready.find((w) => w.name === APPROVALS)!;
		expect(approvals.outcome).toBe('replaced');
		expect(nodeOf(approvals.body, 'Invite to Survey').disabled).toBeFalsy();
		expect(JSON.parse(approvals.record.value).fingerprint).toBe(fingerprintOf(approvals.body));
		expect(ready.filter((w) => w.name !== APPROVALS).map((w) => w.outcome)).toEqual(
			BUNDLED_WORKFLOWS.slice(1).map(() => 'updated'),
		);
	});

	it('counts a moved node as no edit, a changed connection as one', () => {
		const moved = edited(first.installed, APPROVALS, (node) => ({ ...node, position: [9, 9] }));
		expect(callers(office({ ...first, installed: moved })).map((w) => w.outcome)).not.toContain(
			'kept',
		);
		const rewired = first.installed.map((w) =>
			w.name === APPROVALS ? { ...w, connections: {} } : w,
		);
		expect(
			callers(office({ ...first, installed: rewired })).find((w) => w.name === APPROVALS)!.outcome,
		).toBe('kept');
	});

	it('updates a workflow installed before Setup kept records, and reads no broken record', () => {
		const installed = edited(first.installed, APPROVALS, disableSurvey);
		expect(callers(office({ ...first, installed, records: {} })).map((w) => w.outcome)).toEqual(
			BUNDLED_WORKFLOWS.map(() => 'updated'),
		);
		expect(
			installRecords([
				{ key: 'spreadsheetId', value: '1OfficeSheet' },
				{ key: `installed: ${APPROVALS}`, value: '{not json' },
				{
					key: `installed: ${INTAKE}`,
					value: JSON.stringify({ fingerprint: 'f', ids: { folder: 'F' } }),
				},
				{},
			]),
		).toEqual({ [INTAKE]: { fingerprint: 'f', ids: { folder: 'F' } } });
	});
});
