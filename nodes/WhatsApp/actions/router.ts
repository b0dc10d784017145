/** Runs the chosen operation for every input item, with paired items and continue-on-fail. */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createGateway, type Gateway } from '../providers/gateway';
import type { Provider } from '../transport';
import { retryPolicy } from './common';
import * as sendText from './message/sendText.operation';
import * as sendButtons from './message/sendButtons.operation';
import * as sendList from './message/sendList.operation';
import * as sendReplies from './message/sendReplies.operation';
import * as markRead from './message/markRead.operation';
import * as sendTemplate from './message/sendTemplate.operation';
import * as sendNotice from './message/sendNotice.operation';
import * as createTemplates from './message/createTemplates.operation';
import * as sendDocument from './media/sendDocument.operation';
import * as sendImage from './media/sendImage.operation';
import * as download from './media/download.operation';

type Operation = {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		gateway: Gateway,
	): Promise<INodeExecutionData>;
};

export const operations: Record<string, Record<string, Operation>> = {
	message: {
		sendText,
		sendButtons,
		sendList,
		sendReplies,
		sendTemplate,
		sendNotice,
		createTemplates,
		markRead,
	},
	media: { sendDocument, sendImage, download },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const provider = this.getNodeParameter('provider', i) as Provider;
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const op = operations[resource]?.[operation];
			if (!op) {
				throw new NodeOperationError(
					this.getNode(),
					`Unknown operation "${resource}.${operation}"`,
					{ itemIndex: i },
				);
			}
			const gateway = await createGateway(this, provider, i, retryPolicy(this, i));
			const result = await op.execute.call(this, i, gateway);
			out.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
				continue;
			}
			// Both constructors hand back an error of their own class unchanged.
			if (error instanceof NodeApiError)
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [out];
}
