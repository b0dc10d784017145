import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../n8nHelpers/itemLoop';
import * as finishPage from './finishPage.operation';
import * as readyWorkflows from './readyWorkflows.operation';
import * as sampleLetter from './sampleLetter.operation';
import * as shareRequests from './shareRequests.operation';
import * as spreadsheetLayout from './spreadsheetLayout.operation';
import * as spreadsheetRequest from './spreadsheetRequest.operation';

export const operations: Record<string, Operation> = {
	spreadsheetRequest,
	spreadsheetLayout,
	readyWorkflows,
	sampleLetter,
	shareRequests,
	finishPage,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations);
}
