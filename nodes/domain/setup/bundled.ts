/**
 * The ready workflows of workflows/*.json, bundled into the node at build time (as the letter
 * templates are) so the Setup workflow installs the version of the workflows that matches the
 * installed nodes. The Setup workflow itself is not among them: it installs the others.
 */
import approvals from '../../../workflows/approvals.json';
import deliverLetter from '../../../workflows/deliver-letter.json';
import fileDocuments from '../../../workflows/file-documents.json';
import intake from '../../../workflows/intake.json';
import letterRecords from '../../../workflows/letter-records.json';
import sendNotice from '../../../workflows/send-notice.json';
import officeFiles from '../../../workflows/office-files.json';
import register from '../../../workflows/register.json';
import report from '../../../workflows/report.json';
import resendLetter from '../../../workflows/resend-letter.json';
import retention from '../../../workflows/retention.json';
import roundLock from '../../../workflows/round-lock.json';
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

/** The sub-workflows the ready workflows call (./subWorkflows): installed before their callers. */
export const SUB_WORKFLOWS = [
	saveSession,
	fileDocuments,
	resendLetter,
	sendNotice,
	roundLock,
	readMedia,
	deliverLetter,
	letterRecords,
].map((file) => file as unknown as WorkflowFileShape);

/**
 * The sub-workflow the Setup workflow calls itself: it finds or makes the office's spreadsheet and
 * Drive folder, so it is installed before the office's ids are known (./subWorkflows).
 */
export const SETUP_SUB_WORKFLOWS = [officeFiles].map(
	(file) => file as unknown as WorkflowFileShape,
);
