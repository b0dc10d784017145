/** Runs the chosen operation for every input item, through the one item loop of the package. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forEachItem, unknownOperation, type ItemOperation } from '../../n8nHelpers/itemLoop';
import { createGateway } from '../providers/createGateway';
import type { Gateway } from '../providers/gateway';
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

type Operation = ItemOperation<[Gateway]> & { description: INodeProperties[] };

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
	return await forEachItem(this, async (i) => {
		const provider = this.getNodeParameter('provider', i) as Provider;
		const resource = this.getNodeParameter('resource', i) as string;
		const operation = this.getNodeParameter('operation', i) as string;
		const op = operations[resource]?.[operation];
		if (!op) throw unknownOperation(this, `${resource}.${operation}`);
		const gateway = await createGateway(this, provider, i, retryPolicy(this, i));
		return await op.execute.call(this, i, gateway);
	});
}
