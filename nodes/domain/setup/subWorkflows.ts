/**
 * The sub-workflows of workflows/ (a mechanic written once, such as the versioned session save
 * with retry) installed with the ready workflows that call them. A caller's Execute Workflow node
 * names its sub-workflow (`workflowId.cachedResultName`); it can point at the sub-workflow's id
 * only once that is installed: the Setup workflow installs the sub-workflows first, then asks
 * for the callers. Before both, it installs the one it calls itself (the office's Drive files),
 * which needs none of the office's ids. Pure.
 */
import { isObject } from '../values';
import { SETUP_SUB_WORKFLOWS, SUB_WORKFLOWS } from './bundled';
import { installing, type InstallingWorkflow } from './edits';
import { readyWorkflow, readyWorkflows, type OfficeSettings } from './readyWorkflows';
import type { WorkflowFileShape, WorkflowNodeFile } from './workflowFile';

const EXECUTE_WORKFLOW = 'n8n-nodes-base.executeWorkflow';

/** The sub-workflow a caller's Execute Workflow node names, if it is one of `subWorkflows`. */
export function calledSubWorkflow(
	node: WorkflowNodeFile,
	subWorkflows: WorkflowFileShape[],
): WorkflowFileShape | undefined {
	if (node.type !== EXECUTE_WORKFLOW) return undefined;
	const locator = node.parameters?.workflowId;
	const name = isObject(locator) ? locator.cachedResultName : undefined;
	return subWorkflows.find((w) => w.name === name);
}

/** `body` with each Execute Workflow node naming a sub-workflow of `ids` pointed at its id. */
export function pointedAtSubWorkflows(
	body: WorkflowFileShape,
	ids: Record<string, string>,
): WorkflowFileShape {
	const nodes = body.nodes.map((node) => {
		const locator = node.parameters?.workflowId;
		const name = isObject(locator) ? String(locator.cachedResultName ?? '') : '';
		if (node.type !== EXECUTE_WORKFLOW || !ids[name]) return node;
		const workflowId = {
			__rl: true,
			mode: 'list',
			value: ids[name],
			cachedResultName: name,
			cachedResultUrl: `/workflow/${ids[name]}`,
		};
		return { ...node, parameters: { ...node.parameters, workflowId } };
	});
	return { ...body, nodes };
}

/** The installing rounds of the Setup workflow, in order. */
export type InstallStep = 'driveFiles' | 'subWorkflows' | 'callers';

/** What the Setup workflow does once a round is installed and published. */
export type AfterInstall = 'findDriveFiles' | 'installCallers' | 'checkAndFinish';

export interface ReadyWorkflowStep extends InstallingWorkflow {
	/** A sub-workflow: install it, then ask for the workflows that call it. */
	callersWaiting?: boolean;
	/** What comes after this round: the same on every item of a round. */
	then: AfterInstall;
}

/**
 * The ready workflows (./readyWorkflows) in three installing rounds: the sub-workflow the Setup
 * workflow calls to find or make the office's spreadsheet and folder (no office id needed: it
 * finds them), the sub-workflows the ready workflows call, then the ready workflows themselves,
 * their Execute Workflow nodes pointed at the installed sub-workflows (`office.installed`). Each
 * says whether it is installed, updated, or kept as the admin edited it (./edits).
 */
export function readyWithSubWorkflows(
	files: WorkflowFileShape[],
	office: OfficeSettings,
	step: InstallStep,
	subWorkflows: WorkflowFileShape[] = SUB_WORKFLOWS,
	setupSubWorkflows: WorkflowFileShape[] = SETUP_SUB_WORKFLOWS,
): ReadyWorkflowStep[] {
	if (step === 'driveFiles') {
		const noIds = { ...office, spreadsheetId: '', folderId: '' };
		return setupSubWorkflows.map((file) => ({
			...installing(readyWorkflow(file, noIds), noIds),
			then: 'findDriveFiles',
		}));
	}
	const subs = readyWorkflows(subWorkflows, office);
	if (step === 'subWorkflows')
		return subs.map((sub) => ({
			...installing(sub, office),
			callersWaiting: true,
			then: 'installCallers',
		}));
	const missing = subs.filter((sub) => !sub.id).map((sub) => sub.name);
	if (missing.length)
		throw new Error(`Install the sub-workflows first: ${missing.join(', ')} is not installed`);
	const ids = Object.fromEntries(subs.map((sub) => [sub.name, sub.id!]));
	return readyWorkflows(files, office).map((ready) => ({
		...installing(ready, office, (body) => pointedAtSubWorkflows(body, ids)),
		then: 'checkAndFinish',
	}));
}
