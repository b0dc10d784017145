/**
 * Service Desk operations run per item; Triage Decisions, Status Reply and Verification Page are
 * batch operations (a sheet's rows read as one whole).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../n8nHelpers/itemLoop';
import * as applyChange from './applyChange.operation';
import * as checkApplication from './checkApplication.operation';
import * as complaintReply from './complaintReply.operation';
import * as describeService from './describeService.operation';
import * as draftReminder from './draftReminder.operation';
import * as expiredFolders from './expiredFolders.operation';
import * as handleMessage from './handleMessage.operation';
import * as inviteSurvey from './inviteSurvey.operation';
import * as letterRecord from './letterRecord.operation';
import * as letterRecordChanges from './letterRecordChanges.operation';
import * as listServices from './listServices.operation';
import * as notify from './notify.operation';
import { outputsFor } from './outputs';
import * as reopen from './reopen.operation';
import * as resumeBot from './resumeBot.operation';
import * as routeSavedStep from './routeSavedStep.operation';
import * as sheetRow from './sheetRow.operation';
import * as statusReply from './statusReply.operation';
import * as takeStep from './takeStep.operation';
import * as triage from './triage.operation';
import * as verificationPage from './verificationPage.operation';

export const operations: Record<string, Operation> = {
	handleMessage,
	takeStep,
	routeSavedStep,
	applyChange,
	checkApplication,
	listServices,
	describeService,
	statusReply,
	notify,
	reopen,
	resumeBot,
	sheetRow,
	triage,
	verificationPage,
	inviteSurvey,
	complaintReply,
	letterRecord,
	letterRecordChanges,
	expiredFolders,
	draftReminder,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations, (name) => outputsFor(name).length);
}
