/**
 * An admin changes the ready workflows in the n8n editor (a notice's wording, a node switched
 * off, a tenth service). Setup remembers what it installed in each workflow (a fingerprint of its
 * nodes and connections, and the office ids it wrote), kept with the office's records
 * (`pecelan_office`). On a later run a workflow that no longer matches its fingerprint was edited:
 * it keeps the admin's nodes and wording, and gets only what Setup owns in it (the office's
 * letterhead, signatory, numbers, ids, credentials, sub-workflow and table ids), unless the admin
 * asked for the package's workflows back. An untouched one is updated from the package. Pure.
 */
import { createHash } from 'node:crypto';
import { isObject } from '../values';
import {
	officeIds,
	readyWorkflow,
	type OfficeSettings,
	type ReadyWorkflow,
} from './readyWorkflows';
import type { InstallRecord, WorkflowFileShape } from './workflowFile';

/** What one Setup run does to a workflow. */
export type InstallOutcome =
	/** Not in n8n yet: created. */
	| 'installed'
	/** Untouched since Setup installed it (or installed before Setup kept records): the package's. */
	| 'updated'
	/** Edited in the editor: the admin's nodes kept, the office's settings applied. */
	| 'kept'
	/** Edited in the editor, and the admin asked for the package's: the edits are gone. */
	| 'replaced';

export interface InstallingWorkflow extends ReadyWorkflow {
	outcome: InstallOutcome;
	/** The office record to keep once the workflow is installed (a `pecelan_office` row). */
	record: { key: string; value: string };
}

/** The key of a workflow's record in the office's key/value table. */
const RECORD_KEY = 'installed: ';

/** Node fields n8n adds or the editor moves that say nothing about what the workflow does. */
const NOT_FINGERPRINTED = ['id', 'position', 'webhookId', 'credentials'];

/** The value with every object's keys in order, so equal workflows give equal text. */
function ordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(ordered);
	if (!isObject(value)) return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined && value[key] !== null)
			.map((key) => [key, ordered(value[key])]),
	);
}

/**
 * What a workflow does, as a short text: its nodes (by name; what they are, their parameters, on
 * or off) and connections. Where a node sits on the canvas, its id and credentials do not count.
 */
export function fingerprintOf(workflow: {
	nodes?: WorkflowFileShape['nodes'];
	connections?: WorkflowFileShape['connections'];
}): string {
	const nodes = [...(workflow.nodes ?? [])]
		.map((node) =>
			Object.fromEntries(
				Object.entries(node).filter(
					([key, value]) => !NOT_FINGERPRINTED.includes(key) && value !== false,
				),
			),
		)
		.sort((a, b) => String(a.name).localeCompare(String(b.name)));
	const text = JSON.stringify(ordered({ nodes, connections: workflow.connections ?? {} }));
	return createHash('sha256').update(text).digest('hex');
}

/** The install records among the office's key/value rows (`pecelan_office`), by workflow name. */
export function installRecords(rows: unknown[]): Record<string, InstallRecord> {
	const records: Record<string, InstallRecord> = {};
	for (const row of rows) {
		if (!isObject(row) || typeof row.key !== 'string' || !row.key.startsWith(RECORD_KEY)) continue;
		try {
			const value: unknown = JSON.parse(String(row.value));
			if (!isObject(value) || typeof value.fingerprint !== 'string') continue;
			const ids = isObject(value.ids) ? value.ids : {};
			records[row.key.slice(RECORD_KEY.length)] = {
				fingerprint: value.fingerprint,
				ids: Object.fromEntries(
					Object.entries(ids).filter(
						(entry): entry is [string, string] => typeof entry[1] === 'string',
					),
				),
			};
		} catch {
			// A row nobody can read is no record: the workflow counts as untouched.
		}
	}
	return records;
}

const recordOf = (name: string, record: InstallRecord) => ({
	key: `${RECORD_KEY}${name}`,
	value: JSON.stringify(record),
});

/**
 * How Setup installs `ready` (the package's workflow made ready for the office) now: created,
 * updated, or, edited in the editor since Setup last installed it, kept as the admin left it with
 * the office's settings applied (`office.replaceEdited`: replaced by the package's). `finish`
 * completes a body (the sub-workflow ids) before it is fingerprinted.
 */
export function installing(
	ready: ReadyWorkflow,
	office: OfficeSettings,
	finish: (body: WorkflowFileShape) => WorkflowFileShape = (body) => body,
): InstallingWorkflow {
	const ids = officeIds(office);
	const installed = office.installed?.find((w) => w.name === ready.name && w.id);
	const earlier = office.records?.[ready.name];
	const edited =
		!!installed?.nodes && !!earlier && fingerprintOf(installed) !== earlier.fingerprint;
	if (edited && !office.replaceEdited) {
		const mine = readyWorkflow(
			{
				name: ready.name,
				nodes: installed.nodes!,
				connections: installed.connections ?? {},
				settings: installed.settings,
			},
			office,
			earlier.ids,
		);
		return {
			...mine,
			id: installed.id,
			body: finish(mine.body),
			outcome: 'kept',
			// Still what Setup installed: the workflow stays the admin's on the next run too.
			record: recordOf(ready.name, { fingerprint: earlier.fingerprint, ids }),
		};
	}
	const body = finish(ready.body);
	return {
		...ready,
		body,
		outcome: !installed ? 'installed' : edited ? 'replaced' : 'updated',
		record: recordOf(ready.name, { fingerprint: fingerprintOf(body), ids }),
	};
}
