import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../n8nHelpers/itemLoop';
import * as limitTries from './limitTries.operation';
import * as signPdf from './signPdf.operation';
import * as verifyPdf from './verifyPdf.operation';

export const operations: Record<string, Operation> = { signPdf, verifyPdf, limitTries };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations);
}
