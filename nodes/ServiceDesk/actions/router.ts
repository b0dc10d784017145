/**
 * Service Desk runs the operation its resource names; most run per item, Triage Decisions, Status
 * Reply and Verification Page are batch operations (a sheet's rows read as one whole).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../n8nHelpers/itemLoop';
import * as conversation from './conversation/Conversation.resource';
import * as letterVerification from './letterVerification/LetterVerification.resource';
import * as outcome from './outcome/Outcome.resource';
import { outputsFor } from './outputs';
import * as requestSheet from './requestSheet/RequestSheet.resource';
import * as service from './service/Service.resource';

export const resources: Record<string, Record<string, Operation>> = {
	conversation: conversation.operations,
	service: service.operations,
	requestSheet: requestSheet.operations,
	letterVerification: letterVerification.operations,
	outcome: outcome.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	return await runOperation(this, resources[resource] ?? {}, (name) => outputsFor(name).length);
}
