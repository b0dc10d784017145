import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as signPdf from './signPdf.operation';
import * as verifyPdf from './verifyPdf.operation';

export const operations = { signPdf, verifyPdf };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const handler = operations[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`);
	}
	return await handler.execute.call(this);
}
