/**
 * The ready workflows of workflows/*.json, bundled into the node at build time (as the letter
 * templates are) so the Setup workflow installs the version of the workflows that matches the
 * installed nodes. The Setup workflow itself is not among them: it installs the others.
 */
import approvals from '../../../workflows/approvals.json';
import fileDocuments from '../../../workflows/file-documents.json';
import intake from '../../../workflows/intake.json';
import register from '../../../workflows/register.json';
import report from '../../../workflows/report.json';
import retention from '../../../workflows/retention.json';
import readMedia from '../../../workflows/read-media.json';
import saveSession from '../../../workflows/save-session.json';
import signing from '../../../workflows/signing.json';
import staffAlerts from '../../../workflows/staff-alerts.json';
import verify from '../../../workflows/verify.json';
import type { WorkflowFileShape } from './workflowFile';

export const BUNDLED_WORKFLOWS = [
	intake,
	approvals,
	verify,
	signing,
	report,
	retention,
	staffAlerts,
	register,
].map((file) => file as unknown as WorkflowFileShape);

/**
 * The sub-workflows the ready workflows call (./subWorkflows): installed before their callers. One
 * that calls another (Read a KTP photo or a voice note takes its step through Save session
 * safely) is pointed at it with the callers.
 */
export const SUB_WORKFLOWS = [saveSession, fileDocuments, readMedia].map(
	(file) => file as unknown as WorkflowFileShape,
);
