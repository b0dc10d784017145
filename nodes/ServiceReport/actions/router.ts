import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as computeIndicators from './computeIndicators.operation';
import * as reportPdf from './reportPdf.operation';

export const operations = { computeIndicators, reportPdf };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const handler = operations[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`);
	}
	return await handler.execute.call(this);
}
