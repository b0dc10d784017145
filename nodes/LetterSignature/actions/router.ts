import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type Operation } from '../../common/itemLoop';
import * as signPdf from './signPdf.operation';

export const operations: Record<string, Operation> = { signPdf };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations);
}
