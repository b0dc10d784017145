import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../n8nHelpers/itemLoop';
import * as computeIndicators from './computeIndicators.operation';
import * as registerPdf from './registerPdf.operation';
import * as reportPdf from './reportPdf.operation';

export const operations: Record<string, Operation> = { computeIndicators, reportPdf, registerPdf };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations);
}
