/**
 * The sub-workflows of workflows/ (a mechanic written once, such as the versioned session save
 * with retry) installed with the ready workflows that call them. A caller's Execute Workflow node
 * names its sub-workflow (`workflowId.cachedResultName`); it can point at the sub-workflow's id
 * only once that is installed: the Setup workflow installs the sub-workflows first, then asks
 * for the callers. Pure.
 */
import { isObject } from '../values';
import { SUB_WORKFLOWS } from './bundled';
import { readyWorkflows, type OfficeSettings, type ReadyWorkflow } from './readyWorkflows';
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

export interface ReadyWorkflowStep extends ReadyWorkflow {
	/** A sub-workflow: install it, then ask for the workflows that call it. */
	callersWaiting?: boolean;
}

/**
 * The ready workflows (./readyWorkflows) in two installing steps: the sub-workflows they call,
 * then the workflows themselves, their Execute Workflow nodes pointed at the installed
 * sub-workflows (`office.installed`).
 */
export function readyWithSubWorkflows(
	files: WorkflowFileShape[],
	office: OfficeSettings,
	step: 'subWorkflows' | 'callers',
	subWorkflows: WorkflowFileShape[] = SUB_WORKFLOWS,
): ReadyWorkflowStep[] {
	const subs = readyWorkflows(subWorkflows, office);
	if (step === 'subWorkflows') return subs.map((sub) => ({ ...sub, callersWaiting: true }));
	const missing = subs.filter((sub) => !sub.id).map((sub) => sub.name);
	if (missing.length)
		throw new Error(`Install the sub-workflows first: ${missing.join(', ')} is not installed`);
	const ids = Object.fromEntries(subs.map((sub) => [sub.name, sub.id!]));
	return readyWorkflows(files, office).map((ready) => ({
		...ready,
		body: pointedAtSubWorkflows(ready.body, ids),
	}));
}
