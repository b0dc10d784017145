// The sandbox office is set up the way an admin sets up a real one: the Setup workflow
// (workflows/setup.json) imported alone, its form submitted with the sandbox office's answers
// (sandbox/office.json); the Setup run then makes the spreadsheet, folder and data tables and
// installs the ready workflows. Used by provision() for any folder holding the Setup workflow.
import { N8nApiError, PublicApi } from './api';
import { Log, seconds } from './run';
import type { WorkflowFile } from './workflow-file';

export const OFFICE_SETUP_NODE_TYPE = 'n8n-nodes-pecelan.officeSetup';
const FORM_TRIGGER = 'n8n-nodes-base.formTrigger';

/** The Setup workflow: its form and its Office Setup nodes (its sub-workflow has no form). */
export function isSetupWorkflow(file: WorkflowFile): boolean {
	return (
		file.nodes.some((node) => node.type === OFFICE_SETUP_NODE_TYPE) &&
		file.nodes.some((node) => node.type === FORM_TRIGGER)
	);
}

interface FormField {
	fieldName?: string;
	fieldLabel: string;
}

/** What a finished run holds: every node's output by name, the last node, its error. */
export interface SetupRunResult {
	error?: unknown;
	lastNodeExecuted?: string;
	runData?: Record<
		string,
		Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
	>;
}

interface Execution {
	id: string;
	status: string;
	data?: { resultData?: SetupRunResult };
}

export interface SetupFormRun {
	url: string;
	api: PublicApi;
	workflowId: string;
	workflow: WorkflowFile;
	login: { user: string; password: string };
	/** Field name → answer. */
	answers: Record<string, string>;
	log: Log;
	timeoutMs?: number;
}

/** The form's fields in order, as n8n names them in the posted form (field-0, field-1, …). */
function formOf(workflow: WorkflowFile): { path: string; fields: FormField[] } {
	const trigger = workflow.nodes.find((n) => n.type === FORM_TRIGGER);
	const parameters = (trigger?.parameters ?? {}) as {
		options?: { path?: string };
		formFields?: { values?: FormField[] };
	};
	if (!trigger || !parameters.options?.path)
		throw new Error(`${workflow.name}: no Form Trigger with a path`);
	return { path: parameters.options.path, fields: parameters.formFields?.values ?? [] };
}

const executions = (api: PublicApi, workflowId: string) =>
	api.list<Execution>(`/executions?workflowId=${workflowId}`);

/**
 * Submits the form as the admin's browser does, waits for the run to stand at its finish page,
 * then opens that page (the run ends there); the run's data. Throws with the failing node's
 * error otherwise.
 */
export async function submitSetupForm(run: SetupFormRun): Promise<SetupRunResult> {
	const started = Date.now();
	const { path, fields } = formOf(run.workflow);
	const missing = fields.filter((f) => f.fieldName && !(f.fieldName in run.answers));
	if (missing.length)
		run.log(`setup: no sandbox answer for ${missing.map((f) => f.fieldName).join(', ')}`);
	const before = new Set((await executions(run.api, run.workflowId)).map((e) => e.id));
	const form = new FormData();
	fields.forEach((field, i) => form.append(`field-${i}`, run.answers[field.fieldName ?? ''] ?? ''));
	const login = Buffer.from(`${run.login.user}:${run.login.password}`).toString('base64');
	const base = run.url.replace(/\/$/, '');
	const response = await fetch(`${base}/form/${path}`, {
		method: 'POST',
		headers: { authorization: `Basic ${login}` },
		body: form,
		redirect: 'manual',
	});
	if (response.status >= 400)
		throw new Error(`setup: the form answered ${response.status}: ${await response.text()}`);
	const deadline = Date.now() + (run.timeoutMs ?? 300000);
	let ended: Execution | undefined;
	while (!ended) {
		ended = (await executions(run.api, run.workflowId)).find(
			(e) => !before.has(e.id) && !['new', 'running'].includes(e.status),
		);
		if (ended) break;
		if (Date.now() > deadline) throw new Error('setup: the Setup run did not end in time');
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const full = await run.api.call<Execution>('GET', `/executions/${ended.id}?includeData=true`);
	const result = full.data?.resultData ?? {};
	if (result.error || result.lastNodeExecuted !== 'Finish')
		throw new Error(
			`setup: the Setup run ended ${ended.status} at ${result.lastNodeExecuted}: ${JSON.stringify(result.error ?? {}).slice(0, 1500)}`,
		);
	// The browser shows the finish page next; the run ends when it is shown.
	if (ended.status === 'waiting') await fetch(`${base}/form-waiting/${ended.id}`);
	run.log(`setup: the Setup form ran in ${seconds(started)}`);
	return result;
}

/** The rows of a key/value data table (pecelan_office), as an object; empty when there is none. */
export async function keyValueTable(api: PublicApi, name: string): Promise<Record<string, string>> {
	const filter = encodeURIComponent(JSON.stringify({ name }));
	const [table] = await api.list<{ id: string }>(`/data-tables?filter=${filter}`);
	if (!table) return {};
	try {
		const rows = await api.list<{ key: string; value: string }>(`/data-tables/${table.id}/rows`);
		return Object.fromEntries(rows.map((r) => [r.key, r.value]));
	} catch (error) {
		if (error instanceof N8nApiError && error.status === 404) return {};
		throw error;
	}
}
